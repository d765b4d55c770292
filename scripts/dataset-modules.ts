import type { Plugin } from 'vite';
import { readDataset, dataDir } from './dataset-files';

/**
 * Compiles `data/*.json` into the bundle at build time, validated: an invalid entry fails the build.
 * - `virtual:watchwords/terms`: what the matcher needs (id, name, kind, aliases, identifiers), for the content script;
 * - `virtual:watchwords/entries`: whole entries, for cards (served by the background) and extension pages.
 */
export function datasetModules(): Plugin {
  const modules: Record<string, () => string> = {
    'virtual:watchwords/terms': () =>
      `export default ${JSON.stringify(readDataset().map(({ id, name, kind, aliases, identifiers }) => ({ id, name, kind, aliases, identifiers })))};`,
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
