import { foldedCodeAt, foldSlice, isInvisibleCode, nextFoldedStart, paragraphBreak, previousFoldedStart } from './fold';

/** How far, in characters either side of a match, context words are looked for (never past a paragraph break). */
export const contextRadius = 150;

const wordChar = /[\p{L}\p{N}]/u;

export function isWordChar(char: string | undefined): boolean {
  return char !== undefined && wordChar.test(char);
}

/** Per code unit, learnt on first sight: 0 not yet known, 1 a letter or digit, 2 not. */
const wordCodes = new Uint8Array(65536);

/** isWordChar for a code unit; false for NaN (what charCodeAt gives outside the text). */
export function isWordCode(code: number): boolean {
  if (!(code >= 0)) return false;
  let known = wordCodes[code]!;
  if (known === 0) {
    known = wordChar.test(String.fromCharCode(code)) ? 1 : 2;
    wordCodes[code] = known;
  }
  return known === 1;
}

/**
 * The folded text of the sentence around the match [start, end) of an original text, at most `contextRadius`
 * folded characters either side: context words in the next sentence say little about this one ("near Clearview,
 * Ontario. Police said..."). The match's first and last characters start folded characters (they are neither
 * whitespace nor invisible). No folded copy of the text is made; only the window itself is folded.
 */
export function sentenceWindow(original: string, start: number, end: number): string {
  const bounds = windowBounds(original, start, end);
  return foldSlice(original, bounds.from, bounds.to);
}

/** Where a match's window lies in the original text: [from, to), both starts of folded characters (or the end). */
export interface WindowBounds {
  from: number;
  to: number;
}

export function windowBounds(original: string, start: number, end: number): WindowBounds {
  return { from: windowStart(original, start), to: windowEnd(original, end) };
}

// Stretches of plain ASCII (each character its own folded character, none ending a sentence) are crossed in a
// tight loop; only the characters between them are looked at closely.

/** Where the window of a match starting at `start` begins. */
export function windowStart(original: string, start: number): number {
  let from = start;
  let steps = 0;
  while (steps < contextRadius) {
    const low = Math.max(0, from - (contextRadius - steps));
    const special = lastNotPlain(original, low, from);
    // The character after a special one may continue its whitespace run: the stretch starts one further on.
    const stretch = special >= low ? special + 2 : low + 1;
    if (stretch < from) {
      steps += from - stretch;
      from = stretch;
      if (steps >= contextRadius) break;
    }
    const previous = previousFoldedStart(original, from, 1);
    if (previous < 0 || endsSentenceAt(original, previous)) break;
    from = previous;
    steps++;
  }
  return from;
}

/**
 * Where the window of a match ending at `end` ends. With a `limit`, the walk stops once it reaches the limit: a
 * result at or past `limit` then only says that the window reaches that far (a caller asking whether one place
 * lies in the window reads no further than it).
 */
export function windowEnd(original: string, end: number, limit = Infinity): number {
  let to = nextFoldedStart(original, end - 1);
  let steps = 0;
  while (steps < contextRadius && to < original.length && to < limit) {
    // (A stretch cut at the limit ends on a plain character, which ends no sentence: the walk goes one step past.)
    const stretchEnd = firstNotPlain(original, to, Math.min(original.length, to + contextRadius - steps, limit));
    steps += stretchEnd - to;
    // Invisible characters after the stretch belong to its last character.
    for (to = stretchEnd; to < original.length && isInvisibleCode(original.charCodeAt(to)); to++);
    if (steps >= contextRadius || to >= original.length || endsSentenceAt(original, to)) break;
    to = nextFoldedStart(original, to);
    steps++;
  }
  return to;
}

/** Per ASCII code: 1 for printable characters but ". ! ? ;" (which may end a sentence) and the space. */
const plainAscii = Uint8Array.from({ length: 128 }, (_, code) => (code > 32 && code < 127 && code !== 46 && code !== 33 && code !== 63 && code !== 59 ? 1 : 0));

/** Whether index i is plain: a plain character, or a space followed by one. */
function plainAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code === 32) {
    const next = text.charCodeAt(i + 1);
    return next < 128 && plainAscii[next] === 1;
  }
  return code < 128 && plainAscii[code] === 1;
}

/** The first index in [from, to) that is not plain, or `to`. */
function firstNotPlain(text: string, from: number, to: number): number {
  let i = from;
  while (i < to) {
    const code = text.charCodeAt(i);
    if (code < 128 && plainAscii[code] === 1) i++;
    else if (code === 32 && plainAt(text, i)) i++;
    else break;
  }
  return i;
}

/** The last index in [from, to) that is not plain, or -1. */
function lastNotPlain(text: string, from: number, to: number): number {
  let i = to - 1;
  while (i >= from) {
    const code = text.charCodeAt(i);
    if (code < 128 && plainAscii[code] === 1) i--;
    else if (code === 32 && plainAt(text, i)) i--;
    else break;
  }
  return i >= from ? i : -1;
}

const fullStop = 46;
const paragraphBreakCode = paragraphBreak.charCodeAt(0);
const closers = new Set([34, 39, 41]); // " ' )
const sentenceStart = /[\p{Lu}\p{N}"'“‘(]/u;
const wordOrDot = /[\p{L}\p{N}.]/u;

/** Titles and abbreviations whose full stop does not end a sentence. */
const abbreviations = new Set(
  'mr mrs ms dr st jr sr gen sen rep gov lt col sgt dept co corp inc ltd no nos vs v pub res stat ct art sec para fig jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '),
);
const longestAbbreviation = Math.max(...[...abbreviations].map((word) => word.length));
/** Per ASCII code: 1 where `sentenceStart` matches. */
const sentenceStartAscii = Uint8Array.from({ length: 128 }, (_, code) => (sentenceStart.test(String.fromCharCode(code)) ? 1 : 0));

/**
 * Whether the folded character starting at original index `at` ends a sentence: a paragraph break, or ". ! ? ;"
 * then a space and a capital or digit (a full stop after an abbreviation, an initial or "U.S." does not).
 */
function endsSentenceAt(original: string, at: number): boolean {
  const code = foldedCodeAt(original, at);
  if (code === paragraphBreakCode) return true;
  if (code !== fullStop && code !== 33 && code !== 63 && code !== 59) return false;
  let next = nextFoldedStart(original, at);
  while (closers.has(foldedCodeAt(original, next))) next = nextFoldedStart(original, next);
  if (foldedCodeAt(original, next) !== 32) return false;
  const following = original[nextFoldedStart(original, next)];
  if (following === undefined) return false;
  // (An ASCII character by table: what the pattern matches of ASCII is A-Z, 0-9 and " ' (.)
  const followingCode = following.charCodeAt(0);
  if (followingCode < 128 ? sentenceStartAscii[followingCode] !== 1 : !sentenceStart.test(following)) return false;
  if (code !== fullStop) return true;
  // The word before the full stop (letters, digits and dots).
  let wordStart = at;
  let ascii = true;
  let dotted = false;
  for (let previous = previousFoldedStart(original, at, 1); previous >= 0; previous = previousFoldedStart(original, previous, 1)) {
    const folded = foldedCodeAt(original, previous);
    const isAsciiWord = (folded >= 97 && folded <= 122) || (folded >= 48 && folded <= 57) || folded === fullStop;
    if (!isAsciiWord && (folded < 128 || !wordOrDot.test(String.fromCharCode(folded)))) break;
    ascii &&= isAsciiWord && previous === wordStart - 1 && original.charCodeAt(previous) < 128;
    dotted ||= folded === fullStop;
    wordStart = previous;
  }
  // An ASCII word without dots, longer than any abbreviation: a sentence end (most of them), without a copy.
  if (ascii && !dotted && at - wordStart > longestAbbreviation) return true;
  const word = ascii ? original.slice(wordStart, at).toLowerCase() : foldSlice(original, wordStart, at);
  // "U.S." and single initials ("S. Jones", "H.R.") are abbreviations, not sentence ends; "1960s." is one.
  return !(abbreviations.has(word) || /^\p{L}$/u.test(word) || word.includes('.'));
}

/** Compiles context phrases (already folded) to a test for "one of them starts a word in this window". */
export function contextTest(phrases: readonly string[]): (window: string) => boolean {
  const escaped = phrases.map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})`, 'u');
  return (window) => pattern.test(window);
}

/**
 * True when the words next to an upper-case match are themselves in capitals (a shouted headline, a label), where
 * "ICE" or "CLEAR" are as likely ordinary words: two or more capitalised words and no lower-case word among the
 * three words on either side (on the same line, within 60 characters).
 */
export function inCapitalisedRun(original: string, start: number, end: number): boolean {
  return shoutedBefore(original, Math.max(0, start - 60), start) || shoutedAfter(original, end, Math.min(original.length, end + 60));
}

/**
 * Before a match: the last three words of [from, to), after the last line break, hold two or more in capitals
 * and none in lower case. Read backwards from `to`: the last three words are the first three found, and a
 * lower-case word among them settles it at once. (A surrogate pair is one character either way: a high
 * surrogate pairs only with the low one after it.)
 */
function shoutedBefore(text: string, from: number, to: number): boolean {
  let count = 0;
  let shouted = 0;
  let i = to - 1;
  while (i >= from && count < 3) {
    // Back over what is not a letter, to the end of the word before (a line break ends the search).
    let wordEnd = -1;
    for (; i >= from; i--) {
      const code = text.charCodeAt(i);
      if (code === 10 || code === paragraphBreakUnit) return shouted >= 2;
      const width = pairBefore(text, from, i) ? 2 : 1;
      if (width === 2 ? letter.test(text.slice(i - 1, i + 1)) : code < 0xd800 || code > 0xdfff ? isLetterUnit(code) : false) {
        wordEnd = i + 1;
        break;
      }
      i -= width - 1;
    }
    if (wordEnd < 0) break;
    // Back to the word's start.
    let wordStart = i;
    for (; i >= from; i--) {
      const code = text.charCodeAt(i);
      const width = pairBefore(text, from, i) ? 2 : 1;
      const isLetter = width === 2 ? letter.test(text.slice(i - 1, i + 1)) : code < 0xd800 || code > 0xdfff ? isLetterUnit(code) : false;
      if (!isLetter) break;
      i -= width - 1;
      wordStart = i;
    }
    const traits = wordTraits(text, wordStart, wordEnd);
    if (traits & lowerCase) return false;
    if (traits & capitals && traits & long) shouted++;
    count++;
  }
  return shouted >= 2;
}

/** Whether the code unit at i is the low half of a surrogate pair that starts at or after `from`. */
function pairBefore(text: string, from: number, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0xdc00 || code > 0xdfff || i - 1 < from) return false;
  const high = text.charCodeAt(i - 1);
  return high >= 0xd800 && high <= 0xdbff;
}

const paragraphBreakUnit = paragraphBreakCode;
const letter = /^\p{L}$/u;
/** Per code unit outside surrogates, learnt on first sight: 1 a letter, 2 not. */
const letterCodes = new Uint8Array(65536);

function isLetterUnit(code: number): boolean {
  let known = letterCodes[code]!;
  if (known === 0) {
    known = letter.test(String.fromCharCode(code)) ? 1 : 2;
    letterCodes[code] = known;
  }
  return known === 1;
}

// What inCapitalisedRun needs of a word: whether it is in capitals (word === upper case), has no lower-case form
// of its own (word === lower case and not upper case: a lower-case word), and has two or more code units.
const capitals = 1;
const lowerCase = 2;
const long = 4;

/**
 * After a match: the first three words (runs of letters, by code point) of [from, to), cut at the first line
 * break, hold two or more in capitals and none in lower case.
 */
function shoutedAfter(text: string, from: number, to: number): boolean {
  // (A line break, when one comes, ends the stretch: `high` moves to it.)
  let high = to;
  let count = 0;
  let shouted = 0;
  let wordStart = -1;
  for (let i = from; i <= high && count < 3; i++) {
    let width = 1;
    let isLetter = false;
    if (i < high) {
      const code = text.charCodeAt(i);
      if (code === 10 || code === paragraphBreakUnit) high = i;
      else if (code >= 0xd800 && code <= 0xdbff && i + 1 < high) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          width = 2;
          isLetter = letter.test(text.slice(i, i + 2));
        }
      } else if (code < 0xd800 || code > 0xdfff) isLetter = isLetterUnit(code);
    }
    if (isLetter && wordStart < 0) wordStart = i;
    else if (!isLetter && wordStart >= 0) {
      const traits = wordTraits(text, wordStart, i);
      if (traits & lowerCase) return false;
      if (traits & capitals && traits & long) shouted++;
      count++;
      wordStart = -1;
    }
    i += width - 1;
  }
  return shouted >= 2;
}

function wordTraits(text: string, from: number, to: number): number {
  let hasLower = false;
  let hasUpper = false;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code >= 97 && code <= 122) hasLower = true;
    else if (code >= 65 && code <= 90) hasUpper = true;
    else if (code >= 128) {
      // Outside ASCII, ask the string itself.
      const word = text.slice(from, to);
      const upper = word === word.toUpperCase();
      return (upper ? capitals : 0) | (!upper && word === word.toLowerCase() ? lowerCase : 0) | (to - from >= 2 ? long : 0);
    }
  }
  // ASCII letters only: in capitals when no lower-case letter; a lower-case word when no capital.
  return (hasLower ? 0 : capitals) | (hasUpper || !hasLower ? 0 : lowerCase) | (to - from >= 2 ? long : 0);
}
