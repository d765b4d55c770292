import { exportedData } from '../core/exchange/messages';
import type { ExportFormat } from '../core/exchange/types';
import { askBackground } from './messaging';

/** Saves data as a file through the browser's downloads (the one download helper of every extension page). */
export function downloadFile(fileName: string, data: BlobPart, type = 'application/json'): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([data], { type }));
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** Asks the background for an export (all notes, or only `ids`) and downloads it. One helper for every page. */
export async function downloadExport(format: ExportFormat['id'], ids?: string[]): Promise<void> {
  const file = await askBackground({ type: 'notes.export', format, ...(ids && { ids }) });
  const data = exportedData(file);
  downloadFile(file.name, typeof data === 'string' ? data : (data.buffer as ArrayBuffer), file.mime);
}
