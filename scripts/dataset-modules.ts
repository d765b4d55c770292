import type { Plugin } from 'vite';
import { readDataset, dataDir } from './dataset-files';

/**
 * Compiles `data/*.json` into the bundle at build time, validated: an invalid entry fails the build.
 * - `virtual:watchwords/terms`: what the matcher needs (id, name, kind, aliases, identifiers, and the ids of related
 *   entries, evidence for each other's ambiguous names), for the content script;
 * - `virtual:watchwords/entries`: whole entries, for cards (served by the background) and extension pages.
 */
/** The ids an entry is related to, under one key (which relation it is does not matter to the matcher). */
function relatedIds(relations: Record<string, string[] | undefined>): { related?: string[] } {
  const ids = [...new Set(Object.values(relations).flatMap((list) => list ?? []))];
  return ids.length ? { related: ids } : {};
}

export function datasetModules(): Plugin {
  const modules: Record<string, () => string> = {
    'virtual:watchwords/terms': () =>
      `export default ${JSON.stringify(readDataset().map(({ id, name, kind, aliases, identifiers, relations }) => ({ id, name, kind, aliases, identifiers, relations: relatedIds(relations) })))};`,
    'virtual:watchwords/entries': () => `export default ${JSON.stringify(readDataset())};`,
  };
  return {
    name: 'watchwords-dataset',
    resolveId: (id) => (id in modules ? `\0${id}` : undefined),
    load(id) {
      const make = id.startsWith('\0') ? modules[id.slice(1)] : undefined;
      if (!make) return undefined;
      this.addWatchFile(dataDir);
      return make();
    },
  };
}
