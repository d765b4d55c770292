import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildDataset, DatasetError } from '../core/dataset/dataset';
import type { Entry, EntryInput, Source } from '../core/dataset/schema';
import { readDataset } from './dataset-files';
import { datingProblems, deniedDomains, deniedReason, formatStaleReport, sourcePolicyProblems, staleReport } from './source-policy';

const vendor = (id: string, sources: Source[], asOf = '2026-01-01'): EntryInput => ({
  id,
  kind: 'vendor',
  name: `Name of ${id}`,
  summary: 'A made-up vendor used only in tests.',
  facts: { headquarters: 'Springfield, U.S.', products: ['Gizmo'], concern: 'Sells gizmos, according to a made-up report.' },
  sources,
  asOf,
});
const self: Source = { url: 'https://example.com/about', title: 'Example: about us', type: 'self', supports: ['summary', 'facts.headquarters', 'facts.products'] };
const report: Source = { url: 'https://news.example.org/scoop', title: 'Example News: the scoop', type: 'original-report', supports: ['facts.concern'] };

/** The sourcing problems of one entry, through buildDataset as `check:data` runs it. */
function policyProblems(entry: EntryInput): string[] {
  try {
    buildDataset([{ file: `data/${entry.id}.json`, data: entry }], { check: sourcePolicyProblems });
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(DatasetError);
    return (error as DatasetError).problems.map((problem) => problem.message);
  }
}

describe('the deny list', () => {
  test('a well-sourced entry passes', () => {
    expect(policyProblems(vendor('fine', [self, report]))).toEqual([]);
  });

  test.each([
    ['https://legalclarity.org/the-ice-federal-agency', 'legalclarity.org (content farm (legal explainers))'],
    ['https://www.legalclarity.org/x', 'legalclarity.org (content farm (legal explainers))'],
    ['https://evenkeelnews.pages.dev/article/1', 'pages.dev (free hosting for copied pages)'],
    ['https://some-news.user.workers.dev/a', 'workers.dev (free hosting for copied pages)'],
    ['https://wap.bdmobi.com/view_html.php?q=ICE', 'bdmobi.com (encyclopedia mirror)'],
    ['https://WIKI.GRAVY.CC/wiki/Protect_America_Act', 'wiki.gravy.cc (encyclopedia mirror)'],
    ['https://en.wikisource.org/wiki/Riley_v._California', 'wikisource.org (copy of public documents (cite the court or the issuer))'],
  ])('%s is denied', (url, reason) => {
    expect(deniedReason(url)).toBe(reason);
    const bad = { ...report, url };
    expect(policyProblems(vendor('bad', [self, bad]))).toEqual([`sources.1: ${url} is on the deny list: ${reason}; cite the original instead`]);
  });

  test.each(['https://notlegalclarity.org/', 'https://legalclarity.org.example.com/', 'https://www.congress.gov/bill/118th-congress/house-bill/7888', 'https://gravy.cc/'])(
    '%s is not denied',
    (url) => {
      expect(deniedReason(url)).toBeUndefined();
    },
  );

  test('every denied domain is listed once (a second entry would silently replace the first reason)', () => {
    const text = readFileSync(resolve(import.meta.dirname, 'source-policy.ts'), 'utf8');
    const body = text.slice(text.indexOf('deniedDomains'), text.indexOf('};', text.indexOf('deniedDomains')));
    const keys = [...body.matchAll(/^\s*['"]([^'"]+)['"]\s*:/gm)].map((m) => m[1]);
    expect(keys.length).toBe(Object.keys(deniedDomains).length);
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
  });

  test('no denied domain sits under another denied domain (the parent already denies it; its reason would never show)', () => {
    const domains = Object.keys(deniedDomains);
    expect(domains.filter((domain) => domains.some((parent) => domain.endsWith(`.${parent}`)))).toEqual([]);
  });

  test('every denied domain is a bare lowercase host name with a reason', () => {
    for (const [domain, reason] of Object.entries(deniedDomains)) {
      expect(domain).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
      expect(reason.trim()).not.toBe('');
    }
  });
});

describe('the title rule', () => {
  test.each([
    'Wall Street Journal (reprint): U.S. company embedded software in apps',
    'Reprinted: the original story',
    'Copy of ACLU page: Community Control Over Police Surveillance',
    'U.S. v. Jones, 132 S. Ct. 945 (2012), opinion copy',
    'Encyclopedia mirror: Foreign Intelligence Surveillance Act',
    'Wikipedia (mirrored): Real ID Act',
    'Archive of the 2019 ordinance page',
  ])('"%s" is refused', (title) => {
    const copied = { ...report, title };
    expect(policyProblems(vendor('copied', [self, copied]))).toEqual([
      `sources.1: the title "${title}" says it is a reprint, copy, mirror or archive; cite the original instead`,
    ]);
  });

  test.each(['U.S. Copyright Office: Section 1201', 'National Archives: Executive Order 12333', 'Congress.gov: H.R. 7888', 'Copyleft licences explained'])(
    '"%s" is fine',
    (title) => {
      expect(policyProblems(vendor('fine', [self, { ...report, title }]))).toEqual([]);
    },
  );
});

describe('primary sources', () => {
  test('an entry whose sources are all secondary is refused', () => {
    const secondary = (source: Source): Source => ({ ...source, type: 'secondary' });
    expect(policyProblems(vendor('weak', [secondary(self), secondary(report)]))).toContain(
      'sources: no primary source (official, self or original-report); secondary sources are never the only kind',
    );
  });

  test.each(['official', 'self', 'original-report'] as const)('a %s source is enough for the fields it backs', (type) => {
    expect(policyProblems(vendor('enough', [{ ...self, type }, { ...report, type }]))).toEqual([]);
  });

  test('every fact needs a primary source of its own: one backed only by secondary sources is refused', () => {
    const later = { url: 'https://blog.example.net/recap', title: 'Example Blog: a recap', type: 'secondary' as const, supports: ['facts.concern'] };
    expect(policyProblems(vendor('hearsay', [self, { ...report, type: 'secondary' }, later]))).toEqual([
      'facts.concern: backed only by secondary sources (https://news.example.org/scoop, https://blog.example.net/recap); cite the primary or original source, or leave it out',
    ]);
    // The same fact with its original report beside the recap passes.
    expect(policyProblems(vendor('sourced', [self, report, later]))).toEqual([]);
  });

  test('a fact, status, latest development or relation no source backs is refused; a "see also" link is not a fact', () => {
    const entry = {
      ...vendor('unbacked', [self, report]),
      facts: { headquarters: 'Springfield, U.S.', products: ['Gizmo'], concern: 'Sells gizmos, according to a made-up report.', founded: 1999 },
      latest: { text: 'Sold gizmos again.', date: '2025-01-01', source: report.url },
      relations: { related: ['other'], usedBy: ['agency'] },
    };
    const problems = (other: EntryInput[]) => {
      try {
        buildDataset([{ file: 'data/unbacked.json', data: entry }, ...other.map((data) => ({ file: `data/${data.id}.json`, data }))], { check: sourcePolicyProblems });
        return [];
      } catch (error) {
        return (error as DatasetError).problems.filter((problem) => problem.file === 'data/unbacked.json').map((problem) => problem.message);
      }
    };
    const agency: EntryInput = { id: 'agency', kind: 'agency', name: 'An Agency', summary: 'A made-up agency.', facts: { jurisdiction: 'U.S.', topLevel: true, surveillanceRole: 'Buys gizmos.' }, sources: [{ url: 'https://agency.example.gov/', title: 'Agency: home', type: 'official', supports: ['summary', 'facts.jurisdiction', 'facts.surveillanceRole'] }], asOf: '2026-01-01' };
    const other = vendor('other', [self, report]);
    expect(problems([agency, other])).toEqual([
      'facts.founded: no source lists "facts.founded" in its supports',
      'latest: no source lists "latest" in its supports',
      'relations.usedBy: no source lists "relations.usedBy" in its supports',
      'latest.source: https://news.example.org/scoop does not list "latest" in its supports',
    ]);
  });
});

describe('what dates a status or a latest development', () => {
  const legislature: Source = { url: 'https://legislature.example.gov/act', title: 'Legislature: the act', type: 'official', supports: ['summary', 'facts.jurisdiction', 'status'] };
  const scoop: Source = { url: 'https://news.example.org/amended', title: 'Example News: amended', type: 'original-report', supports: ['latest'] };
  const recapOfStatus: Source = { ...legislature, url: 'https://recap.example.net/status', title: 'Recap of the status', type: 'secondary' };
  const recapOfLatest: Source = { ...scoop, url: 'https://recap.example.net/latest', title: 'Recap of the news', type: 'secondary' };
  const law = (statusSource: string, latestSource: string): EntryInput => ({
    id: 'a-law',
    kind: 'law',
    name: 'A Made-Up Act',
    summary: 'A made-up law used only in tests.',
    facts: { jurisdiction: 'Springfield' },
    status: { stage: 'in-force', date: '2024-01-01', source: statusSource },
    latest: { text: 'Amended.', date: '2025-01-01', source: latestSource },
    sources: [legislature, scoop, recapOfStatus, recapOfLatest],
    asOf: '2026-01-01',
  });

  test('a primary source may date them', () => {
    expect(policyProblems(law(legislature.url, scoop.url))).toEqual([]);
  });

  test('a secondary source may not, even when a primary source backs the same field', () => {
    expect(policyProblems(law(recapOfStatus.url, recapOfLatest.url))).toEqual([
      'status.source: https://recap.example.net/status is a secondary source; date the status with a primary or original source',
      'latest.source: https://recap.example.net/latest is a secondary source; date the latest development with a primary or original source',
    ]);
  });
});

describe('what dates an earlier development', () => {
  const legislature: Source = { url: 'https://legislature.example.gov/act', title: 'Legislature: the act', type: 'official', supports: ['summary', 'facts.jurisdiction', 'status', 'latest'] };
  const scoop: Source = { url: 'https://news.example.org/audit', title: 'Example News: audit', type: 'original-report', supports: ['earlier'] };
  const recap: Source = { ...scoop, url: 'https://recap.example.net/audit', title: 'Recap of the audit', type: 'secondary' };
  const law = (earlierSource: string): EntryInput => ({
    id: 'a-law', kind: 'law', name: 'A Made-Up Act', summary: 'A made-up law used only in tests.', facts: { jurisdiction: 'Springfield' },
    status: { stage: 'in-force', date: '2024-01-01', source: legislature.url },
    latest: { text: 'Amended.', date: '2025-01-01', source: legislature.url },
    earlier: [{ text: 'Audited.', date: '2024-06', source: earlierSource }],
    sources: [legislature, scoop, recap],
    asOf: '2026-01-01',
  });

  test('each is dated by a primary source of its own, never a secondary one', () => {
    expect(policyProblems(law(scoop.url))).toEqual([]);
    expect(policyProblems(law(recap.url))).toEqual([
      'earlier.0.source: https://recap.example.net/audit is a secondary source; date the earlier development with a primary or original source',
    ]);
  });

  test('none is dated after the check', () => {
    const entry = buildDataset([{ file: 'data/a-law.json', data: { ...law(scoop.url), asOf: '2024-05-31' } }])[0]!;
    expect(datingProblems(entry, '2026-12-04')).toEqual([
      'latest.date: 2025-01-01 is after asOf 2024-05-31; an entry cannot report what happened after it was checked',
      'earlier.0.date: 2024-06 is after asOf 2024-05-31; an entry cannot report what happened after it was checked',
    ]);
  });
});

describe('the dating rule', () => {
  const today = '2026-12-04';
  const dated = (extra: Partial<EntryInput>): Entry => buildDataset([{ file: 'data/dated.json', data: { ...vendor('dated', [self, report]), ...extra } }])[0]!;
  const law = (status: { stage: 'in-force'; date: string }, asOf: string, latestDate?: string): Entry => {
    const url = 'https://example.gov/law';
    return buildDataset([
      {
        file: 'data/a-law.json',
        data: {
          id: 'a-law',
          kind: 'law',
          name: 'A Made-up Act',
          summary: 'A made-up law used only in tests.',
          facts: { jurisdiction: 'Nowhere' },
          status: { ...status, source: url },
          ...(latestDate ? { latest: { text: 'Amended.', date: latestDate, source: url } } : {}),
          sources: [{ url, title: 'Example legislature: the act', type: 'official', supports: ['summary', 'facts.jurisdiction', 'status', 'latest'] }],
          asOf,
        },
      },
    ])[0]!;
  };

  test('an entry checked today or before, reporting nothing after its check, passes', () => {
    expect(datingProblems(dated({ asOf: today }), today)).toEqual([]);
    expect(datingProblems(law({ stage: 'in-force', date: '2026-12-04' }, '2026-12-04', '2026-12'), today)).toEqual([]);
    expect(datingProblems(law({ stage: 'in-force', date: '2026' }, '2026-01-01'), today)).toEqual([]);
  });

  test('asOf after today is refused', () => {
    expect(datingProblems(dated({ asOf: '2026-12-05' }), today)).toEqual([
      'asOf: 2026-12-05 is after today (2026-12-04); asOf is the day the entry was last checked',
    ]);
  });

  test('a status or latest development dated after the check is refused', () => {
    expect(datingProblems(law({ stage: 'in-force', date: '2026-06-02' }, '2026-06-01', '2026-07'), today)).toEqual([
      'status.date: 2026-06-02 is after asOf 2026-06-01; an entry cannot report what happened after it was checked',
      'latest.date: 2026-07 is after asOf 2026-06-01; an entry cannot report what happened after it was checked',
    ]);
  });
});

describe('the bundled dataset', () => {
  test('keeps the sourcing rule, and reports nothing dated after its own check', () => {
    // '9999-12-31': the clock is not the test's business; only the dates inside each entry are.
    expect(() => readDataset(undefined, { check: (entry) => [...sourcePolicyProblems(entry), ...datingProblems(entry, '9999-12-31')] })).not.toThrow();
  });
});

describe('--stale', () => {
  const entry = (id: string, kind: Entry['kind'], asOf: string) => ({ id, kind, asOf });

  test('bills are due after 90 days, everything else after 365', () => {
    const rows = staleReport(
      [
        entry('young-bill', 'bill', '2026-09-04'),
        entry('old-bill', 'bill', '2026-09-03'),
        entry('young-vendor', 'vendor', '2025-12-03'),
        entry('old-law', 'law', '2025-12-02'),
        entry('same-day', 'case', '2026-12-03'),
      ],
      '2026-12-03',
    );
    expect(rows.map(({ id, ageDays, limitDays, stale }) => [id, ageDays, limitDays, stale])).toEqual([
      ['old-law', 366, 365, true],
      ['young-vendor', 365, 365, false],
      ['old-bill', 91, 90, true],
      ['young-bill', 90, 90, false],
      ['same-day', 0, 365, false],
    ]);
  });

  test('the listing puts the entries due first, oldest first, and counts them', () => {
    const rows = staleReport([entry('b', 'bill', '2026-01-01'), entry('v', 'vendor', '2026-06-01')], '2026-12-03');
    const text = formatStaleReport(rows, '2026-12-03');
    const lines = text.split('\n');
    expect(lines[0]).toBe('As of 2026-12-03: 1 of 2 entries are due for a new check (bills after 90 days, others after 365).');
    expect(text.indexOf(' b\n')).toBeLessThan(text.indexOf('Within their limit'));
    expect(lines.at(-1)).toMatch(/^\s+185 days {2}2026-06-01 {2}vendor {4}v$/);
  });
});

describe('npm run check:data', () => {
  const root = resolve(import.meta.dirname, '..');
  const dir = mkdtempSync(join(tmpdir(), 'watchwords-check-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const check = (data: string, ...args: string[]) =>
    spawnSync(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'scripts', 'check-data.ts'), ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, WATCHWORDS_DATA: data },
    });

  test('fails on a deny-listed source, naming the file; --stale still lists by age', () => {
    const data = join(dir, 'data');
    mkdirSync(data);
    writeFileSync(join(data, 'fine.json'), JSON.stringify(vendor('fine', [self, report], '2026-01-01')));
    writeFileSync(join(data, 'scraped.json'), JSON.stringify(vendor('scraped', [self, { ...report, url: 'https://imtr.net/article/1' }], '2026-11-01')));
    const failed = check(data);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('data/scraped.json: sources.1: https://imtr.net/article/1 is on the deny list: imtr.net (scraper)');
    expect(failed.stderr).not.toContain('data/fine.json');
    const stale = check(data, '--stale', '--today', '2027-01-02');
    expect(stale.status).toBe(0);
    expect(stale.stdout.split('\n')[0]).toBe('As of 2027-01-02: 1 of 2 entries are due for a new check (bills after 90 days, others after 365).');
    expect(stale.stdout).toMatch(/366 days {2}2026-01-01 {2}vendor {4}fine/);
  });

  test('fails on an asOf after --today, naming the file', () => {
    const data = join(dir, 'dated');
    mkdirSync(data);
    writeFileSync(join(data, 'checked.json'), JSON.stringify(vendor('checked', [self, report], '2026-11-01')));
    expect(check(data, '--today', '2026-11-01').status).toBe(0);
    const failed = check(data, '--today', '2026-10-31');
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('data/checked.json: asOf: 2026-11-01 is after today (2026-10-31)');
  });

  test('rejects an unknown option', () => {
    const run = check(join(dir, 'nowhere'), '--frobnicate');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/usage/);
  });
});
