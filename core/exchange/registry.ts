import { exportCsv } from './csv';
import { exportMarkdownZip } from './markdown';
import { exportFormatLabels } from './messages';
import type { ExportFormat } from './types';
import { exportW3c } from './w3c';
import { exportWatchwordsJson } from './watchwords-json';

/** Every export format, in the order the manager offers them. One module each; this is the only list. */
export const exportFormats: readonly ExportFormat[] = [
  { id: 'watchwords-json', label: exportFormatLabels['watchwords-json'], export: exportWatchwordsJson },
  { id: 'markdown', label: exportFormatLabels.markdown, export: exportMarkdownZip },
  { id: 'w3c', label: exportFormatLabels.w3c, export: exportW3c },
  { id: 'csv', label: exportFormatLabels.csv, export: exportCsv },
];

export function exportFormat(id: ExportFormat['id']): ExportFormat {
  return exportFormats.find((format) => format.id === id)!;
}
