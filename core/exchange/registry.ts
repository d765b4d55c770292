import { exportCsv } from './csv';
import { exportMarkdownZip } from './markdown';
import type { ExportFormat } from './types';
import { exportW3c } from './w3c';
import { exportWatchwordsJson } from './watchwords-json';

/** Every export format, in the order the manager offers them. One module each; this is the only list. */
export const exportFormats: readonly ExportFormat[] = [
  { id: 'watchwords-json', label: 'Watchwords JSON (complete, for backup and import)', export: exportWatchwordsJson },
  { id: 'markdown', label: 'Markdown for Obsidian (zip)', export: exportMarkdownZip },
  { id: 'w3c', label: 'W3C Web Annotation (JSON-LD)', export: exportW3c },
  { id: 'csv', label: 'CSV (spreadsheet)', export: exportCsv },
];

export function exportFormat(id: ExportFormat['id']): ExportFormat {
  return exportFormats.find((format) => format.id === id)!;
}
