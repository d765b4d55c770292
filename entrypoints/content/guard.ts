import type { FrameHost } from './frame-host';
import type { UiHost } from './ui-host';
import { elementFromPoint, elementsFromPoint } from './dom';

/**
 * Before an action that changes settings ("Pause on this site", "Not this") runs, the content script checks that
 * the reader could see what they clicked: a page could otherwise make our frame transparent or cover it with a
 * decoy and have the reader click through it (clickjacking). Chromium's frame checks itself too
 * (IntersectionObserver v2, use-visibility.ts); this check runs in every browser.
 *
 * Refused when: the frame is not shown; an element from the frame up to the root is hidden, transparent, filtered,
 * clipped, masked or blended; or something else is the topmost element at the point clicked. Returns a reason, or
 * undefined when the frame was plainly visible.
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
  return undefined;
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
