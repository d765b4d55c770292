import { describe, expect, test } from 'vitest';
import { AhoCorasick } from './aho-corasick';

function allMatches(patterns: string[], text: string): [string, number, number][] {
  const found: [string, number, number][] = [];
  new AhoCorasick(patterns).search(text, (pattern, start, end) => found.push([patterns[pattern]!, start, end]));
  return found;
}

function naive(patterns: string[], text: string): [string, number, number][] {
  const found: [string, number, number][] = [];
  for (let end = 1; end <= text.length; end++) {
    patterns.forEach((pattern) => {
      if (pattern && end >= pattern.length && text.slice(end - pattern.length, end) === pattern) found.push([pattern, end - pattern.length, end]);
    });
  }
  return found;
}

const sortKey = (list: [string, number, number][]) => [...list].sort((a, b) => a[2] - b[2] || a[1] - b[1] || a[0].localeCompare(b[0]));

describe('AhoCorasick', () => {
  test('finds overlapping patterns "he", "she", "his", "hers"', () => {
    const found = allMatches(['he', 'she', 'his', 'hers'], 'ushers');
    expect(sortKey(found)).toEqual([
      ['she', 1, 4],
      ['he', 2, 4],
      ['hers', 2, 6],
    ]);
  });

  test('reports matches in order of end position', () => {
    const found = allMatches(['he', 'she', 'hers'], 'she sells shells; hers too');
    const ends = found.map(([, , end]) => end);
    expect(ends).toEqual([...ends].sort((a, b) => a - b));
    expect(sortKey(found)).toEqual(sortKey(naive(['he', 'she', 'hers'], 'she sells shells; hers too')));
  });

  test('finds repeated and self-overlapping occurrences', () => {
    expect(allMatches(['aa'], 'aaaa')).toEqual([
      ['aa', 0, 2],
      ['aa', 1, 3],
      ['aa', 2, 4],
    ]);
    expect(allMatches(['abab'], 'abababab').map(([, start]) => start)).toEqual([0, 2, 4]);
  });

  test('a pattern that is a suffix of another is found through failure links', () => {
    expect(sortKey(allMatches(['abcd', 'bc', 'c'], 'xabcdx'))).toEqual([
      ['bc', 2, 4],
      ['c', 3, 4],
      ['abcd', 1, 5],
    ]);
  });

  test('empty patterns are ignored and an empty text has no matches', () => {
    expect(allMatches(['', 'a'], 'aa')).toEqual([
      ['a', 0, 1],
      ['a', 1, 2],
    ]);
    expect(allMatches(['a', 'b'], '')).toEqual([]);
    expect(allMatches([], 'anything')).toEqual([]);
  });

  test('agrees with a naive search on a mixed pattern set', () => {
    const patterns = ['mobile fortify', 'fortify', 'for', 'or', 'mob', 'ile f', 'tif', 'fy'];
    const text = 'a mobile fortify, or two: fortify for mobiles; fyfortifyfor';
    expect(sortKey(allMatches(patterns, text))).toEqual(sortKey(naive(patterns, text)));
  });

  test('the same pattern twice reports both indices', () => {
    const found: number[] = [];
    new AhoCorasick(['ab', 'ab']).search('ab', (pattern) => found.push(pattern));
    expect(found.sort()).toEqual([0, 1]);
  });
});
