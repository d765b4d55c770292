import { describe, expect, test } from 'vitest';
import { noteSchema, type Note } from './note';
import {
  conflictCopies,
  conflictCopyId,
  createNoteState,
  deleteNote,
  editText,
  isDeleted,
  joinNotes,
  legacyNoteState,
  noteView,
  purgeDeleted,
  restoreNote,
  setTags,
  withoutDeletedText,
  type Target,
} from './state';

const target: Target = { kind: 'entity', entityId: 'clearview-ai' };
const id = '7f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';
const s = (second: number, device = 'a') => `2026-11-01T10:00:${String(second).padStart(2, '0')}.000Z-0000-${device}`;
const made = createNoteState(id, target, 'first', ['x'], s(0));

describe('note state', () => {
  test('text edited on two devices since they last agreed: the latest is shown, the other kept as a conflict copy', () => {
    const onA = joinNotes(made, editText(made, 'from a', s(5, 'a')));
    const onB = joinNotes(made, editText(made, 'from b', s(6, 'b')));
    const merged = joinNotes(onA, onB);
    expect(noteView(merged)!.body).toBe('from b');
    const [copy, ...more] = conflictCopies(merged);
    expect(more).toEqual([]);
    expect(copy!.id).toBe(conflictCopyId(id, s(5, 'a')));
    expect(noteView(copy!)).toMatchObject({ body: 'from a', tags: ['conflict'], target });
    expect(copy!.created!.conflictOf).toBe(id);
    // The same copy on every device: made again, it joins to itself.
    expect(joinNotes(copy!, conflictCopies(joinNotes(onB, onA))[0]!)).toEqual(copy);
    // An edit on top of both settles it: no more copies called for.
    expect(conflictCopies(joinNotes(merged, editText(merged, 'settled', s(7, 'a'))))).toEqual([]);
  });

  test('an edit made on top of another is no conflict', () => {
    const first = joinNotes(made, editText(made, 'one', s(5, 'a')));
    const second = joinNotes(first, editText(first, 'two', s(3, 'b'))); // b's clock is behind, but b saw "one"
    expect(noteView(joinNotes(first, second))!.body).toBe('two');
    expect(conflictCopies(joinNotes(first, second))).toEqual([]);
  });

  test('tags are added and removed independently; text and tags merge per field', () => {
    const onA = joinNotes(made, setTags(made, ['x', 'y'], s(5, 'a')));
    const onB = joinNotes(made, setTags(made, [], s(6, 'b')));
    const onC = joinNotes(made, editText(made, 'new text', s(7, 'c')));
    const merged = joinNotes(joinNotes(onA, onB), onC);
    expect(noteView(merged)).toMatchObject({ body: 'new text', tags: ['y'] });
  });

  test('a delete that saw the text stays; an edit it never saw brings the note back; restore undoes it', () => {
    const deleted = joinNotes(made, deleteNote(made, s(5, 'a')));
    expect(isDeleted(deleted)).toBe(true);
    // Device b, not yet told of the delete, tags the note: tags do not bring it back.
    expect(isDeleted(joinNotes(deleted, setTags(made, ['z'], s(6, 'b'))))).toBe(true);
    // Device b edits the text it has: the delete never saw that text, so the note comes back with it.
    const revived = joinNotes(deleted, editText(made, 'kept', s(4, 'b')));
    expect(noteView(revived)).toMatchObject({ body: 'kept', deletedAt: null });
    const restored = joinNotes(deleted, restoreNote(deleted, s(9, 'a')));
    expect(noteView(restored)).toMatchObject({ body: 'first', deletedAt: null });
  });

  test('purge keeps only ids and stamps; a later restore from another device brings text and target back', () => {
    const deleted = joinNotes(made, deleteNote(made, s(5, 'a')));
    const purged = purgeDeleted(deleted);
    expect(JSON.stringify(purged)).not.toContain('first');
    expect(JSON.stringify(purged)).not.toContain('clearview');
    expect(noteView(purged)).toBeUndefined();
    expect(noteView(joinNotes(purged, restoreNote(deleted, s(9, 'b'))))).toMatchObject({ body: 'first', deletedAt: null, target });
    expect(JSON.stringify(withoutDeletedText(deleted))).not.toContain('first');
  });

  test('notes from before clocks get the same state every time, and a valid view', () => {
    const old: Note = {
      id,
      createdAt: '2026-11-01T10:00:00.000Z',
      updatedAt: '2026-11-02T10:00:00.000Z',
      deletedAt: null,
      deviceId: 'device with spaces',
      target,
      body: 'old',
      tags: ['a', 'b'],
    };
    const state = legacyNoteState(old);
    expect(legacyNoteState(old)).toEqual(state);
    expect(noteSchema.parse(noteView(state))).toEqual({ ...old, deviceId: 'device_with_spaces' });
    const gone = legacyNoteState({ ...old, deletedAt: '2026-11-02T10:00:00.000Z' });
    expect(isDeleted(gone)).toBe(true);
    expect(noteView(gone)!.deletedAt).toBe('2026-11-02T10:00:00.000Z');
  });
});
