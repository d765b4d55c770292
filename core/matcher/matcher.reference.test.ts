import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { readDataset } from '../../scripts/dataset-files';
import { termsOf } from '../dataset/terms';
import { createMatcher, type MatchableEntry } from './matcher';
import { referenceMatcher } from './testing/reference-matcher';

// The fast matcher (no folded copy, one automaton for terms, context words and citation starts, rules weighed only
// for matches) against the matcher as first written, on the real dataset and on made-up rules, in texts built to
// reach every rule: terms in odd case and spacing, context words on both sides and inside other words, long
// sentences whose window starts inside a word, soft hyphens and zero-width characters, addresses, shouted lines,
// acronyms before and after their long forms, citations and near-citations.
const ruled: MatchableEntry[] = [
  { id: 'homeland', kind: 'agency', name: 'Department of Homeland Security', aliases: [{ text: 'DHS', caseSensitive: true, afterLongForm: true, requiresContext: ['border'] }] },
  { id: 'ice', kind: 'agency', name: 'Immigration and Customs Enforcement', aliases: [{ text: 'ICE', caseSensitive: true, excludeContext: ['hockey', 'ICE Futures'] }] },
  { id: 'clearview', kind: 'vendor', name: 'Clearview AI', aliases: [{ text: 'Clearview', caseSensitive: true, requiresContext: ['facial', 'face search', 'ace'] }] },
  { id: 'faces', kind: 'bill', name: 'Faces Act', aliases: [], identifiers: { bills: [{ congress: 119, type: 's', number: 3779 }] } },
  { id: 'code', kind: 'law', name: 'Section Seven', aliases: [], identifiers: { usCode: [{ title: 50, section: '1881a' }], publicLaws: [{ congress: 118, number: 49 }] } },
];
const entries = [...readDataset(), ...ruled];
const fast = createMatcher(entries);
const reference = referenceMatcher(entries);

const terms = entries.flatMap((entry) => termsOf(entry).map((rule) => rule.text));
const context = entries.flatMap((entry) => termsOf(entry).flatMap((rule) => [...(rule.requiresContext ?? []), ...(rule.excludeContext ?? [])]));
const filler = ['the', 'police', 'said', 'agents', 'at', 'a', 'surface', 'preface', 'Security', 'HOCKEY', 'NEWS', 'U.S.', 'Mr.', 'No.', 'end.', 'S. 3779', 'H.R. 12', 'Pub. L. 118-49', '50 U.S.C. 1881a', '12 U.S.C.', 'www.ice.gov', 'a@b.org', '1960s.'];
const gaps = [' ', ' ', ' ', ' ', '  ', '\n', '\n\n', ', ', '. ', '; ', '? ', ' (', ') ', ' "', '" ', '\u00AD', '\u200B', '', '\u2019s ', ' \u2014 ', '\u00A0'];
const recase = (text: string, how: number) => (how === 0 ? text : how === 1 ? text.toLowerCase() : text.toUpperCase());
const word = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...terms), fc.nat(5)).map(([text, how]) => recase(text, how % 3)) },
  { weight: 2, arbitrary: fc.constantFrom(...context) },
  { weight: 3, arbitrary: fc.constantFrom(...filler) },
);
const text = fc.array(fc.tuple(word, fc.constantFrom(...gaps)), { minLength: 1, maxLength: 80, size: 'max' }).map((parts) => parts.map(([w, gap]) => w + gap).join(''));

describe('the fast matcher against the matcher as first written', () => {
  test('finds the same mentions', () => {
    fc.assert(
      fc.property(text, (source) => {
        expect(fast.scan(source)).toEqual(reference(source));
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  test('finds the same mentions when a window starts inside a word that starts with a context word', () => {
    // A sentence about as long as the window, the context word glued to the word before it: some windows start
    // exactly at the context word, inside that word, where the window's own text lets it start.
    const glued = fc.tuple(
      fc.constantFrom('Security', 'sur', 'x', '\u{1D400}'),
      fc.constantFrom('', '\u00AD', '\u200B'),
      fc.constantFrom('ICE Futures', 'face search', 'facial', 'border', 'ace', 'hockey'),
      fc.integer({ min: 110, max: 170 }),
      fc.constantFrom('ICE', 'Clearview', 'DHS', 'Department of Homeland Security then DHS'),
    );
    fc.assert(
      fc.property(glued, ([before, glue, phrase, length, term]) => {
        const filler = 'and more of the same long sentence without an end '.repeat(4).slice(0, length);
        const source = `Reports on the ${before}${glue}${phrase} ${filler} ${term} on Tuesday.`;
        expect(fast.scan(source)).toEqual(reference(source));
      }),
      { numRuns: 600 },
    );
  }, 60_000);
});

describe('compiling in steps', () => {
  // The page compiles the matcher a few steps per task before its first scan; the CLI and the tests compile it in
  // the first scan. Either way it must find the same mentions, wherever the steps pause, whatever runs between
  // them, and when a scan comes before the steps are done.
  test('finds what a matcher compiled at once finds, however the compilation is spread', () => {
    const schedule = fc.array(fc.tuple(fc.integer({ min: 1, max: 120 }), fc.nat(3)), { maxLength: 30 });
    fc.assert(
      fc.property(schedule, fc.nat(40), fc.array(text, { minLength: 1, maxLength: 3 }), (calls, scanAfter, sources) => {
        const stepped = createMatcher(entries);
        const other = createMatcher(ruled);
        let done = false;
        calls.forEach(([steps, between], call) => {
          let left = steps;
          const result = stepped.compile(() => --left <= 0);
          // Each call takes at least one step, and stops when told (or when the work is done).
          expect(result || left === 0).toBe(true);
          done = result;
          // Between two tasks of steps: another matcher's steps, or its scan (which compiles it at once).
          if (between === 1) other.compile(() => true);
          if (between === 2) other.scan(sources[0]!);
          if (call === scanAfter) expect(stepped.scan(sources[0]!)).toEqual(fast.scan(sources[0]!));
        });
        if (done) expect(stepped.compile(() => true)).toBe(true);
        for (const source of sources) expect(stepped.scan(source)).toEqual(fast.scan(source));
        // Compiled by now (by the steps, or by the scan).
        expect(stepped.compile(() => false)).toBe(true);
      }),
      { numRuns: 30 },
    );
  }, 120_000);

  test('the dataset takes many short steps, and is compiled when they are done', () => {
    const matcher = createMatcher(entries);
    let calls = 0;
    while (!matcher.compile(() => true)) calls++;
    expect(calls).toBeGreaterThan(100);
    expect(matcher.compile(() => true)).toBe(true);
    const source = 'Clearview AI sold facial recognition to the Department of Homeland Security; DHS said so.';
    expect(matcher.scan(source)).toEqual(fast.scan(source));
    expect(matcher.scan(source).length).toBeGreaterThan(0);
  });
});
