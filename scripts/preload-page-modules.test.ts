import type { OutputBundle, OutputChunk } from 'rollup';
import type { HtmlTagDescriptor, IndexHtmlTransformContext, IndexHtmlTransformHook } from 'vite';
import { expect, test } from 'vitest';
import { preloadPageModules } from './preload-page-modules';

function chunk(fileName: string, imports: string[] = [], dynamicImports: string[] = []): OutputChunk {
  return { type: 'chunk', fileName, imports, dynamicImports } as Partial<OutputChunk> as OutputChunk;
}

function bundleOf(...chunks: OutputChunk[]): OutputBundle {
  return Object.fromEntries(chunks.map((c) => [c.fileName, c]));
}

async function preloads(bundle: OutputBundle, entry: string): Promise<string[]> {
  const { transformIndexHtml } = preloadPageModules();
  const handler = (transformIndexHtml as { handler: IndexHtmlTransformHook }).handler;
  const context = { bundle, chunk: bundle[entry], path: '/notes.html', filename: 'notes.html' } as IndexHtmlTransformContext;
  const tags = (await handler.call({} as never, '', context)) as HtmlTagDescriptor[];
  for (const tag of tags) expect(tag).toMatchObject({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true }, injectTo: 'head' });
  return tags.map((tag) => String(tag.attrs!.href));
}

test("a page preloads what its entry's modules import dynamically, and their imports, once", async () => {
  const bundle = bundleOf(
    chunk('chunks/notes.js', ['chunks/start.js', 'chunks/shared.js']),
    chunk('chunks/start.js', ['chunks/shared.js'], ['chunks/mount.js']),
    chunk('chunks/shared.js'),
    chunk('chunks/mount.js', ['chunks/react.js', 'chunks/shared.js', 'chunks/start.js'], ['chunks/dataset.js']),
    chunk('chunks/react.js'),
    chunk('chunks/dataset.js', ['chunks/big.js']),
    chunk('chunks/big.js'),
  );
  // Already fetched with the entry: not again; the dataset, imported later by the interface: left to load when asked.
  expect(await preloads(bundle, 'chunks/notes.js')).toEqual(['/chunks/mount.js', '/chunks/react.js']);
});

test('a page whose modules import nothing dynamically preloads nothing more', async () => {
  const bundle = bundleOf(chunk('chunks/popup.js', ['chunks/react.js']), chunk('chunks/react.js'));
  expect(await preloads(bundle, 'chunks/popup.js')).toEqual([]);
});
