import type { FrameHost } from './frame-host';
import type { UiHost } from './ui-host';
import { browser } from 'wxt/browser';
import { createTreeWalker, elementFromPoint, elementsFromPoint } from './dom';

/**
 * Before an action that changes settings ("Pause on this site", "Not this") runs, the content script checks that
 * the reader could see what they clicked: a page could otherwise make our frame transparent or cover it with a
 * decoy and have the reader click through it (clickjacking). Chromium's frame checks itself too
 * (IntersectionObserver v2, use-visibility.ts); this check runs in every browser.
 *
 * Refused when: the frame is not shown; an element from the frame up to the root is hidden, transparent, filtered,
 * clipped, masked or blended; something else is the topmost element at the point clicked or at the frame's corners;
 * or a page element that lets clicks through (`pointer-events: none`, which hit testing skips) is painted over the
 * frame (see `pageLayerOver`). Returns a reason, or undefined when the frame was plainly visible.
 */
export function frameObstruction(frame: FrameHost, ui: UiHost, point: { x: number; y: number }): string | undefined {
  const element = frame.element;
  const box = frame.box();
  if (!element || !box) return 'the card is not shown';
  for (let node: Element | null = element; node; node = parentOf(node)) {
    const problem = styleProblem(getComputedStyle(node));
    if (problem) return `${problem} on ${node === element ? 'the card' : node.localName}`;
  }
  // The point the reader pressed, in the page's viewport.
  const x = box.left + point.x;
  const y = box.top + point.y;
  if (x < box.left || x > box.right || y < box.top || y > box.bottom) return 'the press was outside the card';
  const top = elementsFromPoint(x, y)[0];
  if (!ui.isHost(top)) return 'something covers the card';
  // Every corner of what the frame shows must be ours too (a decoy may leave the point itself uncovered).
  const inset = 8;
  for (const [cx, cy] of [[box.left + inset, box.top + inset], [box.right - inset, box.top + inset], [box.left + inset, box.bottom - inset], [box.right - inset, box.bottom - inset]] as const) {
    if (cx < 0 || cy < 0 || cx >= innerWidth || cy >= innerHeight) continue;
    if (!ui.isHost(elementFromPoint(cx, cy))) return 'something covers part of the card';
  }
  const layer = pageLayerOver(box, ui.host);
  if (layer) return `the page's <${layer.localName}> is drawn over the card`;
  return undefined;
}

/** Our host's z-index, the highest there is (ui-host.ts). */
const topZ = '2147483647';
/** How many elements of one covering candidate's subtree are measured, at most. */
const subtreeLimit = 5000;

/**
 * A page element drawn over `box` that hit testing does not see because it lets clicks through: one in the top layer
 * (an open popover, a modal dialog, a fullscreen element: above any z-index), or one with our host's z-index later in
 * the document (a tie goes to the later one). Elements in shadow roots count too, closed ones included (the
 * browser gives content scripts those). The whole page is walked, so this runs only when a guarded button is pressed.
 */
export function pageLayerOver(box: DOMRect, host: Element): Element | undefined {
  const matches = Element.prototype.matches;
  const inTopLayer = (element: Element) => {
    for (const selector of [':popover-open', ':modal', ':fullscreen']) {
      try {
        if (matches.call(element, selector)) return true;
      } catch {
        // A selector this browser does not know: nothing of that kind can be open.
      }
    }
    return false;
  };
  const walk = (root: Node, outer: Element | undefined): Element | undefined => {
    const walker = createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode() as Element | null; node; node = walker.nextNode() as Element | null) {
      if (node === host) continue;
      // Where the element stands in the document: itself, or the shadow host it is inside.
      const placed = outer ?? node;
      const shadow = shadowRootOf(node);
      const inside = shadow && walk(shadow, placed);
      if (inside) return inside;
      const over = inTopLayer(node) || (getComputedStyle(node).zIndex === topZ && (host.compareDocumentPosition(placed) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0);
      if (over && drawnWithin(node, box)) return node;
    }
    return undefined;
  };
  return walk(document.documentElement, undefined);
}

/** Whether the element or anything it contains has a box overlapping `box`. */
function drawnWithin(element: Element, box: DOMRect): boolean {
  const overlaps = (r: DOMRect) => r.width > 0 && r.height > 0 && r.left < box.right && r.right > box.left && r.top < box.bottom && r.bottom > box.top;
  if (overlaps(element.getBoundingClientRect())) return true;
  const walker = createTreeWalker(element, NodeFilter.SHOW_ELEMENT);
  for (let count = 0, node = walker.nextNode() as Element | null; node && count < subtreeLimit; count++, node = walker.nextNode() as Element | null) {
    if (overlaps(node.getBoundingClientRect())) return true;
  }
  return false;
}

/** An element's shadow root, open or closed: Firefox gives content scripts `openOrClosedShadowRoot`, Chrome `dom.openOrClosedShadowRoot`. */
function shadowRootOf(element: Element): ShadowRoot | null {
  const firefox = (element as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
  if (firefox !== undefined) return firefox;
  const chromeDom = (browser as unknown as { dom?: { openOrClosedShadowRoot?(element: Element): ShadowRoot | null } }).dom;
  try {
    return chromeDom?.openOrClosedShadowRoot?.(element) ?? element.shadowRoot;
  } catch {
    return element.shadowRoot;
  }
}

/** The parent across shadow roots (our iframe sits in a shadow root, whose host is in the page). */
function parentOf(node: Element): Element | null {
  if (node.parentElement) return node.parentElement;
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** What in an element's computed style could hide or disguise what it contains; undefined when nothing does. */
export function styleProblem(style: Pick<CSSStyleDeclaration, 'display' | 'visibility' | 'opacity' | 'filter' | 'clipPath' | 'mixBlendMode' | 'contentVisibility'> & { mask?: string; maskImage?: string }): string | undefined {
  if (style.display === 'none') return 'display: none';
  if (style.visibility === 'hidden' || style.visibility === 'collapse') return 'visibility: hidden';
  if (Number(style.opacity) < 1) return `opacity: ${style.opacity}`;
  if (style.filter && style.filter !== 'none') return `filter: ${style.filter}`;
  if (style.clipPath && style.clipPath !== 'none') return `clip-path: ${style.clipPath}`;
  const mask = style.maskImage ?? style.mask;
  if (mask && mask !== 'none' && !/^none\b/.test(mask)) return `mask: ${mask}`;
  if (style.mixBlendMode && style.mixBlendMode !== 'normal') return `mix-blend-mode: ${style.mixBlendMode}`;
  if (style.contentVisibility === 'hidden') return 'content-visibility: hidden';
  return undefined;
}
