import { z } from 'zod';
import { stampIso } from '../notes/clock';
import { noteSchema, type Note } from '../notes/note';
import {
  bodyVersionSchema,
  isDeleted,
  legacyNoteState,
  noteStateSchema,
  noteView,
  shownVersion,
  tagStateSchema,
  targetSchema,
  withoutDeletedText,
  type NoteState,
} from '../notes/state';
import type { EntityInfo, ExportInput, ExportedFile } from './types';

/**
 * Watchwords JSON: the complete, lossless export (documented in docs/export-format.md). Version 2 carries each
 * note's clock stamps (`state`), so importing or merging it elsewhere is a merge, not an overwrite; deleted notes
 * are tombstones without text. Version 1 (the popup's export before clocks) is still read.
 */
export const exportFormat = 'watchwords-notes';
export const currentVersion = 2;

const entitySchema = z
  .object({
    id: z.string().min(1).max(200),
    name: z.string().max(1000),
    sources: z.array(z.object({ title: z.string().max(2000), url: z.string().max(8000) }).strict()).max(100),
  })
  .strict();

/** The state as written: the target and the shown text live once, beside it, not inside it. */
const wireStateSchema = noteStateSchema.extend({
  created: z.object({ stamp: z.string(), conflictOf: z.uuid().optional() }).strict().optional(),
  body: z.array(bodyVersionSchema).max(100),
  tags: z.array(tagStateSchema).max(1000),
});

export const noteEntryV2Schema = z
  .object({
    id: z.uuid(),
    createdAt: z.iso.datetime().optional(),
    updatedAt: z.iso.datetime().optional(),
    /** Set on deleted notes; a deleted note is a tombstone: no target, text or tags. */
    deletedAt: z.iso.datetime().nullable().optional(),
    deviceId: z.string().max(200).optional(),
    target: targetSchema.optional(),
    body: z.string().max(20000).optional(),
    tags: z.array(z.string().max(100)).max(1000).optional(),
    /** For entity notes: what the entity is, for readers without the dataset. Ignored on import. */
    entity: entitySchema.optional(),
    conflictOf: z.uuid().optional(),
    /** The note's clock stamps: what importing and merging go by. */
    state: wireStateSchema,
  })
  .strict();
export type NoteEntryV2 = z.infer<typeof noteEntryV2Schema>;

const headerV2 = z
  .object({
    format: z.literal(exportFormat),
    version: z.literal(2),
    exportedAt: z.iso.datetime(),
    dataset: z.object({ version: z.string().max(200) }).strict().optional(),
    notes: z.array(z.unknown()).max(1_000_000),
  })
  .strict();

const headerV1 = z
  .object({ format: z.literal(exportFormat), version: z.literal(1), exportedAt: z.iso.datetime(), notes: z.array(z.unknown()).max(1_000_000) })
  .strict();

export function encodeEntry(state: NoteState, entity: (id: string) => EntityInfo | undefined): NoteEntryV2 {
  const exported = withoutDeletedText(state);
  const view = noteView(exported);
  const shown = shownVersion(exported);
  const wire = {
    ...exported,
    ...(exported.created && { created: { stamp: exported.created.stamp, ...(exported.created.conflictOf && { conflictOf: exported.created.conflictOf }) } }),
    // The shown text is written once, as `body`.
    body: exported.body.map((v) => (view && v === shown && v.text === view.body ? { stamp: v.stamp, seen: v.seen } : v)),
  };
  if (!view || isDeleted(exported)) {
    return {
      id: state.id,
      ...(exported.created && { createdAt: stampIso(exported.created.stamp) }),
      ...(exported.deleted && { deletedAt: stampIso(exported.deleted.stamp) }),
      state: wire,
    };
  }
  const info = view.target.kind === 'entity' ? (entity(view.target.entityId) ?? { id: view.target.entityId, name: view.target.entityId, sources: [] }) : undefined;
  return {
    id: view.id,
    createdAt: view.createdAt,
    updatedAt: view.updatedAt,
    deletedAt: null,
    deviceId: view.deviceId,
    target: view.target,
    ...(shown?.text !== undefined && { body: view.body }),
    tags: view.tags,
    ...(info && { entity: { id: info.id, name: info.name, sources: info.sources.map(({ title, url }) => ({ title, url })) } }),
    ...(exported.created?.conflictOf && { conflictOf: exported.created.conflictOf }),
    state: wire,
  };
}

/** Rebuilds a note's state from its entry: the target and shown text go back in. */
export function decodeEntry(entry: NoteEntryV2): NoteState {
  if (entry.state.id !== entry.id) throw new Error('the note id and its state disagree');
  const created = entry.state.created && { ...entry.state.created, ...(entry.target && { target: entry.target }) };
  const state = noteStateSchema.parse({ ...entry.state, ...(created && { created }) });
  const shown = shownVersion(state);
  if (shown && shown.text === undefined && entry.body !== undefined) state.body = state.body.map((v) => (v === shown ? { ...v, text: entry.body } : v));
  return state;
}

export function exportWatchwordsJson(input: ExportInput): ExportedFile {
  const notes = [...input.states].sort((a, b) => (a.id < b.id ? -1 : 1)).map((state) => encodeEntry(state, input.entity));
  const file = { format: exportFormat, version: currentVersion, exportedAt: input.now.toISOString(), dataset: { version: input.datasetVersion }, notes };
  return { name: `watchwords-notes-${input.now.toISOString().slice(0, 10)}.json`, mime: 'application/json', data: `${JSON.stringify(file, null, 1)}\n` };
}

export interface Rejected {
  /** Position of the note in the file, from 1. */
  index: number;
  id?: string;
  reason: string;
}

export interface DecodedFile {
  format: 'watchwords-json' | 'w3c';
  version: number;
  states: NoteState[];
  rejected: Rejected[];
}

/** A version-1 note: as the popup exported it (page notes made before alternate addresses have none). */
const noteV1Schema = z.preprocess((raw) => {
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    const target = (raw as { target?: unknown }).target;
    if (target && typeof target === 'object' && (target as { kind?: unknown }).kind === 'page' && !('alternateUrls' in target)) {
      return { ...raw, target: { ...target, alternateUrls: [] } };
    }
  }
  return raw;
}, noteSchema);

/** Whether a parsed JSON value looks like a Watchwords export at all. */
export function isWatchwordsJson(value: unknown): boolean {
  return !!value && typeof value === 'object' && (value as { format?: unknown }).format === exportFormat;
}

/** Reads a Watchwords JSON export of any version. Throws (with one sentence) only when the file as a whole is unusable. */
export function decodeWatchwordsJson(value: unknown): DecodedFile {
  const version = (value as { version?: unknown }).version;
  const rejected: Rejected[] = [];
  const states: NoteState[] = [];
  const each = (notes: unknown[], read: (raw: unknown) => NoteState) => {
    notes.forEach((raw, i) => {
      const id = typeof (raw as { id?: unknown })?.id === 'string' ? String((raw as { id: string }).id).slice(0, 100) : undefined;
      try {
        states.push(read(raw));
      } catch (error) {
        rejected.push({ index: i + 1, ...(id && { id }), reason: describe(error) });
      }
    });
  };
  if (version === 1) {
    const file = headerV1.safeParse(value);
    if (!file.success) throw new Error(`This version-1 export is damaged: ${describe(file.error)}`);
    each(file.data.notes, (raw) => legacyNoteState(noteV1Schema.parse(raw) as Note));
    return { format: 'watchwords-json', version: 1, states, rejected };
  }
  if (version === 2) {
    const file = headerV2.safeParse(value);
    if (!file.success) throw new Error(`This export is damaged: ${describe(file.error)}`);
    each(file.data.notes, (raw) => decodeEntry(noteEntryV2Schema.parse(raw)));
    return { format: 'watchwords-json', version: 2, states, rejected };
  }
  if (typeof version === 'number' && version > currentVersion) throw new Error(`This export is version ${version}, from a newer Watchwords; update Watchwords to import it.`);
  throw new Error('This file says it is a Watchwords export but has no version Watchwords knows.');
}

/** One line for a validation failure: the first problem, with where it is. */
export function describe(error: unknown): string {
  if (error instanceof z.ZodError) {
    const issue = error.issues[0]!;
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    return `${where}${issue.message}`.slice(0, 300);
  }
  return (error instanceof Error ? error.message : String(error)).slice(0, 300);
}
