import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { edge, gap, placeFrame, roomBeside, type Box } from './placement';

const viewport = { width: 1280, height: 900 };
const inset = 6;
const line = (top: number, left = 300, width = 80): Box => ({ left, top, right: left + width, bottom: top + 20 });

describe('where the frame goes', () => {
  test('below the mention when it fits, its visible box `gap` below the line', () => {
    const { x, y } = placeFrame([line(100)], { width: 392, height: 300 }, viewport, inset);
    expect(y + inset).toBe(120 + gap);
    expect(x + inset).toBe(300);
  });

  test('above when there is no room below', () => {
    const { y } = placeFrame([line(800)], { width: 392, height: 300 }, viewport, inset);
    expect(y + 300 - inset).toBe(800 - gap);
  });

  test('a multi-line quote: below its last line, or above its first', () => {
    const rects = [line(100, 500), line(124, 100), line(148, 100, 40)];
    expect(placeFrame(rects, { width: 300, height: 200 }, viewport, inset).y + inset).toBe(168 + gap);
    const low = [line(600, 500), line(624, 100), line(648, 100, 40)];
    const above = placeFrame(low, { width: 300, height: 300 }, viewport, inset);
    expect(above.y + 300 - inset).toBe(600 - gap);
    expect(above.x + inset).toBe(500);
  });

  test('never off the right edge; no anchor: the top right corner', () => {
    expect(placeFrame([line(100, 1200)], { width: 392, height: 100 }, viewport, inset).x + 392 - inset).toBe(viewport.width - edge);
    expect(placeFrame(undefined, { width: 392, height: 100 }, viewport, inset)).toEqual({ x: viewport.width - 392 - edge + inset, y: edge - inset });
  });

  test('property: the visible box stays inside the viewport horizontally, and never covers the anchor when it fits beside it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 880 }), fc.integer({ min: 0, max: 1200 }), fc.integer({ min: 50, max: 700 }), (top, left, height) => {
        const anchor = [line(top, left)];
        const size = { width: 392, height };
        const { x, y } = placeFrame(anchor, size, viewport, inset);
        const box = { left: x + inset, right: x + size.width - inset, top: y + inset, bottom: y + size.height - inset };
        const inside = box.left >= edge - 0.001 && box.right <= viewport.width - edge + 0.001;
        const fits = height - 2 * inset <= Math.max(viewport.height - (top + 20) - gap - edge, top - gap - edge);
        const clear = box.bottom <= top || box.top >= top + 20;
        return inside && (!fits || clear);
      }),
    );
  });

  test('the room beside an anchor: the larger side, within the edges, at most 640', () => {
    expect(roomBeside([line(100)], viewport)).toBe(640);
    expect(roomBeside([line(400)], { width: 800, height: 600 })).toBe(400 - gap - edge);
    expect(roomBeside(undefined, { width: 800, height: 600 })).toBe(600 - 2 * edge);
  });
});
