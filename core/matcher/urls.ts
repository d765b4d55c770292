/** Web addresses, e-mail addresses and bare domain names: a term inside one is never a mention. */
const addressPattern =
  /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>"]+|[^\s@<>"]+@[^\s@<>"]+\.[a-z]{2,}|(?<![\p{L}\p{N}.-])[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|org|net|gov|edu|mil|io|ai|co|us|uk|eu|info|news|app|tech)(?![\p{L}\p{N}])(?:\/[^\s<>"]*)?/giu;

/** Addresses never hold spaces; looking further than this for a token's edges is pointless. */
const longestToken = 2048;
const space = /\s/;

/**
 * Whether [start, end) lies inside an address. Only the run of non-space characters around the match is
 * examined, so the cost follows the number of candidate matches, not the length of the text.
 */
export function insideAddress(text: string, start: number, end: number): boolean {
  let from = start;
  while (from > 0 && start - from < longestToken && !space.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && to - end < longestToken && !space.test(text[to]!)) to++;
  const token = text.slice(from, to);
  if (token.length === end - start) return false;
  for (const match of token.matchAll(addressPattern)) {
    const matchStart = from + match.index;
    if (matchStart < end && start < matchStart + match[0].length) return true;
  }
  return false;
}
