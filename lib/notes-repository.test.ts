import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { noteView, type Target } from '../core/notes/state';
import { NotesDatabase } from './notes-db';
import { NotesRepository, undoWindowMs } from './notes-repository';

const open: NotesDatabase[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});
function setup(start = Date.parse('2026-11-01T10:00:00Z')) {
  const db = new NotesDatabase(`repository-${crypto.randomUUID()}`);
  open.push(db);
  let now = start;
  const repository = new NotesRepository(db, { now: () => now });
  return { db, repository, advance: (ms: number) => (now += ms) };
}
const target: Target = { kind: 'entity', entityId: 'clearview-ai' };
const v1 = readFileSync(new URL('../core/exchange/fixtures/watchwords-v1-popup.json', import.meta.url), 'utf8');

describe('the notes repository: the one writer', () => {
  test('every change is stamped, logged in order, and shown in the notes pages read', async () => {
    const { db, repository } = setup();
    const note = await repository.add(target, 'First', ['a']);
    await repository.edit(note.id, { body: 'Second', tags: ['a', 'b'] });
    await repository.tag([note.id], 'c');
    await repository.delete([note.id]);
    await repository.restore([note.id]);
    const log = (await db.changes.toArray()).map((c) => c.change);
    expect(log.map((c) => c.kind)).toEqual(['add', 'edit', 'tag', 'tag', 'delete', 'restore']);
    const stamps = log.map((c) => c.stamp);
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(stamps.length);
    expect(await db.notes.get(note.id)).toMatchObject({ body: 'Second', tags: ['a', 'b', 'c'], deletedAt: null });
    expect(noteView((await db.noteStates.get(note.id))!)).toEqual(await db.notes.get(note.id));
  });

  test('a deleted note cannot be edited; after the undo window its text is purged and it cannot be restored', async () => {
    const { db, repository, advance } = setup();
    const note = await repository.add(target, 'Private words', []);
    await repository.delete([note.id]);
    expect(await repository.edit(note.id, { body: 'x', tags: [] })).toBeUndefined();
    expect(await repository.purge()).toBe(0);
    advance(undoWindowMs + 1);
    expect(await repository.purge()).toBe(1);
    expect(JSON.stringify(await db.noteStates.get(note.id))).not.toContain('Private words');
    // Nor in this device's change log (it has never synced: a first sync uploads the notes, not the log).
    expect(JSON.stringify(await db.changes.toArray())).not.toContain('Private words');
    expect(await db.notes.get(note.id)).toBeUndefined();
    expect(await repository.restore([note.id])).toBe(0);
  });

  test('import: dry run writes nothing; apply takes a backup first; the same file again changes nothing; the backup restores', async () => {
    const { db, repository } = setup();
    const mine = await repository.add(target, 'Mine', []);
    const plan = await repository.planImport(v1);
    expect(plan.counts).toMatchObject({ added: 4 });
    expect(await db.notes.count()).toBe(1);
    const { report, backupId } = await repository.import(v1, 'test');
    expect(report.counts).toMatchObject({ added: 4 });
    expect(await db.notes.count()).toBe(5);
    expect((await repository.backups()).map((b) => [b.id, b.reason, b.noteCount])).toEqual([[backupId, 'import', 1]]);
    const logged = await db.changes.count();
    const again = await repository.import(v1, 'test');
    expect(again.report.counts).toMatchObject({ added: 0, updated: 0, unchanged: 4 });
    expect(await db.changes.count()).toBe(logged);
    expect(await repository.restoreBackup(backupId)).toBe(1);
    expect((await db.notes.toArray()).map((n) => n.id)).toEqual([mine.id]);
  });

  test('changes from another device join in; a text conflict keeps both texts and logs the copy', async () => {
    const a = setup();
    const b = setup();
    const note = await a.repository.add(target, 'Base', []);
    await b.repository.applyRemote((await a.repository.changesAfter(0)).map((c) => c.change.note));
    await a.repository.edit(note.id, { body: 'From a', tags: [] });
    await b.repository.edit(note.id, { body: 'From b', tags: [] });
    const result = await a.repository.applyRemote((await b.repository.changesAfter(0)).map((c) => c.change.note));
    expect(result.copies).toHaveLength(1);
    const bodies = (await a.db.notes.toArray()).map((n) => n.body).sort();
    expect(bodies).toEqual(['From a', 'From b']);
    expect((await a.db.changes.toArray()).at(-1)!.change.kind).toBe('conflict-copy');
  });

  test('a change stamped more than 24 hours ahead is refused and nothing is applied', async () => {
    const { db, repository } = setup();
    const far = createFar();
    await expect(repository.applyRemote([far])).rejects.toThrow(/24 hours ahead/);
    expect(await db.noteStates.count()).toBe(0);
  });
});

function createFar() {
  const stamp = '2026-11-03T10:00:00.000Z-0000-other';
  return { id: '7f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b', created: { stamp, target }, body: [{ stamp, seen: [stamp], text: 'from the future' }], tags: [] };
}
