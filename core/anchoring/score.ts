/**
 * Scoring candidates: how much of the quote they match, how well the text either side agrees with the stored
 * prefix and suffix, and how near they are to where the note was made. Scores are in [0, 1].
 */
import type { ContextScorer } from './context';

export interface Span {
  start: number;
  end: number;
}

export interface Expected {
  prefix: ContextScorer;
  suffix: ContextScorer;
  /** Where the quote started when the note was made, if known. */
  hint: number | undefined;
}

/** Weights of the evidence. The quote counts most, and more the longer it is (a 300-character quote says more than 64 characters of context); position only breaks near-ties. */
export const weights = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;

/** Quotes up to this length have the base quote weight; longer ones weigh in proportion. */
const quoteWeightLength = 64;

export function quoteWeight(quoteLength: number): number {
  return weights.quote * Math.max(1, quoteLength / quoteWeightLength);
}

/** Agreement of the text either side of `span` with the stored context, weighted by the context's length; 1 when there is none. */
export function contextScore(text: string, span: Span, expected: Expected): number {
  const { prefix, suffix } = expected;
  const total = prefix.weight + suffix.weight;
  if (!total) return 1;
  const before = prefix.weight ? prefix.weight * prefix.similarity(text, span.start) : 0;
  const after = suffix.weight ? suffix.weight * suffix.similarity(text, span.end) : 0;
  return (before + after) / total;
}

export function proximity(start: number, hint: number | undefined, textLength: number): number {
  if (hint === undefined || !textLength) return 1;
  return Math.max(0, 1 - Math.abs(start - hint) / textLength);
}

/** The combined score of a candidate: a weighted mean of its quote similarity, context agreement and proximity. */
export function combinedScore(text: string, span: Span, quoteSimilarity: number, quoteLength: number, expected: Expected, context = contextScore(text, span, expected)): number {
  const quote = quoteWeight(quoteLength);
  // Prefix and suffix weigh the same per character, so the context score (their weighted mean) weighs their sum.
  const contextWeight = expected.prefix.weight * weights.prefix + expected.suffix.weight * weights.suffix;
  const positionWeight = expected.hint === undefined ? 0 : weights.position;
  const raw = quote * quoteSimilarity + contextWeight * context + positionWeight * proximity(span.start, expected.hint, text.length);
  return raw / (quote + contextWeight + positionWeight);
}

/** The `limit` spans nearest the hint (the first ones without a hint), in their original order. */
export function nearest<T extends Span>(spans: T[], hint: number | undefined, limit: number): T[] {
  if (spans.length <= limit) return spans;
  if (hint === undefined) return spans.slice(0, limit);
  const kept = new Set([...spans].sort((a, b) => Math.abs(a.start - hint) - Math.abs(b.start - hint)).slice(0, limit));
  return spans.filter((span) => kept.has(span));
}

export function distance(span: Span, hint: number | undefined): number {
  return hint === undefined ? 0 : Math.abs(span.start - hint);
}
