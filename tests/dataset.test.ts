import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildDataset, DatasetError } from '../core/dataset/dataset';
import { entrySchema, kinds, relationNames, type Entry, type EntryInput, type Kind, type Source, type TermRule } from '../core/dataset/schema';
import { distinguishable, sharedTextKey, unguardedSingleWords } from '../core/dataset/term-rules';
import { termsOf } from '../core/dataset/terms';
import { dataDir, readDataset } from '../scripts/dataset-files';

// ---------------------------------------------------------------------------------------------------------------
// buildDataset on small in-memory fixtures: one test per kind of problem.
// ---------------------------------------------------------------------------------------------------------------

const source = (url: string, type: Source['type'], supports: string[], title = `Example: ${url}`): Source => ({ url, title, type, supports });

/** A valid vendor: every required fact, each backed by a source. */
function fixture(id: string, extra: Partial<EntryInput> = {}): EntryInput {
  return {
    id,
    kind: 'vendor',
    name: `Name of ${id}`,
    summary: 'A made-up vendor used only in tests.',
    facts: { headquarters: 'Springfield, U.S.', products: ['Gizmo'], concern: 'Sells gizmos, according to a made-up report.' },
    sources: [
      source('https://example.com/about', 'self', ['summary', 'facts.headquarters', 'facts.products']),
      source('https://example.org/report', 'original-report', ['facts.concern']),
    ],
    asOf: '2025-01-01',
    ...extra,
  } as EntryInput;
}

function problemsOf(files: { file: string; data: unknown }[]): { file: string; message: string }[] {
  try {
    buildDataset(files);
  } catch (error) {
    expect(error).toBeInstanceOf(DatasetError);
    return (error as DatasetError).problems;
  }
  throw new Error('buildDataset accepted a broken dataset');
}

describe('buildDataset', () => {
  test('accepts a consistent dataset and returns entries sorted by id, with defaults filled in', () => {
    const entries = buildDataset([
      { file: 'data/zeta-corp.json', data: fixture('zeta-corp', { relations: { related: ['alpha-corp'] } }) },
      { file: 'data/alpha-corp.json', data: fixture('alpha-corp') },
    ]);
    expect(entries.map((entry) => entry.id)).toEqual(['alpha-corp', 'zeta-corp']);
    expect(entries[0]!.aliases).toEqual([]);
    expect(entries[0]!.relations).toEqual({});
  });

  test('reports an invalid entry with the file and the field', () => {
    const problems = problemsOf([
      { file: 'data/broken.json', data: { ...fixture('broken'), sources: [] } },
      { file: 'data/fine.json', data: fixture('fine') },
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.file).toBe('data/broken.json');
    expect(problems[0]!.message).toMatch(/^sources/);
  });

  test('reports an entry of an unknown kind and a non-object', () => {
    const problems = problemsOf([
      { file: 'data/odd.json', data: { ...fixture('odd'), kind: 'gadget' } },
      { file: 'data/garbage.json', data: { invalidJson: 'SyntaxError' } },
    ]);
    expect(problems.map((problem) => problem.file).sort()).toEqual(['data/garbage.json', 'data/odd.json']);
  });

  test('reports a file whose name is not its id', () => {
    const problems = problemsOf([{ file: 'data/acme.json', data: fixture('acme-corp') }]);
    expect(problems).toEqual([{ file: 'data/acme.json', message: 'file name must be acme-corp.json' }]);
  });

  test('reports a duplicate id', () => {
    const problems = problemsOf([
      { file: 'data/acme.json', data: fixture('acme') },
      { file: 'other/acme.json', data: fixture('acme') },
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.file).toBe('other/acme.json');
    expect(problems[0]!.message).toContain('data/acme.json');
  });

  test('reports a relation to an id that does not exist', () => {
    const problems = problemsOf([
      { file: 'data/acme.json', data: fixture('acme', { relations: { related: ['nobody-inc'] } }) },
      { file: 'data/other.json', data: fixture('other') },
    ]);
    expect(problems).toEqual([{ file: 'data/acme.json', message: 'relations.related: no entry with id nobody-inc' }]);
  });

  test('lists every problem at once, not only the first', () => {
    const problems = problemsOf([
      { file: 'data/one.json', data: { ...fixture('one'), asOf: 'yesterday' } },
      { file: 'data/two.json', data: fixture('three') },
      { file: 'data/four.json', data: fixture('four', { relations: { related: ['ghost'] } }) },
    ]);
    expect(problems.map((problem) => problem.file)).toEqual(['data/one.json', 'data/two.json', 'data/four.json']);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Format v2: required facts by kind, status, sources that say what they support. One bad entry per rule.
// ---------------------------------------------------------------------------------------------------------------

/** The messages buildDataset reports for one entry. */
function messagesOf(data: EntryInput): string[] {
  try {
    buildDataset([{ file: `data/${(data as { id: string }).id}.json`, data }]);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(DatasetError);
    return (error as DatasetError).problems.map((problem) => problem.message);
  }
}

const supportingAll = (url: string, type: Source['type'], facts: Record<string, unknown>, more: string[] = []) =>
  source(url, type, ['summary', ...Object.keys(facts).map((key) => `facts.${key}`), ...more]);

/** A valid entry of each kind, every required fact present and backed. */
const validOf = {
  tool: () => {
    const facts = { category: 'face recognition', vendorName: 'Acme', knownUsers: ['A police department'], concern: 'Misidentifications, according to a made-up audit.' };
    return fixture('a-tool', { kind: 'tool', facts, sources: [supportingAll('https://example.org/t', 'original-report', facts)] });
  },
  vendor: () => fixture('a-vendor'),
  program: () => {
    const facts = { agency: 'A made-up agency' };
    return fixture('a-program', {
      kind: 'program',
      facts,
      status: { stage: 'active', date: '2024-05', source: 'https://example.gov/p' },
      sources: [supportingAll('https://example.gov/p', 'official', facts, ['status'])],
    });
  },
  agency: () => {
    const facts = { jurisdiction: 'Nowhere (federal)', parentAgency: 'A made-up department', surveillanceRole: 'Runs a made-up database.' };
    return fixture('an-agency', { kind: 'agency', facts, sources: [supportingAll('https://example.gov/a', 'official', facts)] });
  },
  bill: () => {
    const facts = { jurisdiction: 'United States', congress: 119, numbers: ['H.R. 1'], sponsors: ['Rep. Nobody'], introduced: '2025-01-03' };
    return fixture('a-bill', {
      kind: 'bill',
      facts,
      status: { stage: 'in-committee', date: '2025-01-03', text: 'Referred to committee.', source: 'https://example.gov/b' },
      sources: [supportingAll('https://example.gov/b', 'official', facts, ['status'])],
    });
  },
  law: () => {
    const facts = { jurisdiction: 'Nowhere', enacted: '2001' };
    return fixture('a-law', {
      kind: 'law',
      facts,
      status: { stage: 'lapsed', date: '2020-03-15', source: 'https://example.gov/l' },
      latest: { text: 'A made-up bill would revive it.', date: '2021-01-02', source: 'https://example.org/news' },
      sources: [supportingAll('https://example.gov/l', 'official', facts, ['status']), source('https://example.org/news', 'original-report', ['latest'])],
    });
  },
  order: () => {
    const facts = { jurisdiction: 'United States', issuedBy: 'A made-up president', number: 'Executive Order 1', signed: '1981-12-04' };
    return fixture('an-order', {
      kind: 'order',
      facts,
      status: { stage: 'in-force', date: '1981-12-04', source: 'https://example.gov/o' },
      sources: [supportingAll('https://example.gov/o', 'official', facts, ['status'])],
    });
  },
  campaign: () => {
    const facts = { organisers: ['A made-up union'], started: '2016-09' };
    return fixture('a-campaign', {
      kind: 'campaign',
      facts,
      status: { stage: 'active', date: '2016-09', source: 'https://example.org/c' },
      sources: [supportingAll('https://example.org/c', 'self', facts, ['status'])],
    });
  },
  case: () => {
    const facts = { court: 'A made-up court', year: 2018, holding: 'A search needs a warrant.' };
    return fixture('a-case', { kind: 'case', facts, sources: [supportingAll('https://example.gov/k', 'official', facts)] });
  },
} satisfies Record<Kind, () => EntryInput>;

/** The fixture of a kind without one of its facts (its source no longer claims to support it). */
function without(kind: Kind, key: string): EntryInput {
  const entry = validOf[kind]() as EntryInput & { facts: Record<string, unknown>; sources: Source[] };
  const { [key]: _dropped, ...facts } = entry.facts;
  const sources = entry.sources.map((s) => ({ ...s, supports: s.supports.filter((path) => path !== `facts.${key}`) })).filter((s) => s.supports.length > 0);
  return { ...entry, facts, sources } as EntryInput;
}

describe('format v2', () => {
  test.each(kinds)('a valid %s passes', (kind) => {
    expect(messagesOf(validOf[kind]())).toEqual([]);
  });

  test.each([
    ['vendor', 'headquarters', 'required for a vendor'],
    ['vendor', 'products', 'required for a vendor'],
    ['vendor', 'concern', 'required for a vendor'],
    ['tool', 'category', 'required for a tool'],
    ['tool', 'concern', 'required for a tool'],
    ['tool', 'vendorName', 'required for a tool unless "generic": true'],
    ['tool', 'knownUsers', 'required for a tool unless "generic": true'],
    ['agency', 'jurisdiction', 'required for an agency'],
    ['agency', 'surveillanceRole', 'required for an agency'],
    ['agency', 'parentAgency', 'required for an agency unless "topLevel": true'],
    ['program', 'agency', 'required for a program'],
    ['bill', 'jurisdiction', 'required for a bill'],
    ['bill', 'numbers', 'required for a bill'],
    ['bill', 'sponsors', 'required for a bill'],
    ['law', 'jurisdiction', 'required for a law'],
    ['order', 'jurisdiction', 'required for an order'],
    ['order', 'issuedBy', 'required for an order'],
    ['campaign', 'organisers', 'required for a campaign'],
    ['case', 'court', 'required for a case'],
    ['case', 'year', 'required for a case'],
    ['case', 'holding', 'required for a case'],
  ] as [Kind, string, string][])('a %s without facts.%s is reported', (kind, key, message) => {
    expect(messagesOf(without(kind, key))).toEqual([`facts.${key}: ${message}`]);
  });

  test('an empty list of products is as good as none', () => {
    const entry = fixture('a-vendor', { facts: { headquarters: 'Springfield, U.S.', products: [], concern: 'Something, a report says.' } });
    expect(messagesOf(entry)).toEqual(['facts.products: at least one, required for a vendor']);
  });

  test('an entry with no facts at all is reported once, clearly', () => {
    const { facts: _facts, ...entry } = validOf.case() as EntryInput & { facts: unknown };
    expect(messagesOf({ ...entry, sources: [source('https://example.gov/k', 'official', ['summary'])] } as EntryInput)).toEqual(['facts: required for a case']);
  });

  test('a generic tool needs neither vendor nor known users; a top-level agency has no parent', () => {
    const facts = { category: 'cell-site simulator', concern: 'Sweeps up bystanders\' phones, according to a made-up report.', generic: true };
    expect(messagesOf(fixture('a-tool', { kind: 'tool', facts, sources: [supportingAll('https://example.org/t', 'original-report', { category: 1, concern: 1 })] }))).toEqual([]);
    const topLevel = without('agency', 'parentAgency') as EntryInput & { facts: Record<string, unknown> };
    expect(messagesOf({ ...topLevel, facts: { ...topLevel.facts, topLevel: true } } as EntryInput)).toEqual([]);
    const both = validOf.agency() as EntryInput & { facts: Record<string, unknown> };
    expect(messagesOf({ ...both, facts: { ...both.facts, topLevel: true } } as EntryInput)).toEqual(['facts.parentAgency: a top-level agency has no parent agency']);
  });

  test.each(['program', 'bill', 'law', 'order', 'campaign'] as const)('a %s without a status is reported', (kind) => {
    const { status: _status, ...entry } = validOf[kind]() as EntryInput & { status: unknown; sources: Source[] };
    const sources = entry.sources.map((s) => ({ ...s, supports: s.supports.filter((path) => path !== 'status') }));
    expect(messagesOf({ ...entry, sources } as EntryInput)).toEqual(['status: required for this kind: where it stands, since when, and the source that says so']);
  });

  test.each(['tool', 'vendor', 'agency', 'case'] as const)('a %s may not have a status', (kind) => {
    const entry = validOf[kind]() as EntryInput & { sources: Source[] };
    const url = entry.sources[0]!.url;
    expect(messagesOf({ ...entry, status: { stage: 'active', date: '2020', source: url } } as EntryInput)).toEqual([
      expect.stringMatching(/^\(entry\): Unrecognized key: "status"/),
    ]);
  });

  test('a status stage, a status date and a latest date must be real', () => {
    const law = validOf.law() as EntryInput & { status: Record<string, unknown>; latest: Record<string, unknown> };
    expect(messagesOf({ ...law, status: { ...law.status, stage: 'pending' } } as unknown as EntryInput)).toEqual([expect.stringMatching(/^status\.stage: /)]);
    expect(messagesOf({ ...law, status: { ...law.status, date: '2020-02-30' } } as EntryInput)).toEqual(['status.date: not a real date']);
    expect(messagesOf({ ...law, latest: { ...law.latest, date: 'last spring' } } as EntryInput)).toEqual([
      'latest.date: dates are YYYY-MM-DD (YYYY-MM or YYYY only when the day is unknowable)',
    ]);
  });

  test('a bill in committee is dated by its first referral, not by a later committee step', () => {
    const bill = validOf.bill() as EntryInput & { status: Record<string, unknown> };
    // The day a subcommittee took it up, or marked it up, belongs in the status text: ten cards once had it as the date.
    expect(messagesOf({ ...bill, status: { ...bill.status, date: '2025-12-11' } } as EntryInput)).toEqual([
      'status.date: a bill in committee is dated by its first referral, the day it was introduced (2025-01-03); later committee steps go in status.text',
    ]);
    expect(messagesOf({ ...bill, status: { ...bill.status, stage: 'passed-one-chamber', date: '2025-12-11' } } as EntryInput)).toEqual([]);
  });

  test('a status or latest source that is not one of the entry\'s sources is reported', () => {
    const law = validOf.law() as EntryInput & { status: Record<string, unknown>; latest: Record<string, unknown> };
    expect(messagesOf({ ...law, status: { ...law.status, source: 'https://example.gov/elsewhere' } } as EntryInput)).toEqual([
      "status.source: https://example.gov/elsewhere is not one of this entry's sources",
    ]);
    expect(messagesOf({ ...law, latest: { ...law.latest, source: 'https://example.gov/elsewhere' } } as EntryInput)).toEqual([
      "latest.source: https://example.gov/elsewhere is not one of this entry's sources",
    ]);
  });

  test('earlier developments follow a latest one, newest first, each citing one of the entry\'s sources that backs "earlier"', () => {
    const law = validOf.law() as EntryInput & { latest: { date: string }; sources: Source[] };
    const older = source('https://example.org/older', 'original-report', ['earlier']);
    const earlier = [
      { text: 'A made-up court upheld it.', date: '2019-05', source: older.url },
      { text: 'A made-up audit faulted it.', date: '2018', source: older.url },
    ];
    expect(messagesOf({ ...law, earlier, sources: [...law.sources, older] } as EntryInput)).toEqual([]);
    // Out of order: newer than the latest, or newer than the one before it.
    expect(messagesOf({ ...law, earlier: [{ ...earlier[0]!, date: '2021-02' }], sources: [...law.sources, older] } as EntryInput)).toEqual([
      'earlier.0.date: 2021-02 is after 2021-01-02; list the latest development first, then earlier ones newest first',
    ]);
    expect(messagesOf({ ...law, earlier: [earlier[1]!, earlier[0]!], sources: [...law.sources, older] } as EntryInput)).toEqual([
      'earlier.1.date: 2019-05 is after 2018; list the latest development first, then earlier ones newest first',
    ]);
    // No latest to follow; a source that is not the entry's, or does not say it backs "earlier"; an empty list.
    const { latest: _latest, ...withoutLatest } = law;
    const onlyOfficial = [{ ...law.sources[0]!, supports: [...law.sources[0]!.supports, 'earlier'] }];
    expect(messagesOf({ ...withoutLatest, earlier, sources: onlyOfficial } as unknown as EntryInput)).toEqual([
      'earlier: earlier developments need a latest one; the newest goes in latest',
      "earlier.source: https://example.org/older is not one of this entry's sources",
      "earlier.source: https://example.org/older is not one of this entry's sources",
    ]);
    const silent = source('https://example.org/older', 'original-report', ['summary']);
    expect(messagesOf({ ...law, earlier: [earlier[0]!], sources: [...law.sources, silent] } as EntryInput)).toEqual([
      'earlier: no source lists "earlier" in its supports',
      'earlier.source: https://example.org/older does not list "earlier" in its supports',
    ]);
    expect(messagesOf({ ...law, earlier: [] } as EntryInput)).toHaveLength(1);
  });

  test('a status source must say it supports the status', () => {
    const law = validOf.law() as EntryInput & { sources: Source[] };
    const sources = [{ ...law.sources[0]!, supports: law.sources[0]!.supports.filter((p) => p !== 'status') }, law.sources[1]!, source('https://example.gov/other', 'official', ['status'])];
    expect(messagesOf({ ...law, sources } as EntryInput)).toEqual(['status.source: https://example.gov/l does not list "status" in its supports']);
  });

  test('a source needs a type and at least one supported field, and supports only fields of its entry\'s kind', () => {
    const vendor = fixture('a-vendor') as EntryInput & { sources: Source[] };
    const [first, second] = vendor.sources as [Source, Source];
    const { type: _type, ...untyped } = first;
    expect(messagesOf({ ...vendor, sources: [untyped, second] } as EntryInput)).toEqual([expect.stringMatching(/^sources\.0\.type: /)]);
    expect(messagesOf({ ...vendor, sources: [{ ...first, type: 'blog' }, second] } as EntryInput)).toEqual([expect.stringMatching(/^sources\.0\.type: /)]);
    expect(messagesOf({ ...vendor, sources: [first, { ...second, supports: [] }] } as EntryInput)).toEqual(['sources.1.supports: a source supports at least one field']);
    expect(messagesOf({ ...vendor, sources: [first, { ...second, supports: ['facts.concern', 'facts.holding', 'summry'] }] } as EntryInput)).toEqual([
      'sources.1.supports: "facts.holding" is not a field a vendor entry can have',
      'sources.1.supports: "summry" is not a field a vendor entry can have',
    ]);
  });

  test('the summary and every fact present must be backed by some source', () => {
    const vendor = fixture('a-vendor', { facts: { headquarters: 'Springfield, U.S.', products: ['Gizmo'], concern: 'Gizmos, a report says.', founded: 1999 } }) as EntryInput & { sources: Source[] };
    const sources = vendor.sources.map((s) => ({ ...s, supports: s.supports.filter((p) => p !== 'summary') }));
    expect(messagesOf({ ...vendor, sources } as EntryInput)).toEqual([
      'summary: no source lists "summary" in its supports',
      'facts.founded: no source lists "facts.founded" in its supports',
    ]);
  });

  test('the same url twice is reported', () => {
    const vendor = fixture('a-vendor') as EntryInput & { sources: Source[] };
    expect(messagesOf({ ...vendor, sources: [...vendor.sources, vendor.sources[0]!] } as EntryInput)).toEqual(['sources: https://example.com/about is listed twice']);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The real dataset.
// ---------------------------------------------------------------------------------------------------------------

const files = readdirSync(dataDir)
  .filter((name) => name.endsWith('.json'))
  .sort();

describe('the data/ directory', () => {
  test('holds at least the 150 entries the product promises', () => {
    expect(files.length).toBeGreaterThanOrEqual(150);
  });

  test.each(files)('%s is a valid entry', (name) => {
    const data = JSON.parse(readFileSync(join(dataDir, name), 'utf8')) as unknown;
    const parsed = entrySchema.safeParse(data);
    expect(parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toEqual([]);
    expect(parsed.data?.id).toBe(name.replace(/\.json$/, ''));
  });

  test('readDataset builds the whole dataset: ids unique, file names match, relations resolve', () => {
    let entries: Entry[] = [];
    expect(() => {
      entries = readDataset();
    }).not.toThrow();
    expect(entries).toHaveLength(files.length);
    const ids = entries.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    const known = new Set(ids);
    const dangling = entries.flatMap((entry) =>
      relationNames.flatMap((relation) => (entry.relations[relation] ?? []).filter((target) => !known.has(target)).map((target) => `${entry.id} -> ${target}`)),
    );
    expect(dangling).toEqual([]);
  });
});

describe('the rules of the real dataset', () => {
  let entries: Entry[] = [];
  beforeAll(() => {
    entries = readDataset();
  });

  test('every entry has at least one source and an asOf date', () => {
    const missing = entries.filter((entry) => entry.sources.length === 0 || !/^\d{4}-\d{2}-\d{2}$/.test(entry.asOf)).map((entry) => entry.id);
    expect(missing).toEqual([]);
    for (const entry of entries) {
      expect(Number.isNaN(Date.parse(entry.asOf)), `${entry.id} asOf ${entry.asOf}`).toBe(false);
    }
  });

  test('no entry names itself in its relations', () => {
    const selfLinks = entries.filter((entry) => relationNames.some((relation) => entry.relations[relation]?.includes(entry.id))).map((entry) => entry.id);
    expect(selfLinks).toEqual([]);
  });

  test('every single-word term (the name included) is case-sensitive, needs context, is an acronym or never matches alone', () => {
    const offenders = entries.flatMap((entry) =>
      unguardedSingleWords(entry).map((rule) => `${entry.id}: "${rule.text}"`),
    );
    expect(offenders).toEqual([]);
  });

  test('an alias text shared by two entries has rules that tell them apart', () => {
    const byText = new Map<string, { id: string; rule: TermRule }[]>();
    for (const entry of entries) {
      const seen = new Set<string>();
      for (const rule of termsOf(entry)) {
        const key = sharedTextKey(rule.text);
        // Two rules of the same entry with the same folded text ("ShotSpotter"/"Shotspotter") are not a clash.
        if (seen.has(key)) continue;
        seen.add(key);
        byText.set(key, [...(byText.get(key) ?? []), { id: entry.id, rule }]);
      }
    }
    const clashes: string[] = [];
    for (const [text, users] of byText) {
      for (let i = 0; i < users.length; i++) {
        for (let j = i + 1; j < users.length; j++) {
          const a = users[i]!;
          const b = users[j]!;
          // Every rule of entry a with this text against every rule of entry b with this text.
          const rulesA = termsOf(entries.find((entry) => entry.id === a.id)!).filter((rule) => sharedTextKey(rule.text) === text);
          const rulesB = termsOf(entries.find((entry) => entry.id === b.id)!).filter((rule) => sharedTextKey(rule.text) === text);
          for (const ra of rulesA) for (const rb of rulesB) if (!distinguishable(ra, rb)) clashes.push(`"${text}": ${a.id} / ${b.id}`);
        }
      }
    }
    expect(clashes).toEqual([]);
  });

  test('the distinguishability check itself rejects two plain strings and accepts differing rules', () => {
    expect(distinguishable({ text: 'Orbit' }, { text: 'orbit' })).toBe(false);
    expect(distinguishable({ text: 'ORBIT', caseSensitive: true }, { text: 'Orbit', caseSensitive: true })).toBe(true);
    expect(distinguishable({ text: 'Orbit', requiresContext: ['space'] }, { text: 'Orbit', requiresContext: ['bank'] })).toBe(true);
    expect(distinguishable({ text: 'Orbit', requiresContext: ['space'] }, { text: 'Orbit', requiresContext: ['space'] })).toBe(false);
    expect(distinguishable({ text: 'Orbit', matchAlone: false }, { text: 'Orbit' })).toBe(true);
  });
});
