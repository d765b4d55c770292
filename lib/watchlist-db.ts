import { Dexie, type EntityTable, type Table } from 'dexie';
import type { ReaderEntry } from '../core/watchlist/entry';
import type { Report } from '../core/watchlist/reports';
import type { Sighting, StoredPack } from '../core/watchlist/view';

export type { Sighting, StoredPack };

/**
 * The reader's watchlist: their own entries, the packs they imported, their reports of mistakes and where their
 * entries were seen. Owned by the background (lib/runtime-dataset.ts), in the extension's origin; content scripts
 * and pages ask the background.
 */
export class WatchlistDatabase extends Dexie {
  entries!: EntityTable<ReaderEntry, 'id'>;
  packs!: EntityTable<StoredPack, 'id'>;
  reports!: EntityTable<Report, 'id'>;
  sightings!: Table<Sighting, [string, string]>;

  constructor(name = 'watchwords-watchlist') {
    super(name);
    this.version(1).stores({
      entries: 'id, updated',
      packs: 'id, imported',
      reports: 'id, created',
      sightings: '[entityId+page], entityId, seen',
    });
  }
}
