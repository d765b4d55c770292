import { exportFileName, exportNotesJson } from '../core/notes/export-json';
import type { NotesDatabase } from './notes-db';

/** Downloads every note as one JSON file. */
export async function exportAllNotes(db: NotesDatabase): Promise<void> {
  const now = new Date();
  const blob = new Blob([exportNotesJson(await db.notes.toArray(), now)], { type: 'application/json' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = exportFileName(now);
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
