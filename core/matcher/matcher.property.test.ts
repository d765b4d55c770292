import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { matchTermsOf } from '../dataset/terms';
import { createMatcher, type MatchableEntry, type Mention } from './matcher';

// Plain, case-insensitive terms only, chosen to nest and overlap ("Clear View Systems" / "View Systems" /
// "Systems Watch" / "Clear View"; "Orbit Lens" / "Orbit" / "Lens").
const entries: MatchableEntry[] = [
  { id: 'clear-view', kind: 'vendor', name: 'Clear View', aliases: ['Clear View Systems'] },
  { id: 'view-systems', kind: 'tool', name: 'View Systems', aliases: [] },
  { id: 'systems-watch', kind: 'program', name: 'Systems Watch', aliases: [] },
  { id: 'orbit', kind: 'tool', name: 'Orbit', aliases: ['Orbit Lens'] },
  { id: 'lens', kind: 'tool', name: 'Lens', aliases: ['Lens-Kit'] },
];
// (With the variants the matcher adds: "Lens-Kit" is also "Lens Kit".)
const terms = entries.flatMap((entry) => matchTermsOf(entry).map(({ text }) => ({ text, id: entry.id })));
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
const innerGaps = [' ', ' ', '  ', '\n', '\n  ', ' \t ', '\n\n', '\u00A0', '\n          ', '\t\t\t\t\t\t\t\t'];

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

// ---------------------------------------------------------------------------------------------------------------
// Scanning a long text piece by piece (as the page does within very long text nodes) finds what one scan finds.
// ---------------------------------------------------------------------------------------------------------------

const ruled: MatchableEntry[] = [
  { id: 'homeland', kind: 'agency', name: 'Department of Homeland Security', aliases: [{ text: 'DHS', caseSensitive: true, afterLongForm: true, requiresContext: ['border'] }] },
  { id: 'ice', kind: 'agency', name: 'Immigration and Customs Enforcement', aliases: [{ text: 'ICE', caseSensitive: true, excludeContext: ['hockey', 'ICE Futures'] }] },
  { id: 'clearview', kind: 'vendor', name: 'Clearview AI', aliases: [{ text: 'Clearview', caseSensitive: true, requiresContext: ['facial', 'face search'] }] },
  { id: 'bill', kind: 'bill', name: 'Faces Act', aliases: [], identifiers: { bills: [{ congress: 119, type: 's', number: 3779 }] } },
  { id: 'code', kind: 'law', name: 'Section Seven', aliases: [], identifiers: { usCode: [{ title: 50, section: '1881a' }] } },
];
const ruledMatcher = createMatcher(ruled);
const words = ['Department of Homeland Security', 'DHS', 'ICE', 'Immigration and Customs Enforcement', 'Clearview', 'Clearview AI', 'facial', 'border', 'hockey', 'ICE Futures', 'S. 3779', 'the Senate bill', '50 U.S.C. 1881a', 'www.ice.gov', 'said', 'agents', 'The', 'HOCKEY NEWS', 'ICE RINK TODAY', 'face search', '.', ','];
const longText = fc
  .array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(' ', ' ', '. ', ', ', '\n', '\n\n', '  ', '\u00AD')), { minLength: 0, maxLength: 120, size: 'max' })
  .map((parts) => parts.map(([word, gap]) => word + gap).join(''));

describe('scanning in pieces', () => {
  test('pieces ending where the matcher says find what one scan finds', () => {
    fc.assert(
      fc.property(longText, fc.integer({ min: 1, max: 60 }), (text, step) => {
        const whole = ruledMatcher.scan(text, new Set());
        const named = new Set<string>();
        const pieces: Mention[] = [];
        for (let from = 0; from < text.length; ) {
          const { mentions, next } = ruledMatcher.scanPiece(text, from, from + step, named);
          expect(next).toBeGreaterThan(from);
          for (const mention of mentions) expect(mention.start).toBeGreaterThanOrEqual(from);
          pieces.push(...mentions);
          from = next;
        }
        expect(pieces).toEqual(whole);
      }),
      { numRuns: 400 },
    );
  });
});

describe('scanning blocks together', () => {
  // The page scans many small blocks in one call, joined by blank lines, and maps the mentions back.
  const block = longText.map((text) => text.slice(0, 200));
  test('blocks joined by a blank line give what scanning them one by one (with one named set) gives', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(block, fc.constantFrom('', ' ', '\n', 'DHS ', ' ICE')), { maxLength: 12 }), (blocks) => {
        const named = new Set<string>();
        const apart = blocks.flatMap((text, i) => ruledMatcher.scan(text, named).map((m) => [i, m.start, m.end, m.entity.id]));
        const joined = blocks.join('\n\n');
        const together = ruledMatcher.scan(joined, new Set()).map((m) => {
          let offset = 0;
          let i = 0;
          while (m.start >= offset + blocks[i]!.length + 2) offset += blocks[i++]!.length + 2;
          return [i, m.start - offset, m.end - offset, m.entity.id];
        });
        expect(together).toEqual(apart);
      }),
      { numRuns: 400 },
    );
  });
});
