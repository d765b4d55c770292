import { Dexie, type IntervalTree, type ObservabilitySet } from 'dexie';
import type { Note } from '../core/notes/note';
import type { NotesDatabase } from './notes-db';

/**
 * Every note, kept up to date without reading them all again after each change. A live query (useLiveQuery)
 * of the whole notes table runs again in full after any change to it: at 10,000 notes that is a second or two
 * before an edit shows. Here the notes are read once, and then only the notes a change names (Dexie's
 * `storagemutated` event, which also brings changes made by the background and other pages) are read again.
 */

export interface NotesSnapshot {
  /** The notes, tombstones included. */
  notes: Note[];
  /**
   * false: the notes read so far (first the most recently edited live ones, so that the first screen shows at
   * once); true: every note.
   */
  complete: boolean;
}

/**
 * The primary keys a change names in `table` of database `dbName`: undefined when it does not touch the table,
 * 'all' when it names a range rather than keys (a bulk change, a clear, or "everything" after a page came back
 * from the back/forward cache).
 */
export function changedKeys(parts: ObservabilitySet, dbName: string, table: string): string[] | 'all' | undefined {
  if (parts.all && !isEmpty(parts.all)) return 'all';
  const prefix = `idb://${dbName}/${table}/`;
  const trees = [parts[prefix], parts[`${prefix}:dels`]].filter((tree): tree is IntervalTree => !!tree && !isEmpty(tree));
  if (!trees.length) {
    // An index part alone (it never comes without the primary keys, but in case): read everything again.
    return Object.keys(parts).some((part) => part.startsWith(prefix) && !isEmpty(parts[part]!)) ? 'all' : undefined;
  }
  const keys = new Set<string>();
  for (const tree of trees) if (!collectKeys(tree, keys)) return 'all';
  return [...keys];
}

function isEmpty(tree: IntervalTree): boolean {
  return !('from' in tree);
}

/** Adds the single keys of an interval tree; false when a node is a range of more than one key. */
function collectKeys(tree: IntervalTree, keys: Set<string>): boolean {
  const stack: IntervalTree[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (isEmpty(node) || !('from' in node)) continue;
    if (typeof node.from !== 'string' || node.from !== node.to) return false;
    keys.add(node.from);
    if (node.l) stack.push(node.l);
    if (node.r) stack.push(node.r);
  }
  return true;
}

export interface WatchOptions {
  /** A few notes to show before every note is read (lib/recent-notes.ts), if they come first. */
  preview?: Promise<Note[]>;
  /** How many notes a read brings at a time (see readAllNotes). */
  pageSize?: number;
}

/**
 * Every note, tombstones included, in pages of `pageSize` by id (`onPage` gets each but the last, as it comes):
 * each page is a task of its own, where reading 10,000 notes at once held the page for 80 ms (the browser copies
 * the whole result in one go). Pages are separate transactions; watchNotes reads again whatever changes meanwhile.
 */
export async function readAllNotes(db: NotesDatabase, pageSize = 1000, onPage?: (page: Note[]) => void): Promise<Note[]> {
  const all: Note[] = [];
  for (;;) {
    const last = all.at(-1)?.id;
    const page = await (last === undefined ? db.notes.limit(pageSize) : db.notes.where(':id').above(last).limit(pageSize)).toArray();
    all.push(...page);
    if (page.length < pageSize) return all;
    onPage?.(page);
  }
}

/**
 * Watches every note of `db`: until all are read, calls `onChange` with those read so far (the preview's, then
 * page by page: `complete` false); then with all of them, and after every change with all of them again
 * (unchanged notes are the same objects). Returns a function that stops watching.
 */
export function watchNotes(db: NotesDatabase, onChange: (snapshot: NotesSnapshot) => void, { preview, pageSize }: WatchOptions = {}): () => void {
  let stopped = false;
  let notes = new Map<string, Note>();
  let pending: Set<string> | 'all' = new Set();
  let flushing: Promise<void> | undefined;

  const emit = (complete: boolean, list = [...notes.values()]) => {
    if (!stopped) onChange({ notes: list, complete });
  };

  const flush = async () => {
    while (!stopped && (pending === 'all' || pending.size)) {
      const work = pending;
      pending = new Set();
      if (work === 'all') {
        notes = new Map((await readAllNotes(db, pageSize)).map((note) => [note.id, note]));
      } else {
        const ids = [...work];
        const fresh = await db.notes.bulkGet(ids);
        notes = new Map(notes);
        ids.forEach((id, i) => {
          const note = fresh[i];
          if (note) notes.set(id, note);
          else notes.delete(id);
        });
      }
      emit(true);
    }
  };
  const schedule = () => {
    flushing ??= flush()
      .catch(() => undefined)
      .finally(() => {
        flushing = undefined;
        if (pending === 'all' || pending.size) schedule();
      });
  };

  const onMutation = (parts: ObservabilitySet) => {
    const keys = changedKeys(parts, db.name, 'notes');
    if (!keys || pending === 'all') return;
    if (keys === 'all') pending = 'all';
    else for (const key of keys) pending.add(key);
    if (loaded) schedule();
  };
  // Listening before the first read: a change while it runs is read again after it.
  Dexie.on('storagemutated', onMutation);

  // Until every note is read: what has come so far, the preview's notes and then each page, shown as it comes.
  let loaded = false;
  let soFar = new Map<string, Note>();
  const showSoFar = () => {
    if (!loaded && soFar.size) emit(false, [...soFar.values()]);
  };
  preview?.then(
    (recent) => {
      // A note a page already brought is newer than the preview's copy.
      for (const note of recent) if (!soFar.has(note.id)) soFar.set(note.id, note);
      showSoFar();
    },
    () => undefined,
  );
  void (async () => {
    const all = await readAllNotes(db, pageSize, (page) => {
      for (const note of page) soFar.set(note.id, note);
      showSoFar();
    });
    notes = new Map(all.map((note) => [note.id, note]));
    soFar = new Map();
    loaded = true;
    emit(true);
    schedule();
  })().catch(() => {
    loaded = true;
    pending = 'all';
    schedule();
  });

  return () => {
    stopped = true;
    Dexie.on.storagemutated.unsubscribe(onMutation);
  };
}

/** The notes of `db` as an external store for React's useSyncExternalStore; it starts reading at once. */
export interface NotesStore {
  subscribe(listener: () => void): () => void;
  /** undefined until the first notes are read. */
  getSnapshot(): NotesSnapshot | undefined;
  stop(): void;
}

export function createNotesStore(db: NotesDatabase, options?: WatchOptions): NotesStore {
  let snapshot: NotesSnapshot | undefined;
  const listeners = new Set<() => void>();
  const stop = watchNotes(
    db,
    (next) => {
      snapshot = next;
      for (const listener of [...listeners]) listener();
    },
    options,
  );
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    stop,
  };
}
