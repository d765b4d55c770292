import { exportedData } from '../core/exchange/messages';
import type { ExportFormat } from '../core/exchange/types';
import { askBackground } from './messaging';

/** Asks the background for an export (all notes, or only `ids`) and downloads it. One helper for every page. */
export async function downloadExport(format: ExportFormat['id'], ids?: string[]): Promise<void> {
  const file = await askBackground({ type: 'notes.export', format, ...(ids && { ids }) });
  const data = exportedData(file);
  const blob = new Blob([typeof data === 'string' ? data : (data.buffer as ArrayBuffer)], { type: file.mime });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = file.name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
