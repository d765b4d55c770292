import { paragraphBreak } from './fold';

/** How far, in characters either side of a match, context words are looked for (never past a paragraph break). */
export const contextRadius = 150;

const wordChar = /[\p{L}\p{N}]/u;

export function isWordChar(char: string | undefined): boolean {
  return char !== undefined && wordChar.test(char);
}

/**
 * The folded text of the sentence around [start, end), at most `contextRadius` characters either side: context
 * words in the next sentence say little about this one ("near Clearview, Ontario. Police said...").
 */
export function contextWindow(folded: string, original: string, origin: Int32Array, start: number, end: number): string {
  const lowest = Math.max(0, start - contextRadius);
  const highest = Math.min(folded.length, end + contextRadius);
  let from = start;
  while (from > lowest && !endsSentence(folded, original, origin, from - 1)) from--;
  let to = end;
  while (to < highest && !endsSentence(folded, original, origin, to)) to++;
  return folded.slice(from, to);
}

/** Titles and abbreviations whose full stop does not end a sentence. */
const abbreviations = new Set(
  'mr mrs ms dr st jr sr gen sen rep gov lt col sgt dept co corp inc ltd no nos vs v pub res stat ct art sec para fig jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '),
);

/** Whether folded character i ends a sentence: a paragraph break, or ". ! ?" then a space and a capital or digit. */
function endsSentence(folded: string, original: string, origin: Int32Array, i: number): boolean {
  const char = folded[i];
  if (char === paragraphBreak) return true;
  if (char !== '.' && char !== '!' && char !== '?' && char !== ';') return false;
  let next = i + 1;
  while (folded[next] === '"' || folded[next] === "'" || folded[next] === ')') next++;
  if (folded[next] !== ' ') return false;
  const following = original[origin[next + 1]!];
  if (following === undefined || !/[\p{Lu}\p{N}"'“‘(]/u.test(following)) return false;
  if (char !== '.') return true;
  let wordStart = i;
  while (wordStart > 0 && /[\p{L}\p{N}.]/u.test(folded[wordStart - 1]!)) wordStart--;
  const word = folded.slice(wordStart, i);
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
 * three words on either side.
 */
export function inCapitalisedRun(original: string, start: number, end: number): boolean {
  const line = (text: string) => text.split(/[\n\u2029]/);
  const before = line(original.slice(Math.max(0, start - 60), start)).at(-1)!.match(/\p{L}+/gu)?.slice(-3) ?? [];
  const after = line(original.slice(end, end + 60))[0]!.match(/\p{L}+/gu)?.slice(0, 3) ?? [];
  return [before, after].some((words) => {
    const shouted = words.filter((word) => word.length >= 2 && word === word.toUpperCase()).length;
    return shouted >= 2 && words.every((word) => word !== word.toLowerCase() || word === word.toUpperCase());
  });
}
