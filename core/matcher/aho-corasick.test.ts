import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { AhoCorasick } from './aho-corasick';
import { foldText } from './fold';

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

  test('any pattern set (repeats, prefixes, empty ones) finds what a naive search finds, longest first at each end and in the order given', () => {
    const piece = fc.constantFrom('a', 'b', 'c', 'ab', 'ba', ' ');
    const word = fc.array(piece, { minLength: 0, maxLength: 5 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.array(word, { minLength: 0, maxLength: 30 }), fc.array(piece, { maxLength: 80 }).map((parts) => parts.join('')), (patterns, text) => {
        // Where a run of spaces would be read as one, the naive search could not follow: single spaces only.
        const plain = text.replace(/ +/g, ' ');
        const found: [number, number, number][] = [];
        new AhoCorasick(patterns).search(plain, (pattern, start, end) => found.push([pattern, start, end]));
        const expected: [number, number, number][] = [];
        for (let end = 1; end <= plain.length; end++) {
          const here = patterns.flatMap((pattern, index) => (pattern && !/ {2}|^ | $/.test(pattern) && end >= pattern.length && plain.slice(end - pattern.length, end) === pattern ? [[index, end - pattern.length, end] as [number, number, number]] : []));
          expected.push(...here.sort((a, b) => a[1] - b[1] || a[0] - b[0]));
        }
        expect(found.filter(([pattern]) => !/ {2}|^ | $/.test(patterns[pattern]!))).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  test('the same pattern twice reports both indices', () => {
    const found: number[] = [];
    new AhoCorasick(['ab', 'ab']).search('ab', (pattern) => found.push(pattern));
    expect(found.sort()).toEqual([0, 1]);
  });
});

describe('AhoCorasick on original text', () => {
  // The automaton reads text folded on the fly; it must find what a plain search of the folded copy finds.
  const alphabet = ['a', 'b', 'A', 'B', 'ab', ' ', ' ', '  ', '\n', '\n\n', '\t', '\u00A0', '\u00AD', '\u200B', '\u2019', "'", '.', 'é', 'É', '\u{1F600}', '\u2029', 'x'];
  const patterns = ['ab', 'ba', 'a b', "b'a", 'aa', 'b.a', 'é', 'ab ab', 'abab', 'x'];
  const text = (length: number) => fc.array(fc.constantFrom(...alphabet), { minLength: 0, maxLength: length, size: 'max' }).map((parts) => parts.join(''));

  function folded(patternList: string[], source: string): [number, number, number][] {
    const { text: view, origin } = foldText(source);
    return naive(patternList, view).map(([pattern, start, end]) => [patternList.indexOf(pattern), origin[start]!, origin[end - 1]! + 1] as [number, number, number]);
  }

  test('finds what a search of the folded text finds, in short and long texts (read in two halves)', () => {
    fc.assert(
      fc.property(text(60), fc.oneof(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 400, max: 1200 })), (chunk, times) => {
        const source = chunk.repeat(times);
        const found: [number, number, number][] = [];
        new AhoCorasick(patterns).search(source, (pattern, start, end) => found.push([pattern, start, end]));
        const byEnd = (list: [number, number, number][]) => [...list].sort((a, b) => a[2] - b[2] || a[1] - b[1] || a[0] - b[0]);
        expect(byEnd(found)).toEqual(byEnd(folded(patterns, source)));
      }),
      { numRuns: 120 },
    );
  });

  test('a character both halves meet for the first time at the same step is read right by each', () => {
    // Found by the property above: the second half met "é" right after the first half had classified it.
    const source = 'aaaaaaaaé\u{1F600}aa\n\n\u200Ba  éaaaaa\n\n'.repeat(609);
    const found: [number, number, number][] = [];
    new AhoCorasick(patterns).search(source, (pattern, start, end) => found.push([pattern, start, end]));
    expect(found.length).toBe(folded(patterns, source).length);
  });

  test('a hit that starts after its last closer look is its pattern, code unit for code unit', () => {
    // The matcher takes such a match to start `length - 1` code units before its end, without reading it again:
    // whitespace other than one plain space (a run of spaces too), invisible characters and others are looked at.
    fc.assert(
      fc.property(text(60), fc.oneof(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 400, max: 800 })), (chunk, times) => {
        const source = chunk.repeat(times);
        const automaton = new AhoCorasick(patterns);
        automaton.scan(source, (state, index, lastLook) => {
          if (state < 0) return;
          for (let k = automaton.firstOutput(state); k < automaton.lastOutput(state); k++) {
            const length = automaton.lengths[automaton.output(k)]!;
            if (index - length >= lastLook) expect(foldText(source.slice(index - length + 1, index + 1)).text).toBe(patterns[automaton.output(k)]);
          }
        });
      }),
      { numRuns: 80 },
    );
  });

  test('a word-start-only pattern may be skipped after a letter or digit, never elsewhere', () => {
    fc.assert(
      fc.property(text(60), fc.oneof(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 400, max: 800 })), (chunk, times) => {
        const source = chunk.repeat(times);
        const all: string[] = [];
        const some: string[] = [];
        new AhoCorasick(patterns).search(source, (pattern, start, end) => all.push(`${pattern}:${start}:${end}`));
        new AhoCorasick(patterns, patterns.map(() => ({ wordStartOnly: true }))).search(source, (pattern, start, end) => some.push(`${pattern}:${start}:${end}`));
        const kept = new Set(some);
        for (const hit of all) {
          const start = Number(hit.split(':')[1]);
          if (!kept.has(hit)) expect(/[\p{L}\p{N}]/u.test(source[start - 1] ?? '')).toBe(true);
        }
        const every = new Set(all);
        expect(some.every((hit) => every.has(hit))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

/** An automaton's fields, typed arrays as hex (comparing typed arrays of 65,536 entries field by field is slow). */
function tablesOf(automaton: AhoCorasick): Record<string, unknown> {
  return Object.fromEntries(Object.entries(automaton).map(([key, value]) => [key, ArrayBuffer.isView(value) ? `${value.constructor.name}:${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}` : value]));
}

describe('AhoCorasick built in steps', () => {
  // The page builds its automaton a few steps per task, between other work: the automaton must be the one built at
  // once, wherever the steps pause and whatever runs between them (another automaton's steps, scans).
  const alphabet = ['a', 'b', 'c', 'ab', ' ', 'é', '\u2019', '.', 'x', 'abc'];
  const pattern = fc.array(fc.constantFrom(...alphabet), { minLength: 0, maxLength: 6 }).map((parts) => parts.join(''));
  const patternList = fc.array(pattern, { minLength: 0, maxLength: 600 }).filter((list) => list.every((p) => !p.includes('\n\n')));
  const source = fc.array(fc.constantFrom(...alphabet, '\n\n', '  ', 'B', '\u00AD'), { maxLength: 300 }).map((parts) => parts.join(''));

  test('gives the automaton built at once, however its steps are spread', () => {
    fc.assert(
      fc.property(patternList, patternList, fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.nat(3)), { maxLength: 60 }), source, (patterns, others, schedule, text) => {
        const options = patterns.map((p, i) => ({ wordStartOnly: i % 3 === 0 }));
        const steps = AhoCorasick.build(patterns, options);
        const otherSteps = AhoCorasick.build(others);
        const busy = new AhoCorasick(others);
        let built: AhoCorasick | undefined;
        for (const [count, between] of schedule) {
          for (let k = 0; k < count && !built; k++) {
            const step = steps.next();
            if (step.done) built = step.value;
          }
          // Between two tasks of steps: another automaton's steps, or a scan with another automaton.
          if (between === 1) otherSteps.next();
          if (between === 2) busy.search(text, () => undefined);
        }
        for (let step = steps.next(); !built; step = steps.next()) if (step.done) built = step.value;
        const atOnce = new AhoCorasick(patterns, options);
        expect(tablesOf(built)).toEqual(tablesOf(atOnce));
        const found = (automaton: AhoCorasick) => {
          const list: number[] = [];
          automaton.search(text, (p, start, end) => list.push(p, start, end));
          return list;
        };
        expect(found(built)).toEqual(found(atOnce));
      }),
      { numRuns: 80 },
    );
  });

  test('yields between steps for many patterns, and none for none', () => {
    const count = (steps: Generator) => {
      let yields = 0;
      while (!steps.next().done) yields++;
      return yields;
    };
    const many = Array.from({ length: 5000 }, (_, i) => `term ${i.toString(36)}`);
    expect(count(AhoCorasick.build(many))).toBeGreaterThan(50);
    expect(count(AhoCorasick.build([]))).toBeLessThan(10);
  });
});
