import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, test } from 'vitest';
import { noteSchema } from '../core/notes/note';
import { legacyNoteState, noteView, stampsOf } from '../core/notes/state';
import { NotesRepository } from './notes-repository';
import { NotesDatabase } from './notes-db';

/** A note as version 1 stored it: page targets had no alternate addresses. */
const version1Note = {
  id: '7f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b',
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
  deletedAt: null,
  deviceId: 'device-a',
  target: {
    kind: 'page',
    url: 'https://news.example/2026/11/story',
    title: 'A story',
    quote: { exact: 'face scans at the dock', prefix: 'agents began ', suffix: ' last spring' },
    position: { start: 120, end: 142 },
  },
  body: 'Ask which database.',
  tags: ['border'],
};
const version1EntityNote = { ...version1Note, id: '0b6e5d4c-3b2a-4190-8f7e-6d5c4b3a2f1e', target: { kind: 'entity', entityId: 'clearview-ai' } };

async function createVersion1(name: string): Promise<void> {
  const old = new Dexie(name);
  old.version(1).stores({ notes: 'id, target.url, target.entityId, updatedAt, *tags', settings: 'key' });
  await old.open();
  await old.table('notes').bulkAdd([version1Note, version1EntityNote]);
  await old.table('settings').put({ key: 'deviceId', value: 'device-a' });
  old.close();
}

describe('notes database migrations', () => {
  test('version 1 → 3: every note is kept, page notes gain alternate addresses, anchoring table appears', async () => {
    const name = `migration-${crypto.randomUUID()}`;
    await createVersion1(name);
    const db = new NotesDatabase(name);
    const notes = await db.notes.toArray();
    expect(notes).toHaveLength(2);
    for (const note of notes) expect(noteSchema.safeParse(note).success).toBe(true);
    const page = notes.find((note) => note.id === version1Note.id)!;
    expect(page.target.kind === 'page' && page.target.alternateUrls).toEqual([]);
    expect(await db.pageNotes(version1Note.target.url)).toHaveLength(1);
    expect(await db.entityNotes('clearview-ai')).toHaveLength(1);
    expect(await db.deviceId()).toBe('device-a');
    await db.recordAnchoring([{ noteId: version1Note.id, anchored: false }], new Date('2026-11-26T00:00:00Z'));
    expect((await db.anchoring.get(version1Note.id))?.state).toBe('orphaned');
    db.close();
  });

  test('version 2 → 3: every note gets its stamps, the clock starts after them; a version-1 export of them changes nothing', async () => {
    const name = `migration-v2-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(1).stores({ notes: 'id, target.url, target.entityId, updatedAt, *tags', settings: 'key' });
    old.version(2).stores({ notes: 'id, target.url, *target.alternateUrls, target.entityId, updatedAt, *tags', anchoring: 'noteId, state' });
    await old.open();
    const page = { ...version1Note, target: { ...version1Note.target, alternateUrls: ['https://news.example/story?id=7'] } };
    const deleted = { ...version1EntityNote, id: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a', updatedAt: '2026-11-02T10:00:00.000Z', deletedAt: '2026-11-02T10:00:00.000Z' };
    await old.table('notes').bulkAdd([page, version1EntityNote, deleted]);
    await old.table('settings').put({ key: 'deviceId', value: 'device-a' });
    old.close();

    const db = new NotesDatabase(name);
    const states = await db.noteStates.toArray();
    expect(states.map((s) => s.id).sort()).toEqual([page.id, version1EntityNote.id, deleted.id].sort());
    for (const state of states) expect(noteView(state)).toEqual(await db.notes.get(state.id));
    const clock = (await db.settings.get('clock'))!.value as string;
    for (const state of states) for (const stamp of stampsOf(state)) expect(clock >= stamp).toBe(true);
    // The same notes exported by the popup before (version 1) import as unchanged.
    const repository = new NotesRepository(db);
    const v1 = JSON.stringify({ format: 'watchwords-notes', version: 1, exportedAt: '2026-11-03T00:00:00.000Z', notes: [page, version1EntityNote, deleted] });
    expect((await repository.planImport(v1)).counts).toEqual({ added: 0, updated: 0, conflicting: 0, unchanged: 3, 'older-skipped': 0, rejected: 0 });
    // A change after the migration is stamped after every old stamp.
    const edited = await repository.edit(page.id, { body: 'Edited.', tags: ['border'] });
    expect(edited).toMatchObject({ body: 'Edited.', deviceId: 'device-a' });
    expect(noteView((await db.noteStates.get(page.id))!)!.body).toBe('Edited.');
    db.close();
  });

  test('a page note is found by its alternate address too', async () => {
    const db = new NotesDatabase(`alternate-${crypto.randomUUID()}`);
    const note = noteSchema.parse({ ...version1Note, target: { ...version1Note.target, alternateUrls: ['https://news.example/story?id=7'] } });
    await new NotesRepository(db).applyRemote([legacyNoteState(note)]);
    expect((await db.pageNotes('https://news.example/story?id=7')).map((n) => n.id)).toEqual([note.id]);
    db.close();
  });
});
