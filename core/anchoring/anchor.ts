/**
 * Re-anchoring a note's quote in the page text as Watchwords reads it now (lib/page-text.ts). Pure: no DOM.
 *
 * In order: (1) the stored position still holds the quote; (2) the quote occurs exactly, the occurrence chosen
 * by its prefix and suffix, then by nearness to the stored position; the same with runs of whitespace compared
 * as one space; (3) an approximate match, accepted only when quote, context and position together score high
 * enough. Otherwise the note is an orphan (undefined), which the caller keeps.
 *
 * Offsets are UTF-16 code units, as everywhere in the page text.
 */
import type { TextQuote } from '../notes/note';
import { contextScorer } from './context';
import { chooseOccurrence, occurrences } from './exact';
import { fuzzyMatch } from './fuzzy';
import { combinedScore, type Expected, type Span } from './score';
import { collapseQuote, collapsedView, toSource } from './whitespace';

export type Anchor = { start: number; end: number; method: 'position' | 'exact' | 'fuzzy'; score: number };

function isValidSpan(span: Span | undefined, length: number): span is Span {
  return !!span && Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start < span.end && span.end <= length;
}

function exactAnchor(text: string, spans: Span[], expected: Expected, quoteLength: number): Anchor | undefined {
  const chosen = chooseOccurrence(text, spans, expected);
  if (!chosen) return undefined;
  const score = combinedScore(text, chosen.span, 1, quoteLength, expected, chosen.context);
  return { ...chosen.span, method: 'exact', score };
}

export function anchorQuote(text: string, quote: TextQuote, position?: { start: number; end: number }): Anchor | undefined {
  const { exact } = quote;
  if (!exact || !text) return undefined;

  if (isValidSpan(position, text.length) && text.slice(position.start, position.end) === exact) {
    return { start: position.start, end: position.end, method: 'position', score: 1 };
  }

  const hint = position && Number.isFinite(position.start) ? Math.min(Math.max(0, position.start), text.length) : undefined;
  const expected: Expected = { prefix: contextScorer(quote.prefix, 'before'), suffix: contextScorer(quote.suffix, 'after'), hint };
  const found = occurrences(text, exact).map((start) => ({ start, end: start + exact.length }));
  if (found.length) return exactAnchor(text, found, expected, exact.length);

  // The quote's own whitespace at its ends goes with the context, so that the collapsed quote starts and ends
  // on a visible character.
  const { core, leading, trailing } = collapseQuote(exact);
  if (!core) return undefined;
  const view = collapsedView(text);
  const trimmed: Expected = {
    prefix: leading ? contextScorer(quote.prefix + leading, 'before') : expected.prefix,
    suffix: trailing ? contextScorer(trailing + quote.suffix, 'after') : expected.suffix,
    hint,
  };
  const collapsed = occurrences(view.text, core).map((start) => toSource(view, start, start + core.length));
  if (collapsed.length) return exactAnchor(text, collapsed, trimmed, core.length);

  const fuzzy = fuzzyMatch(view, core, trimmed);
  return fuzzy && { ...fuzzy.span, method: 'fuzzy', score: fuzzy.score };
}
