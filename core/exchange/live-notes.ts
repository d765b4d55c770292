import { isDeleted, noteView } from '../notes/state';
import type { ExportInput, LiveNote } from './types';

/** The live notes of an export, oldest first, each with its entity when it is an entity note. */
export function liveNotes(input: Pick<ExportInput, 'states' | 'entity'>): LiveNote[] {
  const notes: LiveNote[] = [];
  for (const state of input.states) {
    if (isDeleted(state)) continue;
    const note = noteView(state);
    if (!note) continue;
    notes.push(note.target.kind === 'entity' ? { note, entity: input.entity(note.target.entityId) ?? { id: note.target.entityId, name: note.target.entityId, sources: [] } } : { note });
  }
  return notes.sort((a, b) => (a.note.createdAt < b.note.createdAt ? -1 : a.note.createdAt > b.note.createdAt ? 1 : a.note.id < b.note.id ? -1 : 1));
}
