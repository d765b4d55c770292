import { z } from 'zod';
import { canonicalJson } from '../canonical-json';
import { uuidFromText } from './hash';
import { safeDeviceId, stampDevice, stampIso, stampPattern } from './clock';
import { entityTargetSchema, pageTargetSchema, type Note } from './note';

/**
 * A note as devices merge it: every field carries the clock stamp of the change that set it, so that any two
 * copies of a note can be joined and every device ends with the same note whatever order changes reach it in.
 *
 * - The **target** (page and quote, or entity) is fixed when the note is made.
 * - The **text** is a multi-value register: `body` keeps every version that no other version has built on. Each
 *   version lists the versions it was written on top of (`seen`, one latest stamp per device, itself included).
 *   One version is shown (the latest stamp); when two devices changed the text since they last agreed, the other
 *   versions are also kept as separate, visible *conflict copies* (see `conflictCopies`): text is never dropped.
 * - **Tags** are a last-writer-wins set: each tag remembers when it was last added and last removed.
 * - **Delete** is a tombstone that remembers which text versions the deleting device had seen. A text version it
 *   had not seen (written on another device before that device heard of the delete) brings the note back: the
 *   delete was made without knowing that text, and deleting it would lose it. Tag changes do not bring a note back.
 *   A restore is a later stamp on the same register. After the undo window a deleted note's text and target are
 *   purged on each device (`purgeDeleted`); the tombstone keeps its id and stamps only.
 *
 * Joining (`joinNotes`) is commutative, associative and idempotent, so applying a batch of changes twice or out
 * of order changes nothing (property-tested in merge.property.test.ts).
 */

const stamp = z.string().regex(stampPattern, 'not a clock stamp');
/** One latest stamp per device, sorted. */
const vector = z.array(stamp).max(1000);

export const targetSchema = z.discriminatedUnion('kind', [pageTargetSchema, entityTargetSchema]);
export type Target = z.infer<typeof targetSchema>;

export const bodyVersionSchema = z
  .object({
    stamp,
    seen: vector,
    /** Absent when this device does not have the text (purged after a delete, or left out of an export). */
    text: z.string().max(20000).optional(),
  })
  .strict();
export type BodyVersion = z.infer<typeof bodyVersionSchema>;

export const tagStateSchema = z
  .object({ name: z.string().trim().min(1).max(100), added: stamp.optional(), removed: stamp.optional() })
  .strict();
export type TagState = z.infer<typeof tagStateSchema>;

export const noteStateSchema = z
  .object({
    id: z.uuid(),
    created: z
      .object({
        stamp,
        /** Absent once purged after a delete. */
        target: targetSchema.optional(),
        /** The note this one is a conflict copy of. */
        conflictOf: z.uuid().optional(),
      })
      .strict()
      .optional(),
    body: z.array(bodyVersionSchema).max(100),
    tags: z.array(tagStateSchema).max(1000),
    deleted: z.object({ stamp, value: z.boolean(), seen: vector }).strict().optional(),
  })
  .strict();
export type NoteState = z.infer<typeof noteStateSchema>;

/** The tag every conflict copy carries, so the reader can find them. */
export const conflictTag = 'conflict';

// ---------------------------------------------------------------------------------------------------------------
// Version vectors

/** Pointwise maximum of stamp vectors (one latest stamp per device). */
export function joinVectors(...vectors: readonly (readonly string[])[]): string[] {
  const latest = new Map<string, string>();
  for (const v of vectors) {
    for (const s of v) {
      const device = stampDevice(s);
      const known = latest.get(device);
      if (known === undefined || s > known) latest.set(device, s);
    }
  }
  return [...latest.values()].sort();
}

/** Whether everything in `a` is in `b`. */
export function vectorCovers(b: readonly string[], a: readonly string[]): boolean {
  if (a.length === 0) return true;
  const latest = new Map(b.map((s) => [stampDevice(s), s]));
  return a.every((s) => {
    const known = latest.get(stampDevice(s));
    return known !== undefined && known >= s;
  });
}

/** Whether version `v` is an ancestor of (or the same as) `w`. */
function dominated(v: BodyVersion, w: BodyVersion): boolean {
  return vectorCovers(w.seen, v.seen);
}

// ---------------------------------------------------------------------------------------------------------------
// Join

function maxStamp(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a > b ? a : b;
}

function joinBody(a: readonly BodyVersion[], b: readonly BodyVersion[]): BodyVersion[] {
  if (b.length === 0) return [...a];
  if (a.length === 0) return [...b];
  const byStamp = new Map<string, BodyVersion>();
  for (const version of [...a, ...b]) {
    const known = byStamp.get(version.stamp);
    // A version never changes once written; one copy may lack its text (purged or not exported): keep the text.
    if (!known || (known.text === undefined && version.text !== undefined)) byStamp.set(version.stamp, version);
  }
  const all = [...byStamp.values()];
  return all.filter((v) => !all.some((w) => w !== v && dominated(v, w))).sort((x, y) => (x.stamp < y.stamp ? -1 : 1));
}

function joinTags(a: readonly TagState[], b: readonly TagState[]): TagState[] {
  if (b.length === 0) return [...a];
  if (a.length === 0) return [...b];
  const byName = new Map<string, TagState>();
  for (const tag of [...a, ...b]) {
    const known = byName.get(tag.name);
    if (!known) byName.set(tag.name, tag);
    else byName.set(tag.name, withoutUndefined({ name: tag.name, added: maxStamp(known.added, tag.added), removed: maxStamp(known.removed, tag.removed) }));
  }
  return [...byName.values()].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
}

function withoutUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}

/** Joins two states of the same note (see the module comment). */
export function joinNotes(a: NoteState, b: NoteState): NoteState {
  if (a.id !== b.id) throw new Error('Only states of the same note can be joined.');
  let created = a.created ?? b.created;
  if (a.created && b.created) {
    const [first, second] = a.created.stamp <= b.created.stamp ? [a.created, b.created] : [b.created, a.created];
    created = withoutUndefined({ stamp: first.stamp, target: first.target ?? second.target, conflictOf: first.conflictOf ?? second.conflictOf });
  }
  const deleted = !a.deleted ? b.deleted : !b.deleted ? a.deleted : a.deleted.stamp >= b.deleted.stamp ? a.deleted : b.deleted;
  return withoutUndefined({ id: a.id, created, body: joinBody(a.body, b.body), tags: joinTags(a.tags, b.tags), deleted });
}

// ---------------------------------------------------------------------------------------------------------------
// What a state shows

/** The text versions a reader can see: all, or when deleted, those the delete had not seen (they bring it back). */
export function visibleVersions(state: NoteState): BodyVersion[] {
  const { deleted } = state;
  if (!deleted?.value) return state.body;
  return state.body.filter((v) => !vectorCovers(deleted.seen, v.seen));
}

export function isDeleted(state: NoteState): boolean {
  return state.deleted?.value === true && visibleVersions(state).length === 0;
}

/** The version shown: the latest visible one. */
export function shownVersion(state: NoteState): BodyVersion | undefined {
  const visible = visibleVersions(state);
  return visible[visible.length - 1];
}

export function liveTags(state: NoteState): string[] {
  return state.tags
    .filter((tag) => tag.added !== undefined && (tag.removed === undefined || tag.added > tag.removed))
    .sort((x, y) => (x.added! < y.added! ? -1 : x.added! > y.added! ? 1 : x.name < y.name ? -1 : 1))
    .map((tag) => tag.name);
}

/** The latest stamp anywhere in the state. */
export function latestStamp(state: NoteState): string | undefined {
  let latest = state.created?.stamp;
  for (const v of state.body) latest = maxStamp(latest, v.stamp);
  for (const t of state.tags) latest = maxStamp(maxStamp(latest, t.added), t.removed);
  return maxStamp(latest, state.deleted?.stamp);
}

/** Every stamp in the state (for the clock to take in). */
export function stampsOf(state: NoteState): string[] {
  const stamps: string[] = [];
  if (state.created) stamps.push(state.created.stamp);
  for (const v of state.body) stamps.push(v.stamp, ...v.seen);
  for (const t of state.tags) {
    if (t.added) stamps.push(t.added);
    if (t.removed) stamps.push(t.removed);
  }
  if (state.deleted) stamps.push(state.deleted.stamp, ...state.deleted.seen);
  return stamps;
}

const maxTags = 50;

/**
 * The note as the rest of Watchwords sees it, or undefined when this device does not know its target (a purged
 * tombstone, or a change that arrived without it).
 */
export function noteView(state: NoteState): Note | undefined {
  const target = state.created?.target;
  if (!state.created || !target) return undefined;
  const deleted = isDeleted(state);
  const shown = shownVersion(state);
  return {
    id: state.id,
    createdAt: stampIso(state.created.stamp),
    updatedAt: stampIso(latestStamp(state)!),
    deletedAt: deleted ? stampIso(state.deleted!.stamp) : null,
    deviceId: stampDevice(state.created.stamp),
    target,
    body: deleted ? (state.body[state.body.length - 1]?.text ?? '') : (shown?.text ?? ''),
    // Two devices adding tags at once may pass the limit of one; the oldest are shown, all are kept.
    tags: liveTags(state).slice(0, maxTags),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Local changes: each returns the delta to record and join (the whole new state is `joinNotes(state, delta)`).

/** A new note. */
export function createNoteState(id: string, target: Target, text: string, tags: readonly string[], at: string, conflictOf?: string): NoteState {
  return withoutUndefined({
    id,
    created: withoutUndefined({ stamp: at, target, conflictOf }),
    body: [{ stamp: at, seen: [at], text }],
    tags: [...new Set(tags)].map((name) => ({ name, added: at })).sort((x, y) => (x.name < y.name ? -1 : 1)),
  });
}

/**
 * A change of text, written on top of every version this device has (so it settles a conflict the reader has
 * seen: the other versions live on as conflict copies). Carries the target so that a device which purged the
 * note after a delete can show it again if this change brings it back.
 */
export function editText(state: NoteState, text: string, at: string): NoteState {
  const seen = joinVectors(...state.body.map((v) => v.seen), [at]);
  return withoutUndefined({ id: state.id, created: state.created, body: [{ stamp: at, seen, text }], tags: [] });
}

/** Sets the note's tags to exactly `tags`. */
export function setTags(state: NoteState, tags: readonly string[], at: string): NoteState {
  const wanted = new Set(tags);
  const live = new Set(liveTags(state));
  const changes: TagState[] = [];
  for (const name of wanted) if (!live.has(name)) changes.push({ name, added: at });
  for (const name of live) if (!wanted.has(name)) changes.push({ name, removed: at });
  return { id: state.id, ...(state.created && { created: { stamp: state.created.stamp } }), body: [], tags: changes.sort((x, y) => (x.name < y.name ? -1 : 1)) };
}

export function addTag(state: NoteState, tag: string, at: string): NoteState {
  return setTags(state, [...new Set([...liveTags(state), tag])], at);
}

/** A delete: remembers every text version it has seen; carries no text. */
export function deleteNote(state: NoteState, at: string): NoteState {
  return {
    id: state.id,
    ...(state.created && { created: { stamp: state.created.stamp } }),
    body: [],
    tags: [],
    deleted: { stamp: at, value: true, seen: joinVectors(...state.body.map((v) => v.seen)) },
  };
}

/** Undoes a delete. Carries the text and target, which devices that already purged the note need back. */
export function restoreNote(state: NoteState, at: string): NoteState {
  return withoutUndefined({ id: state.id, created: state.created, body: state.body, tags: [], deleted: { stamp: at, value: false, seen: [] } });
}

/**
 * Forgets a deleted note's text: the text of every version the delete had seen, and the target once the note is
 * deleted for good. The tombstone keeps ids and stamps, so the delete still travels. Local only, never recorded.
 */
export function purgeDeleted(state: NoteState): NoteState {
  const { deleted } = state;
  if (!deleted?.value) return state;
  const body = state.body.map((v) => (v.text !== undefined && vectorCovers(deleted.seen, v.seen) ? { stamp: v.stamp, seen: v.seen } : v));
  const created = state.created && isDeleted(state) ? withoutUndefined({ stamp: state.created.stamp, conflictOf: state.created.conflictOf }) : state.created;
  return withoutUndefined({ ...state, created, body });
}

/** Whether `purgeDeleted` would remove anything. */
export function hasPurgeableText(state: NoteState): boolean {
  const { deleted } = state;
  if (!deleted?.value) return false;
  return (isDeleted(state) && state.created?.target !== undefined) || state.body.some((v) => v.text !== undefined && vectorCovers(deleted.seen, v.seen));
}

/** Leaves the text out of a deleted note (exports carry tombstones without text). */
export function withoutDeletedText(state: NoteState): NoteState {
  if (!isDeleted(state)) return state;
  return {
    id: state.id,
    ...(state.created && { created: withoutUndefined({ stamp: state.created.stamp, conflictOf: state.created.conflictOf }) }),
    body: state.body.map(({ stamp, seen }) => ({ stamp, seen })),
    tags: state.tags,
    ...(state.deleted && { deleted: state.deleted }),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Conflict copies

/**
 * A conflict copy's id: the same on every device for the same note and losing version, so two devices that see
 * the same conflict make the same copy (and joining the two copies is a no-op).
 */
export function conflictCopyId(noteId: string, versionStamp: string): string {
  return uuidFromText(`${noteId}|${versionStamp}`);
}

/**
 * The conflict copies a state calls for: one note per visible text version other than the shown one, holding that
 * version's text on the same target, tagged `conflict`. Stamped with the losing version's own stamp, so every
 * device makes exactly the same copy.
 */
export function conflictCopies(state: NoteState): NoteState[] {
  const target = state.created?.target;
  if (!target) return [];
  const visible = visibleVersions(state);
  if (visible.length < 2) return [];
  return visible
    .slice(0, -1)
    .filter((v) => v.text !== undefined)
    .map((v) => createNoteState(conflictCopyId(state.id, v.stamp), target, v.text!, [conflictTag], v.stamp, state.id));
}

/** Two states are the same note in the same state. */
export function sameState(a: NoteState, b: NoteState): boolean {
  return a === b || canonicalJson(a) === canonicalJson(b);
}

// ---------------------------------------------------------------------------------------------------------------
// Notes from before clocks

/**
 * The state of a note kept or exported before notes carried clocks (database version 2, export version 1). The
 * stamps come from its own times and device, so converting the same note twice gives the same state and
 * importing an old export of notes already here changes nothing.
 */
export function legacyNoteState(note: Note): NoteState {
  const device = safeDeviceId(note.deviceId);
  const at = (iso: string, counter = 0) => `${new Date(iso).toISOString()}-${counter.toString(16).padStart(4, '0')}-${device}`;
  const created = at(note.createdAt);
  const deleted = note.deletedAt !== null;
  // A deleted note's updatedAt is its delete; its text is from no later than that.
  const textStamp = deleted || note.updatedAt <= note.createdAt ? created : at(note.updatedAt);
  const tagStamp = textStamp;
  const state: NoteState = {
    id: note.id,
    created: { stamp: created, target: note.target },
    body: [{ stamp: textStamp, seen: textStamp === created ? [created] : [textStamp], text: note.body }],
    tags: [...new Set(note.tags)].map((name) => ({ name, added: tagStamp })).sort((x, y) => (x.name < y.name ? -1 : 1)),
  };
  if (deleted) state.deleted = { stamp: at(note.updatedAt > note.createdAt ? note.updatedAt : note.createdAt, 1), value: true, seen: [textStamp] };
  return state;
}
