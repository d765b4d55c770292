import { siteOf } from '../site';
import type { Note } from './note';

/**
 * The notes manager's pure parts: the in-memory search index, full-text search, filters and sorting. No DOM.
 * Built for 10,000 notes: the index is made once per change of the notes (reusing unchanged entries), sorting
 * happens once per order, and a keystroke only runs `filterNotes` over the sorted entries.
 */

/** One live note with what the manager sorts, filters and shows it by. */
export interface IndexedNote {
  note: Note;
  /** The page's site (host without "www."), '' for entity notes. */
  site: string;
  /** The entity's name for entity notes (its id when the dataset no longer has it), '' for page notes. */
  entityName: string;
  /** Times in milliseconds since the epoch. */
  created: number;
  updated: number;
  /** The folded search text; made on first use (see `searchText`). */
  search?: string;
}

export type NoteSort = 'newest' | 'oldest' | 'edited' | 'site';
export const noteSorts: { value: NoteSort; label: string }[] = [
  { value: 'edited', label: 'Recently edited' },
  { value: 'newest', label: 'Newest first' },
  { value: 'oldest', label: 'Oldest first' },
  { value: 'site', label: 'By site' },
];

export interface NoteFilters {
  /** What the reader typed in the search box. */
  text: string;
  site?: string;
  entityId?: string;
  tag?: string;
  /** Creation time bounds in milliseconds, inclusive `from`, exclusive `to` (see `dayStart`/`dayAfter`). */
  from?: number;
  to?: number;
  orphanedOnly?: boolean;
}

const quotes: Record<string, string> = { '‘': "'", '’': "'", '‚': "'", '‛': "'", '′': "'", '“': '"', '”': '"', '„': '"', '‟': '"', '″': '"' };

/**
 * Text as search compares it: lower case, without accents or other combining marks, compatibility forms
 * unfolded (ligatures, full-width letters), curly quotes straightened, runs of white space as one space.
 */
export function foldText(text: string): string {
  let folded = text;
  // Plain ASCII (most of it) needs no Unicode work.
  if (/[^\x00-\x7f]/.test(folded)) {
    folded = folded
      .normalize('NFKD')
      .toLowerCase()
      .replace(/\p{M}+/gu, '')
      .replace(/ß/g, 'ss')
      .replace(/ı/g, 'i')
      .replace(/[‘’‚‛′“”„‟″]/g, (mark) => quotes[mark]!);
  }
  return folded.toLowerCase().replace(/\s+/g, ' ');
}

/**
 * The words of a search, folded: every one must be found (anywhere, as part of a word too). "Double-quoted
 * text" is one phrase. Empty for a blank search.
 */
export function searchTokens(query: string): string[] {
  const tokens: string[] = [];
  const folded = foldText(query);
  for (const [, phrase, word] of folded.matchAll(/"([^"]*)"?|([^\s"]+)/g)) {
    const token = (phrase ?? word ?? '').trim();
    if (token) tokens.push(token);
  }
  // A word inside another adds nothing; the longest first rejects most notes soonest.
  const unique = [...new Set(tokens)].sort((a, b) => b.length - a.length);
  return unique.filter((token, i) => !unique.slice(0, i).some((longer) => longer.includes(token)));
}

/** The folded text a search looks in: body, quote, page title, tags and the entity's name, one field a line. */
export function searchText(entry: IndexedNote): string {
  if (entry.search !== undefined) return entry.search;
  const { note } = entry;
  const fields = [note.body, ...note.tags];
  if (note.target.kind === 'page') fields.push(note.target.quote.exact, note.target.title);
  else fields.push(entry.entityName);
  entry.search = fields.map(foldText).join('\n');
  return entry.search;
}

export type EntityNames = (entityId: string) => string | undefined;

/**
 * Makes an indexer: from the notes as read from the database (tombstones included), the live ones, indexed.
 * Entries of notes that did not change since the previous call are reused, search text included.
 */
export function createNoteIndexer(entityName: EntityNames): (notes: readonly Note[]) => IndexedNote[] {
  let previous = new Map<string, IndexedNote>();
  return (notes) => {
    const next = new Map<string, IndexedNote>();
    const entries: IndexedNote[] = [];
    for (const note of notes) {
      if (note.deletedAt !== null) continue;
      const old = previous.get(note.id);
      const entry = old?.note === note ? old : old && old.note.updatedAt === note.updatedAt ? { ...old, note } : indexNote(note, entityName);
      next.set(note.id, entry);
      entries.push(entry);
    }
    previous = next;
    return entries;
  };
}

export function indexNote(note: Note, entityName: EntityNames): IndexedNote {
  const { target } = note;
  return {
    note,
    site: target.kind === 'page' ? (siteOf(target.url) ?? '') : '',
    entityName: target.kind === 'entity' ? (entityName(target.entityId) ?? target.entityId) : '',
    created: Date.parse(note.createdAt),
    updated: Date.parse(note.updatedAt),
  };
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Newest first, then by id, so that equal times keep one order. */
const newest = (a: IndexedNote, b: IndexedNote) => b.created - a.created || byText(a.note.id, b.note.id);

function bySite(a: IndexedNote, b: IndexedNote): number {
  // Page notes by site, then page, then place on the page; entity notes after them, by entity name.
  const ta = a.note.target;
  const tb = b.note.target;
  if (ta.kind !== tb.kind) return ta.kind === 'page' ? -1 : 1;
  if (ta.kind === 'page' && tb.kind === 'page') {
    return byText(a.site, b.site) || byText(ta.url, tb.url) || ta.position.start - tb.position.start || newest(a, b);
  }
  return byText(a.entityName.toLowerCase(), b.entityName.toLowerCase()) || newest(a, b);
}

const comparators: Record<NoteSort, (a: IndexedNote, b: IndexedNote) => number> = {
  newest,
  oldest: (a, b) => a.created - b.created || byText(a.note.id, b.note.id),
  edited: (a, b) => b.updated - a.updated || newest(a, b),
  site: bySite,
};

/** A sorted copy. */
export function sortNotes(entries: readonly IndexedNote[], sort: NoteSort): IndexedNote[] {
  return [...entries].sort(comparators[sort]);
}

/** Whether a filter other than the search text is set. */
export function hasFilters(filters: NoteFilters): boolean {
  return !!(filters.site || filters.entityId || filters.tag || filters.from !== undefined || filters.to !== undefined || filters.orphanedOnly);
}

/**
 * The entries that pass every filter and contain every search word, in the order given. `orphaned` holds the
 * ids of the page notes that were not found again the last time their page was read.
 */
export function filterNotes(entries: readonly IndexedNote[], filters: NoteFilters, orphaned: ReadonlySet<string>): IndexedNote[] {
  const tokens = searchTokens(filters.text);
  const { site, entityId, tag, from, to, orphanedOnly } = filters;
  if (!tokens.length && !hasFilters(filters)) return entries.slice();
  const result: IndexedNote[] = [];
  for (const entry of entries) {
    const { note } = entry;
    if (site !== undefined && site !== '' && entry.site !== site) continue;
    if (entityId && (note.target.kind !== 'entity' || note.target.entityId !== entityId)) continue;
    if (tag && !note.tags.includes(tag)) continue;
    if (from !== undefined && entry.created < from) continue;
    if (to !== undefined && entry.created >= to) continue;
    if (orphanedOnly && !orphaned.has(note.id)) continue;
    if (tokens.length) {
      const text = searchText(entry);
      let all = true;
      for (const token of tokens) {
        if (!text.includes(token)) {
          all = false;
          break;
        }
      }
      if (!all) continue;
    }
    result.push(entry);
  }
  return result;
}

/**
 * Whether every note a search for `next` finds is among those `previous` found: each word of `previous` is part
 * of a word of `next` (typing on, as in "sur" → "surv" or "surv" → "surv ice"). Then `next` can search the
 * results of `previous` rather than every note.
 */
export function narrowsSearch(previous: string, next: string): boolean {
  const before = searchTokens(previous);
  const after = searchTokens(next);
  return before.every((token) => after.some((longer) => longer.includes(token)));
}

/** Whether two sets of filters are the same, leaving the search text aside. */
export function sameFilters(a: NoteFilters, b: NoteFilters): boolean {
  return (
    (a.site || '') === (b.site || '') &&
    (a.entityId || '') === (b.entityId || '') &&
    (a.tag || '') === (b.tag || '') &&
    a.from === b.from &&
    a.to === b.to &&
    !!a.orphanedOnly === !!b.orphanedOnly
  );
}

export interface Facet {
  value: string;
  label: string;
  count: number;
}

export interface NoteFacets {
  sites: Facet[];
  entities: Facet[];
  tags: Facet[];
}

/** The sites, entities and tags of the notes, with how many notes each has, in alphabetical order. */
export function noteFacets(entries: readonly IndexedNote[]): NoteFacets {
  const sites = new Map<string, Facet>();
  const entities = new Map<string, Facet>();
  const tags = new Map<string, Facet>();
  const count = (map: Map<string, Facet>, value: string, label: string) => {
    const facet = map.get(value);
    if (facet) facet.count++;
    else map.set(value, { value, label, count: 1 });
  };
  for (const entry of entries) {
    const { target } = entry.note;
    if (target.kind === 'page') {
      if (entry.site) count(sites, entry.site, entry.site);
    } else count(entities, target.entityId, entry.entityName);
    for (const tag of new Set(entry.note.tags)) count(tags, tag, tag);
  }
  const sorted = (map: Map<string, Facet>) =>
    [...map.values()].sort((a, b) => byText(a.label.toLowerCase(), b.label.toLowerCase()) || byText(a.value, b.value));
  return { sites: sorted(sites), entities: sorted(entities), tags: sorted(tags) };
}

/** The start of a local calendar day written YYYY-MM-DD (a date input's value), in ms; undefined if not a date. */
export function dayStart(date: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const day = new Date(y, m - 1, d);
  return day.getFullYear() === y && day.getMonth() === m - 1 && day.getDate() === d ? day.getTime() : undefined;
}

/** The start of the day after a YYYY-MM-DD date, in ms: the exclusive end of a range that includes the day. */
export function dayAfter(date: string): number | undefined {
  const start = dayStart(date);
  if (start === undefined) return undefined;
  const day = new Date(start);
  return new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1).getTime();
}
