import { describe, expect, test } from 'vitest';
import type { TextQuote } from '../notes/note';
import { anchorQuote } from './anchor';
import { article, paragraphs } from './article.fixture';

/** The quote and position of a note on text[start, end), made the way the content script makes them. */
function noteOn(text: string, start: number, end: number): { quote: TextQuote; position: { start: number; end: number } } {
  return {
    quote: { exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) },
    position: { start, end },
  };
}

/** Where the n-th (0-based) occurrence of `needle` starts; fails the test when there is none. */
function indexOf(text: string, needle: string, nth = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`no occurrence ${nth} of ${JSON.stringify(needle)}`);
  }
  return at;
}

/** A note on the n-th occurrence of `exact` in `text`. */
function noteOnPhrase(text: string, exact: string, nth = 0) {
  const start = indexOf(text, exact, nth);
  return noteOn(text, start, start + exact.length);
}

const editorsNote =
  'Editor’s note: this article was updated on Thursday to include the vote count, a response from the city and ' +
  'the contract’s value, which an earlier version gave as $2.4 million. The Harbour Ledger asked Northgate Vision ' +
  'Systems for comment on the retention period and on whether the cameras can read plates on boats using the ' +
  'ferry ramps; the company had not responded by the time of publication. Readers can send tips about the ' +
  'cameras to the newsroom by post or through the secure form on our contact page, which does not log visitors.';

describe('anchorQuote', () => {
  test('an unchanged page anchors at the stored position', () => {
    const note = noteOnPhrase(article, 'the same vendor that installed the first twelve cameras');
    expect(anchorQuote(article, note.quote, note.position)).toEqual({ ...note.position, method: 'position', score: 1 });
  });

  test('content inserted before the quote: the exact quote at its new place', () => {
    const note = noteOnPhrase(article, 'the same vendor that installed the first twelve cameras');
    const page = [paragraphs[0], editorsNote, ...paragraphs.slice(1)].join('\n\n');
    const anchor = anchorQuote(page, note.quote, note.position);
    const start = note.position.start + editorsNote.length + 2;
    expect(anchor).toMatchObject({ start, end: start + note.quote.exact.length, method: 'exact' });
    expect(anchor!.score).toBeGreaterThan(0.99);
  });

  describe('a quote that occurs twice', () => {
    test('picks the occurrence whose prefix and suffix match, even when the other is nearer the stored position', () => {
      const note = noteOnPhrase(article, 'plate readers', 1);
      expect(indexOf(article, 'plate readers', 0)).toBeLessThan(note.position.start);
      const page = `${editorsNote}\n\n${article}`;
      const first = indexOf(page, 'plate readers', 0);
      const second = indexOf(page, 'plate readers', 1);
      // The first occurrence is now the nearer one to where the note was made.
      expect(Math.abs(first - note.position.start)).toBeLessThan(Math.abs(second - note.position.start));
      expect(anchorQuote(page, note.quote, note.position)).toMatchObject({ start: second, end: second + 13, method: 'exact' });
      expect(anchorQuote(page, note.quote)).toMatchObject({ start: second, method: 'exact' });
      const onFirst = noteOnPhrase(article, 'plate readers', 0);
      expect(anchorQuote(page, onFirst.quote, onFirst.position)).toMatchObject({ start: first, method: 'exact' });
    });

    test('picks the one nearest the stored position when both contexts agree (a repeated pull quote)', () => {
      const exact = 'the cameras would keep every plate';
      const page = `Updated Thursday 9:14 a.m.\n\n${article}`;
      for (const nth of [0, 1]) {
        const note = noteOnPhrase(article, exact, nth);
        // Both occurrences have the same 32 characters either side.
        const other = noteOnPhrase(article, exact, 1 - nth);
        expect(other.quote).toEqual(note.quote);
        const expected = indexOf(page, exact, nth);
        expect(anchorQuote(page, note.quote, note.position)).toMatchObject({ start: expected, end: expected + exact.length, method: 'exact' });
      }
    });
  });

  test('a word inside the quote changed: a fuzzy anchor on the changed text', () => {
    const exact = 'the extension would help police find stolen cars and vehicles linked to missing-person alerts';
    const note = noteOnPhrase(article, exact);
    const changed = 'the extension would help officers find stolen cars and vehicles linked to missing-person alerts';
    const page = article.replace(exact, changed);
    const start = indexOf(page, changed);
    const anchor = anchorQuote(page, note.quote, note.position);
    expect(anchor).toMatchObject({ start, end: start + changed.length, method: 'fuzzy' });
    expect(anchor!.score).toBeGreaterThan(0.9);
  });

  test('a word changed inside a quote after inserted content: found at the shifted place', () => {
    const exact = 'Civil liberties groups said the retention period matters more than the number of cameras.';
    const note = noteOnPhrase(article, exact);
    const changed = 'Civil liberties groups said the retention period mattered more than the number of cameras.';
    const page = `${editorsNote}\n\n${article.replace(exact, changed)}`;
    const start = indexOf(page, changed);
    expect(anchorQuote(page, note.quote, note.position)).toMatchObject({ start, end: start + changed.length, method: 'fuzzy' });
  });

  test('a changed quote without a stored position: the whole page is searched', () => {
    const exact = 'a decision made without public hearings';
    const note = noteOnPhrase(article, exact);
    const page = `${editorsNote.repeat(10)}\n\n${article.replace(exact, 'a decision taken without public hearings')}`;
    const start = indexOf(page, 'a decision taken without public hearings');
    expect(anchorQuote(page, note.quote)).toMatchObject({ start, end: start + 40, method: 'fuzzy' });
  });

  test('a long quote still anchors when the text either side of it was rewritten', () => {
    const exact = paragraphs[6]!.slice(0, paragraphs[6]!.indexOf(', said Idris'));
    const note = noteOnPhrase(article, exact);
    const changed = exact.replace('can show', 'could show');
    const page = article.replace(`${paragraphs[5]}\n\n${exact}, said Idris Okafor`, `Advocates were not consulted.\n\n${changed}, according to a statement from`);
    expect(page).not.toBe(article);
    const start = indexOf(page, changed);
    const anchor = anchorQuote(page, note.quote, note.position);
    expect(anchor).toMatchObject({ start, end: start + changed.length, method: 'fuzzy' });
  });

  test('a word next to the quote changed: still exact', () => {
    const note = noteOnPhrase(article, 'goes to Northgate Vision Systems');
    const page = article.replace('over three years, goes to', 'over four years, goes to');
    const start = indexOf(page, 'goes to Northgate Vision Systems');
    expect(start).not.toBe(note.position.start);
    const anchor = anchorQuote(page, note.quote, note.position);
    expect(anchor).toMatchObject({ start, end: start + note.quote.exact.length, method: 'exact' });
    expect(anchor!.score).toBeGreaterThan(0.8);
  });

  describe('whitespace changes inside the quote', () => {
    test('spaces and line breaks', () => {
      const note = noteOnPhrase(article, 'without public hearings and, according to two councillors');
      const changed = 'without public\nhearings and,   according to\u00a0two councillors';
      const page = `Updated\n\n${article.replace(note.quote.exact, changed)}`;
      const start = indexOf(page, changed);
      expect(anchorQuote(page, note.quote, note.position)).toMatchObject({ start, end: start + changed.length, method: 'exact' });
    });

    test('a quote across a paragraph break that became a single line break', () => {
      const exact = 'voted against the measure.\n\nThe contract, worth $4.2 million';
      const note = noteOnPhrase(article, exact);
      const page = article.replace(exact, 'voted against the measure.\nThe contract, worth $4.2 million');
      const anchor = anchorQuote(page, note.quote, note.position);
      expect(anchor).toBeDefined();
      expect(page.slice(anchor!.start, anchor!.end)).toBe('voted against the measure.\nThe contract, worth $4.2 million');
    });

    test('whitespace at the quote’s ends stays with the context', () => {
      const note = noteOnPhrase(article, ' Petrović said she would table a motion ');
      const page = article.replace(' Petrović said she would table a motion ', '\n  Petrović said she would table a motion\n');
      const anchor = anchorQuote(page, note.quote, note.position);
      expect(anchor).toMatchObject({ method: 'exact' });
      expect(page.slice(anchor!.start, anchor!.end)).toBe('Petrović said she would table a motion');
    });
  });

  test('a quote whose paragraph was removed is an orphan', () => {
    const note = noteOnPhrase(article, 'posted a photo of the new mounts on Wednesday morning');
    const page = paragraphs.filter((paragraph) => !paragraph.startsWith('A café owner')).join('\n\n');
    expect(anchorQuote(page, note.quote, note.position)).toBeUndefined();
  });

  test('a short quote with a typo since corrected is an orphan, not a false anchor', () => {
    const before = article.replace('Hélène Brisbois', 'Hélène Brisbos');
    const note = noteOnPhrase(before, 'Brisbos');
    expect(anchorQuote(article, note.quote, note.position)).toBeUndefined();
  });

  test('a medium quote that nearly occurs elsewhere, in other words, is an orphan', () => {
    // "ferry ramps" is one edit from "ferry ramp" in the café paragraph, but its context is gone.
    const before = article.replace('every bridge and ferry ramp in the harbour', 'every bridge and ferry ramps in the harbour');
    const note = noteOnPhrase(before, 'ferry ramps');
    const page = article.replace('to every bridge and ferry ramp in the harbour district', 'to the harbour district');
    expect(page).toContain('ferry ramp.');
    expect(anchorQuote(page, note.quote, note.position)).toBeUndefined();
  });

  describe('Unicode', () => {
    test('offsets stay exact around emoji and accented letters', () => {
      const exact = 'Hélène Brisbois, posted a photo of the new mounts on Wednesday morning 📷 with';
      const note = noteOnPhrase(article, exact);
      expect(anchorQuote(article, note.quote, note.position)).toMatchObject({ ...note.position, method: 'position' });
      const inserted = '🚨 Live: Zoë Marchetti answers readers’ questions at noon. 🚨';
      const page = `${inserted}\n\n${article}`;
      const anchor = anchorQuote(page, note.quote, note.position);
      expect(anchor).toMatchObject({ start: note.position.start + inserted.length + 2, method: 'exact' });
      expect(page.slice(anchor!.start, anchor!.end)).toBe(exact);
    });

    test('a changed emoji inside the quote: fuzzy, on whole characters', () => {
      const exact = 'on Wednesday morning 📷 with a short caption';
      const note = noteOnPhrase(article, exact);
      const changed = 'on Wednesday morning 📸 with a short caption';
      const page = `Ça change 😀\n\n${article.replace(exact, changed)}`;
      const anchor = anchorQuote(page, note.quote, note.position);
      expect(anchor).toMatchObject({ method: 'fuzzy' });
      expect(page.slice(anchor!.start, anchor!.end)).toBe(changed);
    });
  });

  test('a stored position outside the text is only a hint', () => {
    const note = noteOnPhrase(article, 'Northgate Vision Systems');
    const shortened = article.slice(0, note.position.end + 100);
    const beyond = { start: shortened.length + 50, end: shortened.length + 74 };
    expect(anchorQuote(shortened, note.quote, beyond)).toMatchObject({ start: note.position.start, method: 'exact' });
    expect(anchorQuote('', note.quote, note.position)).toBeUndefined();
  });
});
