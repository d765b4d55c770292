import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, test } from 'vitest';
import { noteSchema } from '../core/notes/note';
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
  test('version 1 → 2: every note is kept, page notes gain alternate addresses, anchoring table appears', async () => {
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

  test('a page note is found by its alternate address too', async () => {
    const db = new NotesDatabase(`alternate-${crypto.randomUUID()}`);
    const note = noteSchema.parse({ ...version1Note, target: { ...version1Note.target, alternateUrls: ['https://news.example/story?id=7'] } });
    await db.addNote(note);
    expect((await db.pageNotes('https://news.example/story?id=7')).map((n) => n.id)).toEqual([note.id]);
    db.close();
  });

  test('delete is a tombstone that undo clears; bulk tagging is all or nothing', async () => {
    const db = new NotesDatabase(`tombstone-${crypto.randomUUID()}`);
    const note = noteSchema.parse({ ...version1Note, target: { ...version1Note.target, alternateUrls: [] } });
    await db.addNote(note);
    await db.deleteNotes([note.id], new Date('2026-11-26T01:00:00Z'));
    expect(await db.pageNotes(note.target.kind === 'page' ? note.target.url : '')).toEqual([]);
    expect((await db.notes.get(note.id))?.deletedAt).toBe('2026-11-26T01:00:00.000Z');
    await db.restoreNotes([note.id], new Date('2026-11-26T01:00:05Z'));
    expect((await db.notes.get(note.id))?.deletedAt).toBeNull();
    await db.tagNotes([note.id, 'no-such-note'], 'follow-up', new Date('2026-11-26T02:00:00Z'));
    expect((await db.notes.get(note.id))?.tags).toEqual(['border', 'follow-up']);
    expect(await db.editNote(note.id, { body: 'Edited.', tags: ['x'] }, new Date('2026-11-26T03:00:00Z'))).toMatchObject({ body: 'Edited.', tags: ['x'] });
    db.close();
  });
});
