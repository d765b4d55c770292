import type { Matcher, Mention } from '../../core/matcher/matcher';
import { collectPageText, type PageText } from '../../lib/page-text';

/** The mentions found on the page, with their DOM ranges. */
export interface PageMentions {
  page: PageText;
  mentions: Mention[];
  ranges: Range[];
}

/** One pass: walk the page's text, match it, and turn each mention's offsets into a DOM range. */
export function findPageMentions(root: Node, matcher: Matcher): PageMentions {
  const page = collectPageText(root);
  const mentions = matcher.scan(page.text);
  const ranges = mentions.map((mention) => rangeOf(page, mention.start, mention.end));
  return { page, mentions, ranges };
}

/** The DOM range covering [start, end) of the scanned text. */
export function rangeOf(page: PageText, start: number, end: number): Range {
  const range = document.createRange();
  const [startNode, startOffset] = pointAt(page, start, false);
  const [endNode, endOffset] = pointAt(page, end, true);
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  return range;
}

function pointAt(page: PageText, offset: number, isEnd: boolean): [Text, number] {
  let low = 0;
  let high = page.starts.length - 1;
  // The last node starting at or before the offset (for an end, strictly before, so it stays inside its node).
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    const start = page.starts[mid]!;
    if (isEnd ? start < offset : start <= offset) low = mid;
    else high = mid - 1;
  }
  const node = page.nodes[low]!;
  return [node, Math.min(Math.max(0, offset - page.starts[low]!), node.data.length)];
}

/** The offset in the scanned text of a DOM boundary point, or undefined when it lies outside scanned text. */
export function offsetOf(page: PageText, container: Node, offset: number): number | undefined {
  const index = page.nodes.indexOf(container as Text);
  if (index !== -1) return page.starts[index]! + offset;
  const child = container.childNodes[offset] ?? null;
  // The first scanned text node at or after the boundary point.
  for (let i = 0; i < page.nodes.length; i++) {
    const node = page.nodes[i]!;
    const position = child ? child.compareDocumentPosition(node) : container.compareDocumentPosition(node);
    const following = child
      ? child === node || (position & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 || (position & Node.DOCUMENT_POSITION_CONTAINED_BY) !== 0
      : (position & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 && (position & Node.DOCUMENT_POSITION_CONTAINED_BY) === 0;
    if (following) return page.starts[i]!;
  }
  return undefined;
}
