/**
 * How well the text beside a candidate agrees with a note's stored prefix or suffix (at most 32 characters).
 *
 * The expected context is aligned against the text read outward from the candidate's edge: it must start at the
 * edge, its far end may fall anywhere (so that insertions and deletions in the context only cost what they
 * change). Runs of whitespace read as one space on both sides. The edit distance is computed with a bit-parallel
 * dynamic programme over one 32-bit word (Myers 1999, in Hyyrö's formulation of the global variant), so
 * scoring a candidate costs a few operations per character of context.
 */
import { collapseWhitespace, isSpace } from './whitespace';

/** W3C TextQuoteSelector context length: longer contexts are cut to this. */
export const contextLength = 32;

export type Side = 'before' | 'after';

export interface ContextScorer {
  /** How much this context can tell: its length over 32 (0 when there is none, e.g. a quote at the page's start). */
  readonly weight: number;
  /** 1 - (edit distance / context length), from 1 (reads exactly as stored) down to 0. */
  similarity(text: string, edge: number): number;
  /** Whether similarity(text, edge) is 1, without computing it. */
  agrees(text: string, edge: number): boolean;
}

/** Reads `text` outward from `edge`, one UTF-16 code unit at a time, a run of whitespace as one space; -1 at the end. */
function reader(text: string, edge: number, side: Side): () => number {
  let i = side === 'before' ? edge - 1 : edge;
  const step = side === 'before' ? -1 : 1;
  return () => {
    if (i < 0 || i >= text.length) return -1;
    const code = text.charCodeAt(i);
    i += step;
    if (!isSpace(code)) return code;
    while (i >= 0 && i < text.length && isSpace(text.charCodeAt(i))) i += step;
    return 0x20;
  };
}

export function contextScorer(expected: string, side: Side): ContextScorer {
  const collapsed = collapseWhitespace(expected);
  const kept = side === 'before' ? collapsed.slice(-contextLength) : collapsed.slice(0, contextLength);
  const length = kept.length;
  // The context in reading order, outward from the edge.
  const codes = new Array<number>(length);
  for (let i = 0; i < length; i++) codes[i] = kept.charCodeAt(side === 'before' ? length - 1 - i : i);

  // peq: for each character, the bit set of the positions where the context holds it.
  const ascii = new Int32Array(128);
  const other = new Map<number, number>();
  codes.forEach((code, i) => {
    if (code < 128) ascii[code]! |= 1 << i;
    else other.set(code, (other.get(code) ?? 0) | (1 << i));
  });
  const lastRow = 1 << (length - 1);
  // Far enough to let the context's far end move by its own length.
  const window = 2 * length + 8;

  return {
    weight: length / contextLength,
    agrees(text, edge) {
      const read = reader(text, edge, side);
      for (let i = 0; i < length; i++) if (read() !== codes[i]) return false;
      return true;
    },
    similarity(text, edge) {
      if (!length) return 1;
      const read = reader(text, edge, side);
      // Column j of the DP table D[i][j] = distance between the first i context characters and the first j text
      // characters, held as vertical deltas: pv/mv bit i set when D[i+1][j] - D[i][j] is +1/-1. D[i][0] = i.
      let pv = -1;
      let mv = 0;
      let distance = length;
      let best = length;
      for (let j = 0; j < window && best > 0; j++) {
        const code = read();
        if (code < 0) break;
        const eq = code < 128 ? ascii[code]! : (other.get(code) ?? 0);
        const xv = eq | mv;
        const xh = (((eq & pv) + pv) ^ pv) | eq;
        let ph = mv | ~(xh | pv);
        let mh = pv & xh;
        if (ph & lastRow) distance++;
        else if (mh & lastRow) distance--;
        // D[0][j] = j: the context must start at the edge, so row 0 grows by one per column.
        ph = (ph << 1) | 1;
        mh <<= 1;
        pv = mh | ~(xv | ph);
        mv = ph & xv;
        if (distance < best) best = distance;
      }
      return 1 - best / length;
    },
  };
}
