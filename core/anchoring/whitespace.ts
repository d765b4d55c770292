/**
 * Whitespace-insensitive views of text. Pages reflow: a quote saved as "the council\nvoted" may read "the council
 * voted" next time. Runs of whitespace are compared as one space, and offsets found in the collapsed view are
 * mapped back to the original text.
 */

/** The characters of JavaScript's `\s` class. */
export function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/** `text` with every run of whitespace replaced by one space. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** A quote in collapsed form: its whitespace at either end is kept apart, as it belongs with the context. */
export interface CollapsedQuote {
  core: string;
  leading: string;
  trailing: string;
}

export function collapseQuote(exact: string): CollapsedQuote {
  const collapsed = collapseWhitespace(exact);
  const core = collapsed.trim();
  if (!core) return { core: '', leading: collapsed, trailing: '' };
  return { core, leading: collapsed.startsWith(' ') ? ' ' : '', trailing: collapsed.endsWith(' ') ? ' ' : '' };
}

export interface CollapsedText {
  /** The original text. */
  source: string;
  /** The text with every run of whitespace replaced by one space. */
  text: string;
  /** starts[i] is where character i of `text` (or the run of whitespace it stands for) begins in `source`. */
  starts: Int32Array;
}

export function collapseText(source: string): CollapsedText {
  const length = source.length;
  const starts = new Int32Array(length);
  const codes = new Uint16Array(length);
  let kept = 0;
  for (let i = 0; i < length; ) {
    const code = source.charCodeAt(i);
    starts[kept] = i++;
    if (isSpace(code)) {
      codes[kept++] = 0x20;
      while (i < length && isSpace(source.charCodeAt(i))) i++;
    } else {
      codes[kept++] = code;
    }
  }
  // Code units back to a string in chunks (one call per chunk keeps within the engine's argument limit).
  const parts: string[] = [];
  for (let at = 0; at < kept; at += 8192) {
    parts.push(String.fromCharCode.apply(null, codes.subarray(at, Math.min(kept, at + 8192)) as unknown as number[]));
  }
  return { source, text: parts.join(''), starts: starts.subarray(0, kept) };
}

let cached: CollapsedText | undefined;

/** collapseText, remembering the last text: the notes of one page are anchored against the same text. */
export function collapsedView(source: string): CollapsedText {
  if (cached?.source !== source) cached = collapseText(source);
  return cached;
}

/** The span of `source` that the span [start, end) of the collapsed text stands for. */
export function toSource(view: CollapsedText, start: number, end: number): { start: number; end: number } {
  const { starts, source, text } = view;
  const last = end - 1;
  // A collapsed space at the end stands for its whole run, which ends where the next character begins.
  const sourceEnd = text.charCodeAt(last) === 0x20 ? (end < starts.length ? starts[end]! : source.length) : starts[last]! + 1;
  return { start: starts[start]!, end: sourceEnd };
}

/** The offset in the collapsed text of the character at `offset` in the source (or of the run holding it). */
export function toCollapsed(view: CollapsedText, offset: number): number {
  const { starts } = view;
  let low = 0;
  let high = starts.length;
  // The last i with starts[i] <= offset.
  while (high - low > 1) {
    const middle = (low + high) >>> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle;
  }
  return offset >= view.source.length ? starts.length : low;
}
