import { hashHex } from '../notes/hash';
import type { Entry } from './schema';

/**
 * The version of a dataset as exports record it: the day its newest fact was checked, and a short hash of all
 * entries, so two builds with the same day but different entries differ ("2026-11-20+3f2b8c1e").
 */
export function datasetVersion(entries: readonly Entry[]): string {
  const newest = entries.reduce((latest, entry) => (entry.asOf > latest ? entry.asOf : latest), '0000-00-00');
  return `${newest}+${hashHex(JSON.stringify(entries)).slice(0, 8)}`;
}
