import { z } from 'zod';
import { normalisePageUrl } from '../notes/page-url';

/**
 * "Report a mistake": the reader's reports are kept in their browser and leave it only as a file the reader
 * chooses to send (docs/dataset.md, "Reporting a mistake"). Nothing is sent automatically.
 */

export const reportKinds = ['wrong-match', 'missing-name', 'wrong-fact'] as const;
export type ReportKind = (typeof reportKinds)[number];

export const reportKindLabels: Record<ReportKind, string> = {
  'wrong-match': 'Wrong match here',
  'missing-name': 'Missing name',
  'wrong-fact': 'Fact is wrong or out of date',
};

export const reportLimits = { comment: 2000, text: 300, name: 300, page: 2000, reports: 1000 } as const;

export const reportDraftSchema = z
  .object({
    kind: z.enum(reportKinds),
    comment: z.string().trim().max(reportLimits.comment),
    /** The entity the report is about (wrong match, wrong fact). */
    entityId: z.string().min(1).max(200).optional(),
    entityName: z.string().min(1).max(reportLimits.name).optional(),
    /** The words on the page: the mention, or the name that was missed. */
    text: z.string().trim().max(reportLimits.text).optional(),
    /** The page it was seen on. */
    page: z.string().max(reportLimits.page).refine((page) => normalisePageUrl(page) !== undefined, 'a page is a web address').optional(),
  })
  .strict()
  .refine((draft) => draft.comment !== '' || (draft.text ?? '') !== '', { message: 'say what is wrong', path: ['comment'] });
export type ReportDraft = z.infer<typeof reportDraftSchema>;

export interface Report extends ReportDraft {
  id: string;
  /** ISO timestamp. */
  created: string;
}

/** The reports as a Markdown file the reader can read, check and send (or paste into an issue). */
export function exportReports(reports: readonly Report[], now: Date): { fileName: string; text: string } {
  const date = now.toISOString().slice(0, 10);
  const lines = [
    `# Watchwords: ${reports.length} report${reports.length === 1 ? '' : 's'} of a mistake`,
    '',
    `Written by a reader on ${date}. Each report says what they saw; check the page addresses before sending this file.`,
    '',
  ];
  for (const report of [...reports].sort((a, b) => a.created.localeCompare(b.created))) {
    lines.push(`## ${reportKindLabels[report.kind]}${report.entityName ? `: ${oneLine(report.entityName)}` : ''}`, '');
    if (report.entityId) lines.push(`- Entry: \`${oneLine(report.entityId)}\``);
    if (report.text) lines.push(`- Words on the page: “${oneLine(report.text)}”`);
    if (report.page) lines.push(`- Page: <${oneLine(report.page)}>`);
    lines.push(`- Reported: ${report.created.slice(0, 10)}`);
    if (report.comment) lines.push('', ...report.comment.split(/\r?\n/).map((line) => `> ${line}`));
    lines.push('');
  }
  return { fileName: `watchwords-reports-${date}.md`, text: lines.join('\n') };
}

const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ').replace(/[<>`]/g, '');
