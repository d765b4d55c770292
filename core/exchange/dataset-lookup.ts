import { datasetVersion } from '../dataset/version';
import type { Entry } from '../dataset/schema';
import { createMatcher } from '../matcher/matcher';
import type { ExportInput } from './types';

/** What an export needs of the dataset: entity names and sources, mentions for wikilinks, and its version. */
export function datasetLookup(entries: readonly Entry[]): Pick<ExportInput, 'entity' | 'mentions' | 'datasetVersion'> {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  let matcher: ReturnType<typeof createMatcher> | undefined;
  return {
    datasetVersion: datasetVersion(entries),
    entity: (id) => {
      const entry = byId.get(id);
      return entry && { id, name: entry.name, sources: entry.sources.map(({ title, url }) => ({ title, url })) };
    },
    mentions: (text) => [...new Set((matcher ??= createMatcher(entries)).scan(text).map((m) => m.entity.id))],
  };
}
