/** Exact occurrences of a quote, and the choice between several. */
import { contextScore, distance, nearest, type Expected, type Span } from './score';

/** At most this many occurrences get their context scored (the ones nearest the hint), unless one agrees exactly. */
const maxScored = 1000;

/** Every start of `needle` in `text`, overlapping ones included. */
export function occurrences(text: string, needle: string): number[] {
  const starts: number[] = [];
  if (!needle) return starts;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) starts.push(at);
  return starts;
}

/**
 * The occurrence whose surroundings agree best with the stored prefix and suffix; among equals, the nearest the
 * hint, then the first.
 */
export function chooseOccurrence(text: string, spans: Span[], expected: Expected): { span: Span; context: number } | undefined {
  // An exact agreement is the best possible context score: when there is one, only those need ranking.
  const agreeing = spans.filter((span) => expected.prefix.agrees(text, span.start) && expected.suffix.agrees(text, span.end));
  const scored = agreeing.length
    ? agreeing.map((span) => ({ span, context: 1 }))
    : nearest(spans, expected.hint, maxScored).map((span) => ({ span, context: contextScore(text, span, expected) }));
  let best: { span: Span; context: number } | undefined;
  for (const candidate of scored) {
    if (
      !best ||
      candidate.context > best.context ||
      (candidate.context === best.context && distance(candidate.span, expected.hint) < distance(best.span, expected.hint))
    ) {
      best = candidate;
    }
  }
  return best;
}
