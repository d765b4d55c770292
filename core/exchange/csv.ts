import { siteOf } from '../site';
import { liveNotes } from './live-notes';
import type { ExportInput, ExportedFile } from './types';

/**
 * CSV (RFC 4180): one row per live note, CRLF line ends, every field quoted where it must be. A cell a
 * spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return) is prefixed with an
 * apostrophe, so opening the file runs nothing a page or an imported note put there. A cell that already starts
 * with apostrophes before such a character gets one more, so that removing one leading apostrophe always gives
 * back what was written (`'+1` is written `''+1`, not left to read as a neutralised `+1`).
 */
export const csvColumns = ['id', 'created', 'updated', 'kind', 'url', 'site', 'title', 'entity', 'quote', 'note', 'tags'] as const;

export function csvCell(value: string): string {
  const safe = /^'*[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function exportCsv(input: ExportInput): ExportedFile {
  const rows = [csvColumns.join(',')];
  for (const { note, entity } of liveNotes(input)) {
    const page = note.target.kind === 'page' ? note.target : undefined;
    const cells = [
      note.id,
      note.createdAt,
      note.updatedAt,
      note.target.kind,
      page?.url ?? '',
      page ? (siteOf(page.url) ?? '') : '',
      page?.title ?? '',
      entity?.name ?? '',
      page?.quote.exact ?? '',
      note.body,
      note.tags.join('; '),
    ];
    rows.push(cells.map(csvCell).join(','));
  }
  return { name: `watchwords-notes-${input.now.toISOString().slice(0, 10)}.csv`, mime: 'text/csv', data: `${rows.join('\r\n')}\r\n` };
}
