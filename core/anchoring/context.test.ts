import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { contextScorer, type Side } from './context';

/** Plain dynamic programme: the least edit distance between `expected` and a start of `text` (the far end free). */
function referenceDistance(expected: string, text: string): number {
  let row = Array.from({ length: text.length + 1 }, (_, j) => j);
  for (let i = 1; i <= expected.length; i++) {
    const next = [i];
    for (let j = 1; j <= text.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (expected[i - 1] === text[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return Math.min(...row);
}

const reversed = (s: string) => s.split('').reverse().join('');
const letters = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é', '😀'.charAt(0)), maxLength: 40 });

describe('contextScorer', () => {
  test('agrees with a plain dynamic programme (no whitespace)', () => {
    fc.assert(
      fc.property(letters, letters, fc.constantFrom<Side>('before', 'after'), (expected, around, side) => {
        const kept = side === 'before' ? expected.slice(-32) : expected.slice(0, 32);
        const scorer = contextScorer(expected, side);
        const window = 2 * kept.length + 8;
        const text = side === 'before' ? `${around}QUOTE` : `QUOTE${around}`;
        const edge = side === 'before' ? around.length : 5;
        const read = side === 'before' ? reversed(around).slice(0, window) : around.slice(0, window);
        const distance = side === 'before' ? referenceDistance(reversed(kept), read) : referenceDistance(kept, read);
        const similarity = kept.length ? 1 - distance / kept.length : 1;
        expect(scorer.similarity(text, edge)).toBeCloseTo(similarity, 10);
        expect(scorer.agrees(text, edge)).toBe(similarity === 1);
      }),
    );
  });

  test('reads a run of whitespace as one space', () => {
    const prefix = contextScorer('the council voted ', 'before');
    const text = 'the\ncouncil  voted\n\nQUOTE';
    expect(prefix.similarity(text, text.indexOf('QUOTE'))).toBe(1);
    const suffix = contextScorer(' to extend', 'after');
    expect(suffix.agrees('QUOTE\u00a0 to\textend its network', 5)).toBe(true);
  });

  test('an empty context weighs nothing', () => {
    expect(contextScorer('', 'before').weight).toBe(0);
    expect(contextScorer('x'.repeat(32), 'after').weight).toBe(1);
  });
});
