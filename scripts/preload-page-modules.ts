import type { OutputBundle, OutputChunk } from 'rollup';
import type { HtmlTagDescriptor, Plugin } from 'vite';

/**
 * Extension pages fetch the modules their entry imports dynamically at once, with the entry, rather than when
 * the entry asks for them. An extension's files are local, so fetching early costs little; what the entry defers
 * is running them. The notes manager starts reading notes before its interface runs, and without this the
 * interface's modules were only requested after that: one more round of fetching before the first rows showed.
 * Modules those modules import dynamically in turn (the dataset) are left to load when asked.
 */
export function preloadPageModules(): Plugin {
  return {
    name: 'watchwords-preload-page-modules',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk }) {
        if (!bundle || !chunk) return [];
        const entryGraph = staticGraph([chunk.fileName], bundle);
        const deferred = [...entryGraph].flatMap((file) => chunkOf(bundle, file)?.dynamicImports ?? []);
        return [...staticGraph(deferred, bundle)]
          .filter((file) => !entryGraph.has(file))
          .map((file): HtmlTagDescriptor => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` }, injectTo: 'head' }));
      },
    },
  };
}

function chunkOf(bundle: OutputBundle, file: string): OutputChunk | undefined {
  const output = bundle[file];
  return output?.type === 'chunk' ? output : undefined;
}

/** The chunks `files` are and import statically, transitively. */
function staticGraph(files: string[], bundle: OutputBundle): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !chunkOf(bundle, file)) return;
    seen.add(file);
    chunkOf(bundle, file)!.imports.forEach(visit);
  };
  files.forEach(visit);
  return seen;
}
