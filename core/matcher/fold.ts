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
/** Folded code of each code unit outside ASCII, learnt on first sight (0: not yet; lower-casing is slow to ask). */
const foldedCodes = new Uint16Array(65536);
/** What each code unit is, learnt on first sight: 0 not yet known, 1 ordinary, 2 whitespace, 3 invisible. */
const codeKinds = new Uint8Array(65536);
const ordinary = 1;
const whitespace = 2;
const invisibleKind = 3;

function kindOf(code: number): number {
  let kind = codeKinds[code]!;
  if (kind === 0) {
    // Invisible first: JavaScript's \s matches U+FEFF.
    if (invisibleCodes.has(code)) kind = invisibleKind;
    else if (code === 32 || (code >= 9 && code <= 13) || (code > 127 && space.test(String.fromCharCode(code)))) kind = whitespace;
    else kind = ordinary;
    codeKinds[code] = kind;
  }
  return kind;
}

/** Soft hyphens and zero-width characters: folded text drops them. */
export function isInvisibleCode(code: number): boolean {
  return kindOf(code) === invisibleKind;
}

/** Whitespace (as `\s` sees it, less the invisible U+FEFF): a run of it folds to one character. */
export function isSpaceCode(code: number): boolean {
  return kindOf(code) === whitespace;
}

/** The folded code of one code unit that is neither whitespace nor invisible. */
export function foldCode(code: number): number {
  if (code < 128) return code >= 65 && code <= 90 ? code + 32 : code;
  let folded = foldedCodes[code]!;
  if (folded === 0) {
    folded = foldChar(String.fromCharCode(code)).charCodeAt(0);
    foldedCodes[code] = folded;
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
    const kind = kindOf(code);
    if (kind === invisibleKind) {
      i++;
      continue;
    }
    if (kind === whitespace) {
      const runStart = i;
      let newlines = 0;
      let hardBreak = false;
      for (; i < text.length; i++) {
        const next = text.charCodeAt(i);
        if (next === 10) newlines++;
        else if (next === paragraphBreakCode) hardBreak = true;
        else if (kindOf(next) === ordinary) break;
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
  const trimmed = term.trim();
  // Printable ASCII words and single spaces (most terms): lower-casing is all folding does.
  return plainTerm.test(trimmed) ? trimmed.toLowerCase() : foldText(trimmed).text;
}

const plainTerm = /^[\x21-\x7E]+(?: [\x21-\x7E]+)*$/;

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

// Walking folded text on the original: a folded character starts at a character that is neither whitespace nor
// invisible, or at the first whitespace character of a run (invisible characters inside a run belong to it).

/**
 * The original index of the folded character `count` folded characters before the one starting at `index`, or
 * -1 when there are not that many.
 */
export function previousFoldedStart(text: string, index: number, count: number): number {
  let at = index;
  for (let k = 0; k < count; k++) {
    let j = at - 1;
    while (j >= 0 && kindOf(text.charCodeAt(j)) === invisibleKind) j--;
    if (j < 0) return -1;
    if (kindOf(text.charCodeAt(j)) === whitespace) {
      while (j > 0 && kindOf(text.charCodeAt(j - 1)) !== ordinary) j--;
      while (kindOf(text.charCodeAt(j)) === invisibleKind) j++;
    }
    at = j;
  }
  return at;
}

/** The original index of the folded character after the one starting at `index` (text.length at the end). */
export function nextFoldedStart(text: string, index: number): number {
  let j = index + 1;
  if (kindOf(text.charCodeAt(index)) === whitespace) {
    while (j < text.length && kindOf(text.charCodeAt(j)) !== ordinary) j++;
  } else {
    while (j < text.length && kindOf(text.charCodeAt(j)) === invisibleKind) j++;
  }
  return j;
}

/**
 * The folded code of the folded character starting at `index`: for a whitespace run, a space or a paragraph
 * break; -1 past the end.
 */
export function foldedCodeAt(text: string, index: number): number {
  if (index >= text.length) return -1;
  const code = text.charCodeAt(index);
  if (kindOf(code) !== whitespace) return foldCode(code);
  let newlines = 0;
  for (let j = index; j < text.length; j++) {
    const next = text.charCodeAt(j);
    if (next === 10) newlines++;
    else if (next === paragraphBreakCode) return paragraphBreakCode;
    else if (kindOf(next) === ordinary) break;
  }
  return newlines >= 2 ? paragraphBreakCode : 32;
}

/**
 * foldText(text.slice(from, to)).text, for bounds that are folded-character starts (or the end); a lone
 * surrogate stays as it is rather than becoming U+FFFD, which no term or context word can tell apart.
 */
export function foldSlice(text: string, from: number, to: number): string {
  const slice = text.slice(from, to);
  // Printable ASCII, curly quotes and dashes, single spaces: lower-casing and mapping are all folding does.
  if (!needsFullFold.test(slice)) return slice.toLowerCase().replace(typographicChars, (char) => typographic[char]!);
  const codes: number[] = [];
  for (let i = from; i < to; i = nextFoldedStart(text, i)) codes.push(foldedCodeAt(text, i));
  return String.fromCharCode(...codes);
}

const needsFullFold = /[^\x20-\x7E\u2018\u2019\u02BC\u201C\u201D\u2010-\u2014]| {2}/;
const typographicChars = /[\u2018\u2019\u02BC\u201C\u201D\u2010-\u2014]/g;
const typographicCodes = new Map(Object.entries(typographic).map(([from, to]) => [from.charCodeAt(0), to.charCodeAt(0)]));

/** normaliseKeepingCase(text.slice(start, end)) === expected, without building the string. */
export function sameKeepingCase(text: string, start: number, end: number, expected: string): boolean {
  let k = 0;
  let inSpace = false;
  let any = false;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    const kind = kindOf(code);
    if (kind === invisibleKind) continue;
    if (kind === whitespace) {
      inSpace = true;
      continue;
    }
    if (inSpace && any && expected.charCodeAt(k++) !== 32) return false;
    inSpace = false;
    any = true;
    if (expected.charCodeAt(k++) !== (code < 128 ? code : (typographicCodes.get(code) ?? code))) return false;
  }
  return k === expected.length;
}
