import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { kinds } from '../dataset/kinds';
import type { MatchableEntry } from '../matcher/matcher';
import { checkWatchEntry, type WatchEntry } from './entry';
import { exportPack, packLimits, parsePack, planImport } from './pack';
import { composeDataset, packEntryId } from './runtime';

const header = { format: 'watchwords-pack', version: 1, id: 'city-cameras', name: 'City cameras', author: 'Metro desk', description: 'Made up.', date: '2026-03-04' };
const good = (id: string, name: string, extra: Record<string, unknown> = {}) => ({ id, kind: 'tool', name, summary: `${name}, made up for tests.`, ...extra });
const packText = (entries: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ ...header, ...extra, entries });
const refusal = (text: string) => {
  const parsed = parsePack(text);
  return parsed.ok ? undefined : parsed.error;
};
const bundled: MatchableEntry[] = [{ id: 'palantir', name: 'Palantir Technologies', kind: 'vendor', aliases: ['Palantir'] }];

describe('parsePack: whole packs refused with one sentence', () => {
  test('not JSON, not an object, not a pack, a newer format', () => {
    expect(refusal('{ nope')).toBe('Watchwords refused this pack: it is not a JSON file.');
    expect(refusal('[1, 2]')).toBe('Watchwords refused this pack: it is not a Watchwords pack.');
    expect(refusal(JSON.stringify({ format: 'watchwords-notes', notes: [] }))).toMatch(/not a Watchwords pack/);
    expect(refusal(packText([], { version: 7 }))).toMatch(/newer Watchwords \(pack format 7\)/);
  });

  test('"__proto__", "constructor" or "prototype" keys anywhere, and nothing leaks onto Object.prototype', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const text = `{"format":"watchwords-pack","version":1,"entries":[{"id":"a","${key}":{"polluted":true}}]}`;
      expect(refusal(text)).toBe(`Watchwords refused this pack: it contains the key "${key}", which no pack has.`);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('too big, too many entries (100,000), too many terms, too deep', () => {
    expect(refusal(' '.repeat(packLimits.chars + 1))).toMatch(/at most 5 MB/);
    const many = packText(Array.from({ length: 100_000 }, () => 0));
    expect(refusal(many)).toBe('Watchwords refused this pack: it has 100,000 entries; a pack can have at most 5,000.');
    const aliases = Array.from({ length: 100_000 }, (_, i) => `Alias number ${i}`);
    expect(refusal(packText([good('a', 'Harbor Grid', { aliases })]))).toBe(
      'Watchwords refused this pack: it has 100,001 names and other names; a pack can have at most 10,000.',
    );
    expect(refusal(`{"format":"watchwords-pack","x":${'['.repeat(50)}${']'.repeat(50)}}`)).toBe('Watchwords refused this pack: it is nested deeper than any pack.');
    expect(refusal(`${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`)).toMatch(/not a Watchwords pack|nested deeper/);
  }, 30_000);

  test('a header that is not valid names the field', () => {
    expect(refusal(packText([], { author: '' }))).toMatch(/its author is not valid/);
    expect(refusal(packText([], { script: 'alert(1)' }))).toMatch(/its header is not valid|not valid/);
    expect(refusal(packText([], { name: 'City\u202Esaremac' }))).toBe('Watchwords refused this pack: its name is not valid (plain text only (no control characters)).');
  });
});

describe('parsePack: entries checked one by one', () => {
  test('bad entries are listed with a reason; good ones pass', () => {
    const parsed = parsePack(
      packText([
        good('grid', 'Harbor Grid', { sources: [{ url: 'https://example.org/grid' }] }),
        good('js', 'Script Link', { sources: [{ url: 'javascript:alert(document.cookie)' }] }),
        good('x', 'X'),
        good('grid', 'Harbor Grid Again'),
        good('word', 'Sentinel'),
        good('facts', 'Harbor Facts', { facts: { concern: 'made up' } }),
        'not an entry',
      ]),
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.pack.entries.map((e) => e.id)).toEqual(['grid']);
    expect(parsed.pack.rejected.map((r) => r.entry)).toEqual(['Script Link', 'X', 'Harbor Grid Again', 'Sentinel', 'Harbor Facts', 'Entry 7']);
    expect(parsed.pack.rejected[0]!.reason).toMatch(/https:\/\//);
    expect(parsed.pack.rejected[1]!.reason).toMatch(/too short/);
    expect(parsed.pack.rejected[2]!.reason).toMatch(/used by another entry/);
    expect(parsed.pack.rejected[3]!.reason).toMatch(/single word/);
  });

  test('property: any JSON at all is refused or parsed, never thrown, and what is accepted obeys every entry rule', () => {
    const anyEntry = fc.oneof(
      fc.anything(),
      fc.record(
        {
          id: fc.oneof(fc.stringMatching(/^[a-z]{1,5}$/), fc.string()),
          kind: fc.oneof(fc.constantFrom(...kinds), fc.string()),
          name: fc.oneof(fc.string({ maxLength: 3 }), fc.stringMatching(/^[A-Z][a-z]{2,6} [A-Z][a-z]{2,6}$/), fc.string({ unit: 'grapheme' })),
          summary: fc.string(),
          aliases: fc.array(fc.oneof(fc.string(), fc.record({ text: fc.string(), caseSensitive: fc.boolean() })), { maxLength: 4 }),
          sources: fc.array(fc.record({ url: fc.oneof(fc.webUrl(), fc.constant('javascript:alert(1)'), fc.string()) }), { maxLength: 2 }),
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(fc.array(anyEntry, { maxLength: 12 }), fc.anything(), (entries, extra) => {
        const texts = [packText(entries), JSON.stringify(extra) ?? 'null', packText(entries, { extra })];
        for (const text of texts) {
          const parsed = parsePack(text);
          if (!parsed.ok) {
            expect(parsed.error).toMatch(/^Watchwords refused this pack: /);
            continue;
          }
          for (const entry of parsed.pack.entries) {
            expect(checkWatchEntry(entry).problems).toEqual([]);
            for (const source of entry.sources) expect(source.url.startsWith('https://')).toBe(true);
          }
          expect(parsed.pack.entries.length + parsed.pack.rejected.length).toBe(entries.length);
        }
      }),
      { numRuns: 200 },
    );
  }, 30_000);

  test('property: a mutated valid pack never throws and never lets a one-letter or unguarded single word through', () => {
    const text = packText([good('grid', 'Harbor Grid', { aliases: ['HG Cam', { text: 'Gridcam', caseSensitive: true }], sources: [{ url: 'https://example.org/' }] })]);
    fc.assert(
      fc.property(fc.nat(text.length - 1), fc.string({ maxLength: 4 }), (at, insert) => {
        const parsed = parsePack(text.slice(0, at) + insert + text.slice(at + 1));
        if (!parsed.ok) return;
        for (const entry of parsed.pack.entries) expect(checkWatchEntry(entry).problems).toEqual([]);
      }),
      { numRuns: 500 },
    );
  }, 30_000);
});

describe('planImport', () => {
  const parsed = (entries: unknown[]) => {
    const result = parsePack(packText(entries));
    if (!result.ok) throw new Error(result.error);
    return result.pack;
  };

  test('rejects entries that would shadow a bundled entry, the reader\'s own, or an earlier one of the pack', () => {
    const reader: WatchEntry = { id: 'mine', kind: 'tool', name: 'Harbor Grid', aliases: [], summary: 'Mine.', sources: [] };
    const { index } = composeDataset(bundled, [{ owner: { by: 'reader' }, entries: [reader] }]);
    const { report, entries } = planImport(
      parsed([good('p', 'Palantir Cloud', { aliases: ['palantir technologies'] }), good('grid', 'Harbor Grid'), good('one', 'Tram Cam'), good('two', 'Tram Cam')]),
      index,
    );
    expect(entries.map((e) => e.id)).toEqual(['one']);
    expect(report.rejected).toEqual([
      { entry: 'Palantir Cloud', reason: '“palantir technologies” cannot be told apart from “Palantir Technologies” in Watchwords’ own dataset.' },
      { entry: 'Harbor Grid', reason: '“Harbor Grid” cannot be told apart from your entry “Harbor Grid”.' },
      { entry: 'Tram Cam', reason: '“Tram Cam” cannot be told apart from “Tram Cam”, an earlier entry of this pack.' },
    ]);
    expect(report.added).toEqual(['Tram Cam']);
  });

  test('a newer version of a kept pack: added, changed, unchanged and removed', () => {
    const { index } = composeDataset(bundled, []);
    const kept = parsed([good('a', 'Tram Cam'), good('b', 'Bus Cam'), good('c', 'Ferry Cam')]).entries;
    const { report } = planImport(parsed([good('a', 'Tram Cam'), good('b', 'Bus Cam', { summary: 'Changed.' }), good('d', 'Dock Cam')]), index, kept);
    expect(report).toMatchObject({ replaces: true, added: ['Dock Cam'], changed: ['Bus Cam'], unchanged: 1, removed: ['Ferry Cam'] });
  });

  test('export and import give the same entries back (property)', () => {
    const word = fc.stringMatching(/^[A-Z][a-z]{2,7}$/);
    const entry = fc.record({
      name: fc.tuple(word, word).map(([a, b]) => `${a} ${b}`),
      kind: fc.constantFrom(...kinds),
      summary: fc.tuple(word, word, word).map((w) => w.join(' ')),
      aliases: fc.array(fc.tuple(word, word, word).map((w) => w.join(' ')), { maxLength: 2 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (e) => e.name.toLowerCase(), maxLength: 6 }), (list) => {
        const entries: WatchEntry[] = list.map((e, i) => ({ ...e, id: `e-${i}`, aliases: [...new Set(e.aliases)].filter((a) => a !== e.name), sources: [] }));
        const { text } = exportPack({ name: 'City cameras', author: 'Metro desk' }, entries, new Date('2026-03-04T12:00:00Z'));
        const result = parsePack(text);
        expect(result.ok && result.pack.entries).toEqual(entries);
        expect(result.ok && result.pack.meta).toEqual({ id: 'city-cameras', name: 'City cameras', author: 'Metro desk', description: '', date: '2026-03-04' });
      }),
    );
  });

  test('a pack of 5,000 entries plans in one go (the largest allowed)', () => {
    const entries = Array.from({ length: packLimits.entries }, (_, i) => good(`e-${i}`, `Camera number ${i}`));
    const { entries: accepted } = planImport(parsed(entries), composeDataset(bundled, []).index);
    expect(accepted).toHaveLength(packLimits.entries);
    expect(packEntryId('city-cameras', accepted[0]!.id)).toBe('pack:city-cameras:e-0');
  }, 30_000);
});

test('the example in docs/packs.md is a valid pack', () => {
  const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'packs.md'), 'utf8');
  const example = /```json\n([\s\S]*?)\n```/.exec(doc)![1]!;
  const parsed = parsePack(example);
  expect(parsed.ok && parsed.pack.rejected).toEqual([]);
  expect(parsed.ok && parsed.pack.entries.map((e) => e.id)).toEqual(['harbor-sentinel-grid']);
});
