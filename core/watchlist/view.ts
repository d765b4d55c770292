import type { Kind } from '../dataset/kinds';
import type { ReaderEntry, WatchEntry } from './entry';
import type { PackMeta } from './pack';
import type { Report } from './reports';
import type { HiddenTerm } from './runtime';

/** A pack as kept: its header, its accepted entries, whether it is switched on, and where it came from. */
export interface StoredPack {
  id: string;
  meta: PackMeta;
  entries: WatchEntry[];
  enabled: boolean;
  /** ISO timestamp of the import; packs join the dataset in this order. */
  imported: string;
  /** The file name or the https address it was imported from. */
  from: string;
}

/** A page on which a reader's or a pack's entry was found, and how often (the last reading). */
export interface Sighting {
  entityId: string;
  page: string;
  title: string;
  count: number;
  /** ISO timestamp. */
  seen: string;
}

/** What the Watchlist page shows. */
export interface WatchlistView {
  revision: number;
  entries: (ReaderEntry & { runtimeId: string; hidden: HiddenTerm[]; seen: Sighting[] })[];
  packs: (Omit<StoredPack, 'entries'> & { entries: { id: string; name: string; kind: Kind; summary: string; hidden: HiddenTerm[] }[] })[];
  reports: Report[];
}
