import { NotesDatabase } from '../lib/notes-db';
import { createNotesStore } from '../lib/notes-query-live';
import './notes-manager.css';

/**
 * Starts the notes manager (the full page, the side panel, the Firefox sidebar). The notes are read from here,
 * before React and the interface load (in parallel with them), which are imported afterwards; the dataset, for
 * the names of entity notes' entries, after the first rows are on screen.
 */
export function startNotesManager(mode: 'page' | 'panel'): void {
  const db = new NotesDatabase();
  const notes = createNotesStore(db);
  void import('./mount-notes-manager').then(({ mountNotesManager }) => mountNotesManager({ mode, db, notes }));
}
