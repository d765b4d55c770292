import type { PageText } from '../../lib/page-text';

/** The offset in the page text of a DOM boundary point, or undefined when it lies outside scanned text. */
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
