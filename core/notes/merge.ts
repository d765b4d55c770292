import { z } from 'zod';
import { canonicalJson } from '../canonical-json';
import { stampPattern } from './clock';
import { conflictCopies, joinNotes, noteStateSchema, noteView, sameState, stampsOf, visibleVersions, type NoteState } from './state';

/** What a recorded change was, for the reader's history and for debugging; merging looks only at the state. */
export const changeKinds = ['add', 'edit', 'tag', 'delete', 'restore', 'import', 'conflict-copy'] as const;
export type ChangeKind = (typeof changeKinds)[number];

/**
 * One change to one note, as recorded by the device that made it and passed to other devices: the part of the
 * note's state it set (a delta, joined into the note wherever it arrives).
 */
export const noteChangeSchema = z
  .object({
    kind: z.enum(changeKinds),
    stamp: z.string().regex(stampPattern),
    note: noteStateSchema,
  })
  .strict();
export type NoteChange = z.infer<typeof noteChangeSchema>;

/** Where merging reads and writes note states (a Map in tests and the CLI, the database in the extension). */
export interface NoteStates {
  get(id: string): NoteState | undefined;
  set(state: NoteState): void;
}

export function mapStates(states: Iterable<NoteState> = []): NoteStates & { map: Map<string, NoteState> } {
  const map = new Map<string, NoteState>();
  for (const state of states) map.set(state.id, map.has(state.id) ? joinNotes(map.get(state.id)!, state) : state);
  return { map, get: (id) => map.get(id), set: (state) => void map.set(state.id, state) };
}

export interface MergeResult {
  /** Ids of notes whose state changed. */
  changed: Set<string>;
  /** Conflict copies made by this merge: new notes to record as this device's changes, so they travel too. */
  copies: NoteState[];
}

/**
 * Joins incoming note states (or change deltas) into `states`, and makes the conflict copies they call for.
 * A copy is made where two versions meet; the device that settles a conflict by editing on top of both already
 * holds the copy, and passes it on with its other notes (in its export, or its sync log before the edit).
 */
export function mergeInto(states: NoteStates, incoming: Iterable<NoteState>): MergeResult {
  const changed = new Set<string>();
  for (const delta of incoming) {
    const known = states.get(delta.id);
    const joined = known ? joinNotes(known, delta) : delta;
    if (!known || !sameState(known, joined)) {
      states.set(joined);
      changed.add(delta.id);
    }
  }
  const copies: NoteState[] = [];
  for (const id of [...changed]) {
    for (const copy of conflictCopies(states.get(id)!)) {
      const known = states.get(copy.id);
      const joined = known ? joinNotes(known, copy) : copy;
      if (known && sameState(known, joined)) continue;
      states.set(joined);
      changed.add(copy.id);
      copies.push(copy);
    }
  }
  return { changed, copies };
}

export type ImportOutcome = 'added' | 'updated' | 'unchanged' | 'older-skipped' | 'conflicting';

/**
 * What merging one incoming note would do, without doing it (the dry-run report of an import):
 * - added: a note not here yet; updated: the note here changes (text, tags, delete or restore);
 * - unchanged: nothing new; older-skipped: the incoming note differs, but only by what is older than here;
 * - conflicting: the text was changed both here and there since they last agreed: a conflict copy will be kept.
 */
export function importOutcome(known: NoteState | undefined, incoming: NoteState): ImportOutcome {
  if (!known) return 'added';
  const joined = joinNotes(known, incoming);
  const shownBefore = canonicalJson(noteView(known));
  if (sameState(known, joined)) return canonicalJson(noteView(incoming)) === shownBefore || !noteView(incoming) ? 'unchanged' : 'older-skipped';
  if (visibleVersions(joined).length > visibleVersions(known).length && visibleVersions(joined).length > 1) return 'conflicting';
  return canonicalJson(noteView(joined)) === shownBefore ? 'unchanged' : 'updated';
}

/** Every stamp in a set of states, for the device clock to take in before it stamps anything else. */
export function stampsIn(states: Iterable<NoteState>): string[] {
  const all: string[] = [];
  for (const state of states) all.push(...stampsOf(state));
  return all;
}
