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

const invisibleCodes = new Set([0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);
const paragraphBreakCode = paragraphBreak.charCodeAt(0);
/** Folded code of each code unit seen so far outside ASCII (lower-casing is slow to ask for every character). */
const foldedCodes = new Map<number, number>();

function isSpaceCode(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || (code > 127 && space.test(String.fromCharCode(code)));
}

function foldCode(code: number): number {
  if (code < 128) return code >= 65 && code <= 90 ? code + 32 : code;
  let folded = foldedCodes.get(code);
  if (folded === undefined) {
    folded = foldChar(String.fromCharCode(code)).charCodeAt(0);
    foldedCodes.set(code, folded);
  }
  return folded;
}

/**
 * Lower-cases, maps curly quotes and dashes to ASCII, drops soft hyphens and zero-width characters, and collapses
 * every run of whitespace to one space, or to a paragraph break when the run holds a blank line (or U+2029).
 * Works on code units: this is the one pass over the page's text every scan makes.
 */
export function foldText(text: string): FoldedText {
  const out = new Uint16Array(text.length);
  const origin = new Int32Array(text.length + 1);
  let length = 0;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (invisibleCodes.has(code)) {
      i++;
      continue;
    }
    if (isSpaceCode(code)) {
      const runStart = i;
      let newlines = 0;
      let hardBreak = false;
      for (; i < text.length; i++) {
        const next = text.charCodeAt(i);
        if (next === 10) newlines++;
        else if (next === paragraphBreakCode) hardBreak = true;
        else if (!isSpaceCode(next) && !invisibleCodes.has(next)) break;
      }
      origin[length] = runStart;
      out[length++] = hardBreak || newlines >= 2 ? paragraphBreakCode : 32;
      continue;
    }
    origin[length] = i;
    out[length++] = foldCode(code);
    i++;
  }
  origin[length] = text.length;
  return { text: decode(out.subarray(0, length)), origin: origin.subarray(0, length + 1) };
}

const utf16 = new TextDecoder('utf-16le');

/** One code unit in, one out: a lone surrogate becomes U+FFFD, which keeps offsets as they are. */
function decode(codes: Uint16Array): string {
  return utf16.decode(codes);
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
