import { describe, expect, test } from 'vitest';
import { foldChar, foldTerm, foldText, normaliseKeepingCase, paragraphBreak } from './fold';

describe('foldText', () => {
  test('lower-cases and keeps an identity origin map for plain text', () => {
    const { text, origin } = foldText('Mobile Fortify');
    expect(text).toBe('mobile fortify');
    expect([...origin]).toEqual([...Array(15).keys()]);
  });

  test('collapses whitespace runs to one space; origin points at the start of the run', () => {
    const source = 'a  \t b\nc';
    const { text, origin } = foldText(source);
    expect(text).toBe('a b c');
    expect([...origin]).toEqual([0, 1, 5, 6, 7, 8]);
  });

  test('a blank line, even with spaces in it, becomes a paragraph break', () => {
    expect(foldText('one\n\ntwo').text).toBe(`one${paragraphBreak}two`);
    expect(foldText('one \n \t\n two').text).toBe(`one${paragraphBreak}two`);
    expect(foldText('one\r\n\r\ntwo').text).toBe(`one${paragraphBreak}two`);
    expect(foldText(`one${paragraphBreak}two`).text).toBe(`one${paragraphBreak}two`);
    expect(foldText('one\ntwo').text).toBe('one two');
  });

  test('maps curly quotes and dashes to ASCII', () => {
    expect(foldText('\u2018a\u2019 \u201Cb\u201D c\u2013d\u2014e \u02BC').text).toBe('\'a\' "b" c-d-e \'');
  });

  test('drops soft hyphens and zero-width characters; origin skips them', () => {
    const source = 'fo\u00ADr\u200Bt\u2060ify\u200C\u200D';
    const { text, origin } = foldText(source);
    expect(text).toBe('fortify');
    expect([...origin]).toEqual([0, 1, 3, 5, 7, 8, 9, 12]);
  });

  // JavaScript's \s matches U+FEFF, so the invisible check must come before the whitespace one.
  test('drops U+FEFF (zero-width no-break space) like the other invisible characters', () => {
    expect(foldText('fort\uFEFFify').text).toBe('fortify');
  });

  test('invisible characters inside a whitespace run do not split it', () => {
    expect(foldText('a \u200B b').text).toBe('a b');
    expect(foldText('a \u00AD\uFEFF b').text).toBe('a b');
    expect(foldText('a\n\u200B\nb').text).toBe(`a${paragraphBreak}b`);
  });

  test('keeps characters that lower-case to two code units, so folding stays one-to-one', () => {
    expect(foldChar('\u0130')).toBe('\u0130');
    expect(foldText('\u0130X').text).toBe('\u0130x');
  });

  test('astral characters keep one origin entry per code unit', () => {
    const source = '\u{1F600}A';
    const { text, origin } = foldText(source);
    expect(text).toBe('\u{1F600}a');
    expect([...origin]).toEqual([0, 1, 2, 3]);
  });

  test('origin maps every folded character back to the same character in the source', () => {
    const source = '  Héllo,\u00A0\u00ADWORLD\u2019s \n\n end\u2014 ';
    const { text, origin } = foldText(source);
    expect(origin.length).toBe(text.length + 1);
    expect(origin[text.length]).toBe(source.length);
    for (let i = 0; i < text.length; i++) {
      const original = source[origin[i]!]!;
      if (/\s/.test(original)) expect([' ', paragraphBreak]).toContain(text[i]);
      else expect(foldChar(original)).toBe(text[i]);
      if (i > 0) expect(origin[i]!).toBeGreaterThan(origin[i - 1]!);
    }
  });

  test('the empty text folds to nothing', () => {
    const { text, origin } = foldText('');
    expect(text).toBe('');
    expect([...origin]).toEqual([0]);
  });
});

describe('foldTerm and normaliseKeepingCase', () => {
  test('foldTerm trims and folds like a text', () => {
    expect(foldTerm('  Snoopers\u2019   Charter ')).toBe("snoopers' charter");
  });

  test('normaliseKeepingCase keeps capitals but normalises spacing and punctuation', () => {
    expect(normaliseKeepingCase('  Ring\n   Doorbell ')).toBe('Ring Doorbell');
    expect(normaliseKeepingCase('Snoopers\u2019\u00AD Charter')).toBe("Snoopers' Charter");
    expect(normaliseKeepingCase('ICE')).not.toBe(normaliseKeepingCase('Ice'));
  });
});
