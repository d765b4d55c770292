import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildDataset, DatasetError } from '../core/dataset/dataset';
import { entrySchema, relationNames, type Entry, type EntryInput, type TermRule } from '../core/dataset/schema';
import { distinguishable, sharedTextKey, unguardedSingleWords } from '../core/dataset/term-rules';
import { termsOf } from '../core/dataset/terms';
import { dataDir, readDataset } from '../scripts/dataset-files';

// ---------------------------------------------------------------------------------------------------------------
// buildDataset on small in-memory fixtures: one test per kind of problem.
// ---------------------------------------------------------------------------------------------------------------

function fixture(id: string, extra: Partial<EntryInput> = {}): EntryInput {
  return {
    id,
    kind: 'vendor',
    name: `Name of ${id}`,
    summary: 'A made-up vendor used only in tests.',
    sources: [{ url: 'https://example.org/source', title: 'Example source' }],
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
      { file: 'data/acme.json', data: fixture('acme', { relations: { madeBy: ['nobody-inc'] } }) },
      { file: 'data/other.json', data: fixture('other') },
    ]);
    expect(problems).toEqual([{ file: 'data/acme.json', message: 'relations.madeBy: no entry with id nobody-inc' }]);
  });

  test('lists every problem at once, not only the first', () => {
    const problems = problemsOf([
      { file: 'data/one.json', data: { ...fixture('one'), asOf: 'yesterday' } },
      { file: 'data/two.json', data: fixture('three') },
      { file: 'data/four.json', data: fixture('four', { relations: { uses: ['ghost'] } }) },
    ]);
    expect(problems.map((problem) => problem.file)).toEqual(['data/one.json', 'data/two.json', 'data/four.json']);
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
  const entries = readDataset();

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
