/** Where the overlay frame goes beside its anchor (a mention, a selection, a note's quote). Pure geometry. */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The gap between the anchor and what the frame shows, and the least room kept from the viewport's edges. */
export const gap = 6;
export const edge = 8;

/**
 * The room beside an anchor: the height the frame's content may take (the larger of below and above, within the
 * viewport's margins), so a long card scrolls inside rather than running off the screen.
 */
export function roomBeside(anchor: Box[] | undefined, viewport: { width: number; height: number }): number {
  if (!anchor?.length) return Math.max(0, viewport.height - 2 * edge);
  const first = anchor[0]!;
  const last = anchor.at(-1)!;
  const below = viewport.height - last.bottom - gap - edge;
  const above = first.top - gap - edge;
  return Math.max(0, Math.min(640, Math.max(below, above)));
}

/**
 * The frame's top left in viewport coordinates. `size` includes the frame's own margin (`inset` on every side, the
 * room for the shadow), so the visible box is `inset` inside the frame. Below the anchor's last line when it fits,
 * else above its first line, else on the roomier side; always inside the viewport horizontally. Without an anchor:
 * the top right corner.
 */
export function placeFrame(anchor: Box[] | undefined, size: { width: number; height: number }, viewport: { width: number; height: number }, inset: number): { x: number; y: number } {
  const clampX = (x: number) => Math.max(edge - inset, Math.min(x, viewport.width - edge + inset - size.width));
  if (!anchor?.length) return { x: clampX(viewport.width - size.width - edge + inset), y: edge - inset };
  const first = anchor[0]!;
  const last = anchor.at(-1)!;
  const below = last.bottom + gap - inset;
  const above = first.top - gap + inset - size.height;
  const fitsBelow = below + size.height - inset <= viewport.height - edge;
  const fitsAbove = above + inset >= edge;
  const roomBelow = viewport.height - last.bottom;
  const y = fitsBelow ? below : fitsAbove ? above : roomBelow >= first.top ? below : Math.max(edge - inset, above);
  const line = y === below ? last : first;
  return { x: clampX(line.left - inset), y };
}
