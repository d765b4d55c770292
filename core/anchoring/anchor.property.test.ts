import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { TextQuote } from '../notes/note';
import { anchorQuote } from './anchor';

// Texts from a small vocabulary, so that words and whole quotes repeat; with emoji, accented letters and every
// kind of whitespace run the page text can hold.
const tokens = ['the', 'council', 'voted', 'cameras', 'plate', 'Zoë', 'café', 'Petrović', '📷', '🚨', 'a', 'b', ',', '.', ' ', ' ', ' ', '  ', '\n', '\n\n', '\u00a0'];
const pageText = fc.array(fc.constantFrom(...tokens), { minLength: 1, maxLength: 150 }).map((parts) => parts.join(''));
const unrelated = fc.array(fc.constantFrom('Update:', 'Advertisement', 'Ω', '∑', '🛰️', 'x', 'y', ' ', '\n\n'), { minLength: 1, maxLength: 30 }).map((parts) => parts.join(''));

/** A text and a span in it (end > start), in UTF-16 code units like the page text. */
const textWithSpan = pageText
  .filter((value) => value.length >= 1)
  .chain((value) =>
    fc
      .tuple(fc.nat({ max: value.length - 1 }), fc.integer({ min: 1, max: 120 }))
      .map(([start, length]) => ({ text: value, start, end: Math.min(value.length, start + length) })),
  );

function noteOn(text: string, start: number, end: number): TextQuote {
  return { exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) };
}

const collapse = (s: string) => s.replace(/\s+/g, ' ');

describe('anchorQuote properties', () => {
  test('an unchanged text anchors to exactly the original span', () => {
    fc.assert(
      fc.property(textWithSpan, ({ text, start, end }) => {
        expect(anchorQuote(text, noteOn(text, start, end), { start, end })).toEqual({ start, end, method: 'position', score: 1 });
      }),
    );
  });

  test('without a stored position, an unchanged text anchors to an occurrence of the quote with the same context', () => {
    fc.assert(
      fc.property(textWithSpan, ({ text, start, end }) => {
        const quote = noteOn(text, start, end);
        const anchor = anchorQuote(text, quote);
        expect(anchor).toBeDefined();
        expect(text.slice(anchor!.start, anchor!.end)).toBe(quote.exact);
        expect(collapse(text.slice(0, anchor!.start)).endsWith(collapse(quote.prefix))).toBe(true);
        expect(collapse(text.slice(anchor!.end)).startsWith(collapse(quote.suffix))).toBe(true);
        // The first such occurrence, when nothing else tells them apart.
        expect(anchor!.start).toBeLessThanOrEqual(start);
      }),
    );
  });

  test('unrelated text inserted before the quote: a span holding exactly the quote', () => {
    fc.assert(
      fc.property(textWithSpan, unrelated, fc.double({ min: 0, max: 1, noNaN: true }), ({ text, start, end }, inserted, where) => {
        const quote = noteOn(text, start, end);
        const at = Math.floor(where * start);
        const page = text.slice(0, at) + inserted + text.slice(at);
        const anchor = anchorQuote(page, quote, { start, end });
        expect(anchor).toBeDefined();
        expect(page.slice(anchor!.start, anchor!.end)).toBe(quote.exact);
        if (page.indexOf(quote.exact) === page.lastIndexOf(quote.exact)) expect(anchor!.start).toBe(start + inserted.length);
      }),
    );
  });

  test('anchors never leave the text, whatever the quote and position', () => {
    const edited = textWithSpan.chain(({ text, start, end }) =>
      fc.record({
        page: fc.oneof(fc.constant(text), pageText),
        quote: fc.oneof(
          // The note's quote with a few characters replaced, as if the page had been edited since.
          fc.array(fc.tuple(fc.nat(), fc.constantFrom('e', 'x', ' ', '\n', '📷')), { maxLength: 4 }).map((edits) => {
            const chars = text.slice(start, end).split('');
            for (const [index, char] of edits) if (chars.length) chars[index % chars.length] = char;
            return { ...noteOn(text, start, end), exact: chars.join('') || 'x' };
          }),
          fc.record({ exact: fc.string({ minLength: 1, maxLength: 60 }), prefix: fc.string({ maxLength: 32 }), suffix: fc.string({ maxLength: 32 }) }),
        ),
        position: fc.option(fc.record({ start: fc.integer({ min: -5, max: 400 }), end: fc.integer({ min: -5, max: 400 }) }), { nil: undefined }),
      }),
    );
    fc.assert(
      fc.property(edited, ({ page, quote, position }) => {
        const anchor = anchorQuote(page, quote, position);
        if (!anchor) return;
        expect(anchor.start).toBeGreaterThanOrEqual(0);
        expect(anchor.end).toBeGreaterThan(anchor.start);
        expect(anchor.end).toBeLessThanOrEqual(page.length);
        expect(anchor.score).toBeGreaterThanOrEqual(0);
        expect(anchor.score).toBeLessThanOrEqual(1);
        expect(['position', 'exact', 'fuzzy']).toContain(anchor.method);
      }),
      { numRuns: 300 },
    );
  });
});
