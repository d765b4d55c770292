import { isWordCode } from './context';
import { isSpaceCode } from './fold';

/** Web addresses, e-mail addresses and bare domain names: a term inside one is never a mention. */
const addressPattern =
  /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>"]+|[^\s@<>"]+@[^\s@<>"]+\.[a-z]{2,}|(?<![\p{L}\p{N}.-])[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|org|net|gov|edu|mil|io|ai|co|us|uk|eu|info|news|app|tech)(?![\p{L}\p{N}])(?:\/[^\s<>"]*)?/giu;

/** Addresses never hold spaces; looking further than this for a token's edges is pointless. */
const longestToken = 2048;

const endings = new Set(['com', 'org', 'net', 'gov', 'edu', 'mil', 'io', 'ai', 'co', 'us', 'uk', 'eu', 'info', 'news', 'app', 'tech']);

/** `\s`, for a code unit (U+FEFF included, as in the pattern above). */
const isSpace = (code: number) => code === 0xfeff || isSpaceCode(code);

/**
 * Whether [start, end) lies inside an address. Only the run of non-space characters around the match is
 * examined, so the cost follows the number of candidate matches, not the length of the text.
 */
export function insideAddress(text: string, start: number, end: number): boolean {
  let from = start;
  while (from > 0 && start - from < longestToken && !isSpace(text.charCodeAt(from - 1))) from--;
  let to = end;
  while (to < text.length && to - end < longestToken && !isSpace(text.charCodeAt(to))) to++;
  if (to - from === end - start) return false;
  // Every address holds an "@", a "://", a "www." or a "." before one of the endings above: without one, no
  // need for the pattern ("U.S.", "Inc.", "ICE." never are addresses).
  let marked = false;
  for (let i = from; i < to && !marked; i++) {
    const code = text.charCodeAt(i);
    if (code === 64) marked = true;
    else if (code === 58) marked = text.charCodeAt(i + 1) === 47 && text.charCodeAt(i + 2) === 47;
    else if (code === 46 && i + 1 < to) {
      let j = i + 1;
      while (j < to && j - i <= 5 && isWordCode(text.charCodeAt(j))) j++;
      // (Compared as the pattern's case-insensitive match compares: "ſ" is an "s", "K" (Kelvin) a "k".)
      const ending = text.slice(i + 1, j);
      marked = endings.has(ending.toLowerCase()) || endings.has(ending.toUpperCase().toLowerCase()) || (i >= 3 && text.slice(i - 3, i).toLowerCase() === 'www');
    }
  }
  if (!marked) return false;
  const token = text.slice(from, to);
  for (const match of token.matchAll(addressPattern)) {
    const matchStart = from + match.index;
    if (matchStart < end && start < matchStart + match[0].length) return true;
  }
  return false;
}
