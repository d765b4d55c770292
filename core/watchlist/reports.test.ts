import { describe, expect, test } from 'vitest';
import { exportReports, reportDraftSchema, type Report } from './reports';

describe('reports', () => {
  test('a report needs a comment or the words on the page; its page is a web address', () => {
    expect(reportDraftSchema.safeParse({ kind: 'missing-name', comment: '' }).success).toBe(false);
    expect(reportDraftSchema.safeParse({ kind: 'missing-name', comment: '', text: 'Harbor Grid' }).success).toBe(true);
    expect(reportDraftSchema.safeParse({ kind: 'wrong-fact', comment: 'Old.', page: 'javascript:alert(1)' }).success).toBe(false);
    expect(reportDraftSchema.safeParse({ kind: 'wrong-fact', comment: 'Old.', page: 'https://news.example/story' }).success).toBe(true);
  });

  test('exported as Markdown a reader can check and send, oldest first', () => {
    const reports: Report[] = [
      { id: '2', created: '2026-03-05T10:00:00.000Z', kind: 'missing-name', comment: 'The city’s new camera network.\nSee the council minutes.', text: 'Harbor Grid' },
      {
        id: '1',
        created: '2026-03-04T10:00:00.000Z',
        kind: 'wrong-match',
        comment: 'This is a person, not the company.',
        entityId: 'palantir',
        entityName: 'Palantir Technologies',
        text: 'Palantir',
        page: 'https://news.example/story',
      },
    ];
    const { fileName, text } = exportReports(reports, new Date('2026-03-06T00:00:00Z'));
    expect(fileName).toBe('watchwords-reports-2026-03-06.md');
    expect(text).toBe(
      [
        '# Watchwords: 2 reports of a mistake',
        '',
        'Written by a reader on 2026-03-06. Each report says what they saw; check the page addresses before sending this file.',
        '',
        '## Wrong match here: Palantir Technologies',
        '',
        '- Entry: `palantir`',
        '- Words on the page: “Palantir”',
        '- Page: <https://news.example/story>',
        '- Reported: 2026-03-04',
        '',
        '> This is a person, not the company.',
        '',
        '## Missing name',
        '',
        '- Words on the page: “Harbor Grid”',
        '- Reported: 2026-03-05',
        '',
        '> The city’s new camera network.',
        '> See the council minutes.',
        '',
      ].join('\n'),
    );
  });
});
