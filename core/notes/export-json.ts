import type { Note } from './note';

export const exportFormat = 'watchwords-notes';

/** A whole-library JSON export: every note, tombstones included, so an import can restore exactly this state. */
export function exportNotesJson(notes: readonly Note[], now: Date): string {
  return `${JSON.stringify({ format: exportFormat, version: 1, exportedAt: now.toISOString(), notes }, null, 2)}\n`;
}

export function exportFileName(now: Date): string {
  return `watchwords-notes-${now.toISOString().slice(0, 10)}.json`;
}
