/** Web addresses, e-mail addresses and bare domain names: a term inside one is never a mention. */
const addressPattern =
  /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>"]+|[^\s@<>"]+@[^\s@<>"]+\.[a-z]{2,}|(?<![\p{L}\p{N}.-])[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|org|net|gov|edu|mil|io|ai|co|us|uk|eu|info|news|app|tech)(?![\p{L}\p{N}])(?:\/[^\s<>"]*)?/giu;

/** Sorted, non-overlapping [start, end) spans of addresses in the text. */
export function addressSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const match of text.matchAll(addressPattern)) spans.push([match.index, match.index + match[0].length]);
  return spans;
}

export function overlapsAny(spans: readonly [number, number][], start: number, end: number): boolean {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (spans[mid]![1] <= start) low = mid + 1;
    else high = mid;
  }
  return low < spans.length && spans[low]![0] < end;
}
