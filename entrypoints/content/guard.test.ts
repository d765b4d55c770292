import { describe, expect, test } from 'vitest';
import { styleProblem } from './guard';

const plain = { display: 'block', visibility: 'visible', opacity: '1', filter: 'none', clipPath: 'none', mixBlendMode: 'normal', contentVisibility: 'visible', maskImage: 'none' };

describe('what in a style could hide or disguise our frame', () => {
  test('a plain element passes', () => {
    expect(styleProblem(plain)).toBeUndefined();
  });

  test.each([
    [{ opacity: '0' }, 'opacity: 0'],
    [{ opacity: '0.99' }, 'opacity: 0.99'],
    [{ visibility: 'hidden' }, 'visibility: hidden'],
    [{ display: 'none' }, 'display: none'],
    [{ filter: 'opacity(0)' }, 'filter: opacity(0)'],
    [{ clipPath: 'inset(50%)' }, 'clip-path: inset(50%)'],
    [{ mixBlendMode: 'multiply' }, 'mix-blend-mode: multiply'],
    [{ maskImage: 'linear-gradient(transparent, transparent)' }, 'mask: linear-gradient(transparent, transparent)'],
    [{ contentVisibility: 'hidden' }, 'content-visibility: hidden'],
  ])('%o is refused', (change, problem) => {
    expect(styleProblem({ ...plain, ...change })).toBe(problem);
  });
});
