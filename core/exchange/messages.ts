import type { ImportOutcome } from '../notes/merge';
import type { ImportReport } from './import';
import type { ExportFormat, ExportedFile } from './types';
import type { Rejected } from './watchwords-json';

/** What extension pages and the background say to each other about export and import. */
export const exportFormatIds = ['watchwords-json', 'markdown', 'w3c', 'csv'] as const satisfies readonly ExportFormat['id'][];

/** How the formats are offered (pages show these without loading the exporters). */
export const exportFormatLabels: Record<ExportFormat['id'], string> = {
  'watchwords-json': 'Watchwords JSON (complete: for backup, import and other devices)',
  markdown: 'Markdown for Obsidian (a zip of one file per page)',
  w3c: 'W3C Web Annotation (JSON-LD)',
  csv: 'CSV (for a spreadsheet)',
};

/** An export as a message can carry it: bytes (a zip) as base64. */
export interface ExportedText {
  name: string;
  mime: string;
  data: string;
  encoding: 'text' | 'base64';
}

/** An import's dry-run report as a message carries it. */
export interface ImportSummary {
  format: ImportReport['format'];
  version: number;
  counts: Record<ImportOutcome | 'rejected', number>;
  /** The first unreadable notes, each with its reason. */
  rejected: Rejected[];
  /** The report in one sentence. */
  summary: string;
}

export interface BackupInfo {
  id: number;
  createdAt: string;
  reason: 'import' | 'first-sync' | 'manual';
  noteCount: number;
}

const chunk = 0x8000;

/** An exported file as message text. */
export function exportedText(file: ExportedFile): ExportedText {
  if (typeof file.data === 'string') return { name: file.name, mime: file.mime, data: file.data, encoding: 'text' };
  let binary = '';
  for (let i = 0; i < file.data.length; i += chunk) binary += String.fromCharCode(...file.data.subarray(i, i + chunk));
  return { name: file.name, mime: file.mime, data: btoa(binary), encoding: 'base64' };
}

/** The bytes or text of an exported file again, for a download. */
export function exportedData(file: ExportedText): string | Uint8Array {
  if (file.encoding === 'text') return file.data;
  const binary = atob(file.data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
