import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createMatcher, type MatchableEntry } from './matcher';

// Plain, case-insensitive terms only, chosen to nest and overlap ("Clear View Systems" / "View Systems" /
// "Systems Watch" / "Clear View"; "Orbit Lens" / "Orbit" / "Lens").
const entries: MatchableEntry[] = [
  { id: 'clear-view', kind: 'vendor', name: 'Clear View', aliases: ['Clear View Systems'] },
  { id: 'view-systems', kind: 'tool', name: 'View Systems', aliases: [] },
  { id: 'systems-watch', kind: 'program', name: 'Systems Watch', aliases: [] },
  { id: 'orbit', kind: 'tool', name: 'Orbit', aliases: ['Orbit Lens'] },
  { id: 'lens', kind: 'tool', name: 'Lens', aliases: ['Lens-Kit'] },
];
const terms = entries.flatMap((entry) => [entry.name, ...(entry.aliases as string[])].map((text) => ({ text, id: entry.id })));
const matcher = createMatcher(entries);

// ---------------------------------------------------------------------------------------------------------------
// A slow, obviously-correct reference.
// ---------------------------------------------------------------------------------------------------------------

const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);
const isSpace = (char: string | undefined) => char !== undefined && /\s/.test(char);

/** The end of the term if `text` holds it at `start` (case-insensitive, a space matching any run of whitespace without a blank line). */
function matchAt(text: string, start: number, term: string): number | undefined {
  let i = start;
  for (let k = 0; k < term.length; k++) {
    const want = term[k]!;
    if (want === ' ') {
      if (!isSpace(text[i])) return undefined;
      let newlines = 0;
      while (isSpace(text[i])) {
        if (text[i] === '\n') newlines++;
        if (text[i] === '\u2029') newlines += 2;
        i++;
      }
      if (newlines >= 2) return undefined;
      continue;
    }
    if (text[i] === undefined || text[i]!.toLowerCase() !== want.toLowerCase()) return undefined;
    i++;
  }
  return i;
}

interface Span {
  start: number;
  end: number;
  id: string;
}

function referenceScan(text: string): Span[] {
  const candidates: Span[] = [];
  for (const { text: term, id } of terms) {
    for (let start = 0; start < text.length; start++) {
      if (isWordChar(text[start - 1])) continue;
      const end = matchAt(text, start, term);
      if (end === undefined || isWordChar(text[end])) continue;
      candidates.push({ start, end, id });
    }
  }
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const chosen: Span[] = [];
  for (const candidate of candidates) {
    if (chosen.some((other) => other.start < candidate.end && candidate.start < other.end)) continue;
    chosen.push(candidate);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------------------------------------------------------
// Random texts: aliases (randomly capitalised and spaced) between noise words, punctuation and whitespace.
// ---------------------------------------------------------------------------------------------------------------

const noise = ['the', 'a', 'clear', 'view', 'systems', 'watch', 'orbital', 'lenses', 'kit', 'café', 'naïve', '42', 'x1', 'ÉTÉ', '\u{1F4F7}', 'said'];
const gaps = [' ', ' ', ' ', '  ', '\n', '\t', ' \n ', '\n\n', ', ', '. ', '; ', ' (', ') ', ' "', '" ', ' - ', '', ''];
const innerGaps = [' ', ' ', '  ', '\n', '\n  ', ' \t ', '\n\n', '\u00A0'];

const casing = fc.constantFrom<(s: string) => string>(
  (s) => s,
  (s) => s.toLowerCase(),
  (s) => s.toUpperCase(),
);

const aliasToken = fc
  .tuple(fc.constantFrom(...terms.map((term) => term.text)), casing, fc.array(fc.constantFrom(...innerGaps), { minLength: 4, maxLength: 4 }))
  .map(([alias, recase, spaces]) => {
    let n = 0;
    return recase(alias).replace(/ /g, () => spaces[n++ % spaces.length]!);
  });
const token = fc.oneof({ weight: 2, arbitrary: aliasToken }, { weight: 3, arbitrary: fc.constantFrom(...noise) });
const document = fc
  .array(fc.tuple(token, fc.constantFrom(...gaps)), { minLength: 0, maxLength: 25 })
  .map((parts) => parts.map(([word, gap]) => word + gap).join(''));

describe('the matcher against a slow reference', () => {
  test('finds exactly the mentions the reference finds', () => {
    fc.assert(
      fc.property(document, (text) => {
        const actual = matcher.scan(text).map(({ start, end, entity }) => ({ start, end, id: entity.id }));
        expect(actual).toEqual(referenceScan(text));
      }),
      { numRuns: 300 },
    );
  });

  test('mentions are sorted, never overlap, and their offsets are exact', () => {
    fc.assert(
      fc.property(document, (text) => {
        const mentions = matcher.scan(text);
        for (let i = 0; i < mentions.length; i++) {
          const mention = mentions[i]!;
          expect(mention.start).toBeGreaterThanOrEqual(0);
          expect(mention.end).toBeLessThanOrEqual(text.length);
          expect(mention.end).toBeGreaterThan(mention.start);
          expect(text.slice(mention.start, mention.end)).toBe(mention.text);
          if (i > 0) expect(mention.start).toBeGreaterThanOrEqual(mentions[i - 1]!.end);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('a mention never starts or ends inside a word', () => {
    fc.assert(
      fc.property(document, (text) => {
        for (const { start, end } of matcher.scan(text)) {
          expect(isWordChar(text[start - 1])).toBe(false);
          expect(isWordChar(text[end])).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });

  test('scanning is unaffected by text before it: shifting by a prefix shifts the offsets', () => {
    fc.assert(
      fc.property(document, fc.constantFrom('Intro.\n\n', '\u{1F600}\u{1F600}\n\n', 'x\n\n'), (text, prefix) => {
        const plain = matcher.scan(text).map(({ start, end, entity }) => [start + prefix.length, end + prefix.length, entity.id]);
        const shifted = matcher.scan(prefix + text).map(({ start, end, entity }) => [start, end, entity.id]);
        expect(shifted).toEqual(plain);
      }),
      { numRuns: 200 },
    );
  });
});
