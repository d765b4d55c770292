/**
 * Approximate matching of a quote whose text changed (a word edited, a typo fixed), in the whitespace-collapsed
 * view of the page. approx-string-match runs Myers' bit-parallel algorithm: about (maxErrors / 32) operations per
 * character of text, so a 300-character quote over a 1 MB page is a linear scan, not a quadratic one.
 */
import search from 'approx-string-match';
import { combinedScore, nearest, type Expected, type Span } from './score';
import { toCollapsed, toSource, type CollapsedText } from './whitespace';

/** Shorter quotes are only anchored exactly: with a couple of errors allowed they would match too much. */
export const minFuzzyLength = 8;
/** The lowest combined score a fuzzy candidate needs to be accepted. */
export const minFuzzyScore = 0.75;
/** At most this many candidates (the nearest the hint) are scored. */
const maxCandidates = 200;

export function maxErrorsFor(quoteLength: number): number {
  return Math.min(256, Math.floor(quoteLength / 4));
}

/** A candidate near the stored position scoring this much is taken without searching the rest of the page. */
const confidentScore = 0.95;

interface Found extends Span {
  errors: number;
}

/** The matches with the fewest errors in text[from, to), with offsets into the whole text. */
function searchIn(view: CollapsedText, quote: string, maxErrors: number, from: number, to: number): Found[] {
  const part = from === 0 && to === view.text.length ? view.text : view.text.slice(from, to);
  return search(part, quote, maxErrors).map((match) => ({ start: match.start + from, end: match.end + from, errors: match.errors }));
}

/** A span of the collapsed text mapped back to the source, without whitespace at its ends or half a surrogate pair. */
function sourceSpan(view: CollapsedText, match: Span): Span | undefined {
  let { start, end } = match;
  while (start < end && view.text.charCodeAt(start) === 0x20) start++;
  while (end > start && view.text.charCodeAt(end - 1) === 0x20) end--;
  if (start === end) return undefined;
  const span = toSource(view, start, end);
  const text = view.source;
  const isLow = (i: number) => i > 0 && i < text.length && (text.charCodeAt(i) & 0xfc00) === 0xdc00 && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800;
  if (isLow(span.start)) span.start--;
  if (isLow(span.end)) span.end++;
  return span;
}

function best(view: CollapsedText, found: Found[], quote: string, expected: Expected): { span: Span; score: number } | undefined {
  const seen = new Set<string>();
  const hint = expected.hint === undefined ? undefined : toCollapsed(view, expected.hint);
  let winner: { span: Span; score: number } | undefined;
  for (const match of nearest(found, hint, maxCandidates)) {
    const key = `${match.start}:${match.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const span = sourceSpan(view, match);
    if (!span) continue;
    const score = combinedScore(view.source, span, 1 - match.errors / quote.length, quote.length, expected);
    if (!winner || score > winner.score) winner = { span, score };
  }
  return winner;
}

/**
 * The best-scoring approximate match of `quote` (already collapsed and trimmed), if it scores at least
 * minFuzzyScore. The page around the stored position is searched first: approx-string-match only reports the
 * fewest-error matches of what it searches, and the place the note was made may have one more error than some
 * other place yet far better context. When that place is convincing the rest of the page is not searched.
 */
export function fuzzyMatch(view: CollapsedText, quote: string, expected: Expected): { span: Span; score: number } | undefined {
  if (quote.length < minFuzzyLength) return undefined;
  const maxErrors = maxErrorsFor(quote.length);
  const length = view.text.length;
  let local: Found[] = [];
  if (expected.hint !== undefined) {
    const reach = Math.max(2048, 4 * quote.length);
    const around = toCollapsed(view, expected.hint);
    const from = Math.max(0, around - reach);
    const to = Math.min(length, around + quote.length + reach);
    local = searchIn(view, quote, maxErrors, from, to);
    const nearby = best(view, local, quote, expected);
    const wholePage = from === 0 && to === length;
    if (wholePage || (nearby && nearby.score >= confidentScore)) return nearby && nearby.score >= minFuzzyScore ? nearby : undefined;
  }
  const found = best(view, [...searchIn(view, quote, maxErrors, 0, length), ...local], quote, expected);
  return found && found.score >= minFuzzyScore ? found : undefined;
}
