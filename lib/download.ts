import { exportFileName, exportNotesJson } from '../core/notes/export-json';
import type { NotesDatabase } from './notes-db';

/** Saves text as a file through the browser's downloads (the one download helper of every extension page). */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** Downloads every note as one JSON file. */
export async function exportAllNotes(db: NotesDatabase): Promise<void> {
  const now = new Date();
  downloadText(exportFileName(now), exportNotesJson(await db.notes.toArray(), now));
}
