import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { kinds } from '../dataset/kinds';
import { checkWatchEntry, emptyForm, entryFromForm, formFromEntry, idFromName, isSafeLink, type WatchForm } from './entry';

const valid = (extra: Record<string, unknown> = {}) => ({
  id: 'harborview-sentinel-grid',
  kind: 'tool',
  name: 'Harborview Sentinel Grid',
  summary: 'A made-up camera network, for tests.',
  ...extra,
});

describe('checkWatchEntry', () => {
  test('accepts a multi-word name with defaults filled in', () => {
    const checked = checkWatchEntry(valid());
    expect(checked.problems).toEqual([]);
    expect(checked.entry).toMatchObject({ aliases: [], sources: [] });
  });

  test('a single common word needs "Match case" or nearby words, as in the bundled dataset', () => {
    expect(checkWatchEntry(valid({ name: 'Sentinel' })).problems).toEqual([
      '“Sentinel” is a single word: tick “Match case” or give words it needs nearby, or it would match every use of the word.',
    ]);
    expect(checkWatchEntry(valid({ name: 'Sentinel', aliases: [{ text: 'Sentinel', caseSensitive: true }] })).problems).toEqual([]);
    expect(checkWatchEntry(valid({ name: 'Sentinel', aliases: [{ text: 'Sentinel', requiresContext: ['camera'] }] })).problems).toEqual([]);
    // An alias is held to the same rule as the name.
    expect(checkWatchEntry(valid({ aliases: ['Grid'] })).problems).toHaveLength(1);
  });

  test('refuses one-letter terms, even case-sensitive ones', () => {
    expect(checkWatchEntry(valid({ aliases: [{ text: 'X', caseSensitive: true }] })).problems[0]).toMatch(/too short/);
    expect(checkWatchEntry(valid({ name: 'Q' })).problems.some((p) => /too short/.test(p))).toBe(true);
  });

  test('sources are https links only, never fetched: no javascript:, data:, http: or credentials', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,hi', 'http://example.com/', 'https://user:pw@example.com/', 'ftp://example.com/', 'notaurl']) {
      expect(checkWatchEntry(valid({ sources: [{ url }] })).problems, url).not.toEqual([]);
    }
    expect(checkWatchEntry(valid({ sources: [{ url: 'https://example.com/story' }] })).problems).toEqual([]);
  });

  test('refuses control characters and direction overrides in any text', () => {
    expect(checkWatchEntry(valid({ summary: 'Looks fine\u202Eenil' })).problems).toEqual(['The entry contains control characters; plain text only.']);
    expect(checkWatchEntry(valid({ aliases: ['Harbor\u0007view grid'] })).problems).toContain('The entry contains control characters; plain text only.');
  });

  test('refuses unknown fields (a pack cannot add facts, relations or anything else)', () => {
    expect(checkWatchEntry(valid({ relations: { madeBy: ['palantir'] } })).problems[0]).toMatch(/Unrecognized key/);
    expect(checkWatchEntry(valid({ kind: 'gadget' })).problems[0]).toMatch(/^Kind:/);
  });

  test('limits lengths: description, other names, nearby words', () => {
    expect(checkWatchEntry(valid({ summary: 'x'.repeat(301) })).problems[0]).toMatch(/^Description:/);
    expect(checkWatchEntry(valid({ aliases: Array.from({ length: 21 }, (_, i) => `Grid number ${i}`) })).problems[0]).toMatch(/^Other name/);
    const words = Array.from({ length: 11 }, (_, i) => `word${i}`);
    expect(checkWatchEntry(valid({ aliases: [{ text: 'Harbor Grid', requiresContext: words }] })).problems[0]).toMatch(/more than 10 nearby words/);
  });
});

describe('the form', () => {
  test('"Match case" and nearby words become term rules on the name and every other name', () => {
    const form: WatchForm = { ...emptyForm('Sentinel'), aliases: 'Sentinel Grid\nHSG', matchCase: true, nearby: 'camera, police' };
    expect(entryFromForm(form, 'sentinel').aliases).toEqual([
      { text: 'Sentinel', caseSensitive: true, requiresContext: ['camera', 'police'] },
      { text: 'Sentinel Grid', caseSensitive: true, requiresContext: ['camera', 'police'] },
      { text: 'HSG', caseSensitive: true, requiresContext: ['camera', 'police'] },
    ]);
    expect(entryFromForm({ ...form, matchCase: false, nearby: '' }, 'sentinel').aliases).toEqual(['Sentinel Grid', 'HSG']);
  });

  test('an entry made from a form gives that form back (property)', () => {
    const word = fc.stringMatching(/^[A-Za-z][a-z]{1,8}$/);
    const phrase = fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join(' '));
    const form = fc.record({
      name: phrase,
      kind: fc.constantFrom(...kinds),
      aliases: fc.uniqueArray(phrase, { maxLength: 4 }).map((list) => list.join('\n')),
      summary: phrase,
      sourceUrl: fc.constantFrom('', 'https://example.org/a'),
      matchCase: fc.boolean(),
      nearby: fc.uniqueArray(word, { maxLength: 3 }).map((list) => list.join(', ')),
    });
    fc.assert(
      fc.property(form, (value) => {
        const aliases = value.aliases.split('\n').filter((text) => text && text !== value.name).join('\n');
        const entry = checkWatchEntry(entryFromForm(value, 'an-id'));
        fc.pre(entry.entry !== undefined);
        expect(formFromEntry(entry.entry!)).toEqual({ ...value, aliases });
      }),
    );
  });
});

describe('idFromName', () => {
  test('makes dataset-style ids, unique among those taken', () => {
    expect(idFromName('Flock Safety', new Set())).toBe('flock-safety');
    expect(idFromName('Flock Safety', new Set(['flock-safety', 'flock-safety-2']))).toBe('flock-safety-3');
    expect(idFromName('Überwachung & Co.', new Set())).toBe('uberwachung-co');
    expect(idFromName('!!!', new Set())).toBe('entry');
  });
});

test('isSafeLink', () => {
  expect(isSafeLink('https://example.org/')).toBe(true);
  expect(isSafeLink(`https://example.org/${'a'.repeat(2000)}`)).toBe(false);
  expect(isSafeLink('JavaScript:alert(1)')).toBe(false);
});
