import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { inCapitalisedRun, sentenceWindow, windowEnd } from './context';
import { foldText, paragraphBreak } from './fold';
import { referenceWindow } from './testing/reference-matcher';

// The capitalised-run test as it was first written (with regular expressions).
function referenceCapitalisedRun(original: string, start: number, end: number): boolean {
  const line = (text: string) => text.split(/[\n\u2029]/);
  const before = line(original.slice(Math.max(0, start - 60), start)).at(-1)!.match(/\p{L}+/gu)?.slice(-3) ?? [];
  const after = line(original.slice(end, end + 60))[0]!.match(/\p{L}+/gu)?.slice(0, 3) ?? [];
  return [before, after].some((words) => {
    const shouted = words.filter((word) => word.length >= 2 && word === word.toUpperCase()).length;
    return shouted >= 2 && words.every((word) => word !== word.toLowerCase() || word === word.toUpperCase());
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Texts with everything a window walk has to get right: sentence ends and the abbreviations that are not, quotes
// and brackets after them, whitespace runs and blank lines, invisible characters, curly punctuation, capitals,
// astral and lone surrogates, and long plain stretches.
// ---------------------------------------------------------------------------------------------------------------

const pieces = [
  'word', 'Word', 'ICE', 'CBP', 'agents', 'said', 'Mr.', 'U.S.', 'H.R.', 'S.', 'Jones', 'No.', '1960s.', 'end.', 'stop!', 'why?', 'so;',
  '.', '. ', '." ', '.) ', '.\u201D ', '\u2019', '\u201C', '\u2014', 'caf\u00E9', '\u0130stanbul', '\u{1D400}BC', '\u{1F6A8}', '\uD800', '\uDC00',
  'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore',
  'A', 'B.', '(', '"', "'", ',', '42', 'x1',
];
const gaps = [' ', ' ', ' ', '  ', '\n', '\n\n', ' \n \n', '\t', '\u00A0', '\u2029', '\u00AD', '\u200B', ' \u200B ', '', '\r\n\r\n'];
const text = fc
  .array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(...gaps)), { minLength: 1, maxLength: 120 })
  .map((parts) => parts.map(([piece, gap]) => piece + gap).join(''));

/** Folded characters that may start or end a match: neither whitespace nor a paragraph break. */
function matchable(folded: string): number[] {
  const at: number[] = [];
  for (let i = 0; i < folded.length; i++) if (folded[i] !== ' ' && folded[i] !== paragraphBreak) at.push(i);
  return at;
}

describe('the window read from the original text', () => {
  test('is the window read from a folded copy of the whole text', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(8), (source, pick, span) => {
        const { text: folded, origin } = foldText(source);
        const candidates = matchable(folded);
        fc.pre(candidates.length > 0);
        const first = candidates[pick % candidates.length]!;
        const last = candidates[Math.min(candidates.length - 1, (pick % candidates.length) + span)]!;
        const expected = referenceWindow(folded, source, origin, first, last + 1);
        const actual = sentenceWindow(source, origin[first]!, origin[last]! + 1);
        // Lone surrogates: U+FFFD in the folded copy, themselves here (no context word can tell).
        expect(actual.toWellFormed()).toBe(expected.toWellFormed());
      }),
      { numRuns: 3000 },
    );
  });

  test('walked to a limit, reaches the limit exactly when the whole window does', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(8), fc.nat(400), (source, pick, span, ahead) => {
        const { text: folded, origin } = foldText(source);
        const candidates = matchable(folded);
        fc.pre(candidates.length > 0);
        const last = candidates[Math.min(candidates.length - 1, (pick % candidates.length) + span)]!;
        const end = origin[last]! + 1;
        const limit = end + 1 + (ahead % (source.length - end + 1));
        const whole = windowEnd(source, end);
        const walked = windowEnd(source, end, limit);
        expect(walked >= limit).toBe(whole >= limit);
        if (walked < limit) expect(walked).toBe(whole);
      }),
      { numRuns: 3000 },
    );
  });

  // In ordinary text, and in headlines: capitals, astral letters, lone surrogate halves, line breaks.
  const shouting = fc
    .array(fc.tuple(fc.constantFrom('ICE', 'RAIDS', 'AGENTS', 'A', 'Ice', 'ice', 'I', 'CAFÉ', 'café', '\u{1D400}\u{1D401}', '\u{10428}x', '\uD800', '\uDC00', 'NSA', '42', '('), fc.constantFrom(' ', ' ', '\n', '\u2029', '', '-', '\uD801')), { minLength: 1, maxLength: 30 })
    .map((parts) => parts.map(([piece, gap]) => piece + gap).join(''));
  test.each([
    ['ordinary text', text],
    ['headlines', shouting],
  ])('capitalised runs are judged as the regular-expression version judges them (%s)', (_, texts) => {
    fc.assert(
      fc.property(texts, fc.nat(), fc.nat(4), (source, pick, span) => {
        const start = pick % (source.length + 1);
        const end = Math.min(source.length, start + span);
        expect(inCapitalisedRun(source, start, end)).toBe(referenceCapitalisedRun(source, start, end));
      }),
      { numRuns: 4000 },
    );
  });
});
