import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createMatcher, type MatchableEntry } from '../core/matcher/matcher';
import { lastParagraphCut } from './paragraph-cut';

const entries: MatchableEntry[] = [
  { id: 'homeland', kind: 'agency', name: 'Department of Homeland Security', aliases: [{ text: 'DHS', caseSensitive: true, afterLongForm: true }] },
  { id: 'fortify', kind: 'tool', name: 'Mobile Fortify', aliases: [] },
  { id: 'clearview', kind: 'vendor', name: 'Clearview', aliases: [{ text: 'Clearview', caseSensitive: true, requiresContext: ['facial recognition'] }] },
];
const matcher = createMatcher(entries);
const words = ['Department of Homeland Security', 'DHS', 'Mobile', 'Fortify', 'Clearview', 'facial', 'recognition', 'said', 'ICE.', 'The'];
const gaps = [' ', ' ', '\n', '\n\n', '\r\n\r\n', ' \n \n ', '\u2029', '\n\u200B\n', '. ', '\u00AD'];
const text = fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...gaps)), { maxLength: 60 }).map((parts) => parts.map(([w, g]) => w + g).join(''));

describe('lastParagraphCut', () => {
  test('the text before and after the cut, scanned apart with one named set, gives what the whole gives', () => {
    fc.assert(
      fc.property(text, fc.nat(), (source, pick) => {
        // The cut is looked for in what has been read so far: any prefix.
        const read = source.slice(0, pick % (source.length + 1));
        const cut = lastParagraphCut(read, 0);
        const named = new Set<string>();
        const apart = [...matcher.scan(source.slice(0, cut), named), ...matcher.scan(source.slice(cut), named).map((m) => ({ ...m, start: m.start + cut, end: m.end + cut }))];
        expect(apart).toEqual(matcher.scan(source));
      }),
      { numRuns: 500 },
    );
  });

  test('cuts only after a blank line that something follows', () => {
    expect(lastParagraphCut('one\n\ntwo', 0)).toBe(5);
    expect(lastParagraphCut('one\n\ntwo\n\n', 0)).toBe(5);
    expect(lastParagraphCut('one\ntwo', 0)).toBe(0);
    expect(lastParagraphCut('one \n \n two', 0)).toBe(8);
    expect(lastParagraphCut('one\u2029two', 0)).toBe(4);
  });
});
