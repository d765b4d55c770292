import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { insideAddress } from './urls';

// insideAddress only runs its pattern on tokens that could hold an address; it must answer as the pattern alone.
const pattern = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>"]+|[^\s@<>"]+@[^\s@<>"]+\.[a-z]{2,}|(?<![\p{L}\p{N}.-])[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|org|net|gov|edu|mil|io|ai|co|us|uk|eu|info|news|app|tech)(?![\p{L}\p{N}])(?:\/[^\s<>"]*)?/giu;
function reference(text: string, start: number, end: number): boolean {
  let from = start;
  while (from > 0 && !/\s/.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && !/\s/.test(text[to]!)) to++;
  const token = text.slice(from, to);
  if (token.length === end - start) return false;
  for (const match of token.matchAll(pattern)) if (from + match.index < end && start < from + match.index + match[0].length) return true;
  return false;
}

const pieces = ['ICE', 'U.S.', 'amazon', '.com', '.COM', '.co', '.news', '.uk', '.u\u212A', '.new\u017F', '\u2019s', 'www.', 'WWW.', 'https://', '@', 'a', '.', '-', '/', '2', '\u00E9', 'Inc.', ' ', ' ', '\n'];
const text = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 12 }).map((parts) => parts.join(''));

describe('insideAddress', () => {
  test('answers as its pattern alone answers', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(5), (source, at, length) => {
        const start = at % source.length;
        const end = Math.min(source.length, start + 1 + length);
        expect(insideAddress(source, start, end)).toBe(reference(source, start, end));
      }),
      { numRuns: 3000 },
    );
  });
});
