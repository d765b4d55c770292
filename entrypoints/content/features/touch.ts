import { recordAt, type ContentFeature } from './context';
import { listenOnDocument } from '../dom';

/** A tap: the finger lifts within this long and this far from where it went down. */
const tapLimits = { ms: 600, px: 12 };

/**
 * Touch screens have no hover: tapping a highlight opens its card (or the reader's note), tapping elsewhere on the
 * page closes it. Only the browser's own touch pointer events count. A tap on a mention inside a link opens the
 * card and leaves the link alone only if the page does not navigate first; that is the page's to decide.
 */
export const touch: ContentFeature = {
  name: 'touch',
  start(context) {
    const { overlay, signal, ui } = context;
    let down: { x: number; y: number; at: number; id: number } | undefined;
    listenOnDocument('pointerdown', (event) => {
      if (!event.isTrusted || event.pointerType !== 'touch' || !event.isPrimary || ui.contains(event)) return;
      down = { x: event.clientX, y: event.clientY, at: event.timeStamp, id: event.pointerId };
    }, { passive: true, capture: true, signal });
    listenOnDocument('pointercancel', () => (down = undefined), { passive: true, capture: true, signal });
    listenOnDocument('pointerup', (event) => {
      const start = down;
      down = undefined;
      if (!start || !event.isTrusted || event.pointerType !== 'touch' || event.pointerId !== start.id || ui.contains(event)) return;
      if (event.timeStamp - start.at > tapLimits.ms || Math.hypot(event.clientX - start.x, event.clientY - start.y) > tapLimits.px) return;
      const { clientX: x, clientY: y } = event;
      const record = context.active ? recordAt(context.page.scanner, x, y) : undefined;
      if (record) return void (overlay.card?.record !== record && overlay.showCard(record, { pinned: true }));
      const note = context.page.notes?.noteAt(x, y);
      if (note) return overlay.showNote(note.id, note.range, { pinned: true });
      // Elsewhere on the page: what a tap opened closes (the editor and notices stay; they have their own buttons).
      overlay.closeTransient();
    }, { passive: true, capture: true, signal });
  },
};
