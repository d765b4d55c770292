/**
 * Case- and spacing-insensitive view of a text, so that one automaton pass finds every term however it is
 * capitalised, spaced or punctuated. `origin[i]` is the index in the original text of folded character i.
 */
export interface FoldedText {
  text: string;
  origin: Int32Array;
}

/** Stands for a paragraph break in folded text; no term contains it, so no match spans two paragraphs. */
export const paragraphBreak = '\u2029';

const invisible = /[\u00AD\u200B-\u200D\u2060\uFEFF]/;
const space = /\s/;
const typographic: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u02BC': "'", '\u201C': '"', '\u201D': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-',
};

export function foldChar(char: string): string {
  const mapped = typographic[char] ?? char.toLowerCase();
  // A few characters lower-case to two code units (İ); keep them as they are so offsets stay one-to-one.
  return mapped.length === 1 ? mapped : char;
}

/**
 * Lower-cases, maps curly quotes and dashes to ASCII, drops soft hyphens and zero-width characters, and collapses
 * every run of whitespace to one space, or to a paragraph break when the run holds a blank line (or U+2029).
 */
export function foldText(text: string): FoldedText {
  const out: string[] = [];
  const origin = new Int32Array(text.length + 1);
  let length = 0;
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    // Checked first: JavaScript's \s counts U+FEFF as a space, but it is an invisible joiner, not a word gap.
    if (invisible.test(char)) {
      i++;
      continue;
    }
    if (space.test(char)) {
      const runStart = i;
      let newlines = 0;
      let hardBreak = false;
      while (i < text.length && (space.test(text[i]!) || invisible.test(text[i]!))) {
        if (text[i] === '\n') newlines++;
        if (text[i] === paragraphBreak) hardBreak = true;
        i++;
      }
      origin[length++] = runStart;
      out.push(hardBreak || newlines >= 2 ? paragraphBreak : ' ');
      continue;
    }
    if (!invisible.test(char)) {
      origin[length++] = i;
      out.push(foldChar(char));
    }
    i++;
  }
  origin[length] = text.length;
  return { text: out.join(''), origin: origin.subarray(0, length + 1) };
}

/** A term folded the way texts are, so it can be looked up in folded text. */
export function foldTerm(term: string): string {
  return foldText(term.trim()).text;
}

/** Spacing and punctuation normalised, capitals kept: what case-sensitive terms are compared on. */
export function normaliseKeepingCase(text: string): string {
  let out = '';
  let inSpace = false;
  for (const char of text) {
    if (invisible.test(char)) continue;
    if (space.test(char)) {
      inSpace = true;
      continue;
    }
    if (inSpace && out) out += ' ';
    inSpace = false;
    out += typographic[char] ?? char;
  }
  return out;
}
