import type { MentionRecord } from '../page-scanner';
import { recordAt, type ContentFeature } from './context';
import { listenOnDocument } from '../dom';

/** How long the pointer may take to travel from a mention to its card before the card closes. */
export const leaveGrace = 300;

/**
 * Opens a mention's card (or a note, where the reader's note is under the pointer) when the pointer rests on it for
 * the hover delay, keeps it while the pointer is on the mention or on the frame, and closes it once the pointer has
 * left both (WCAG 1.4.13: hoverable, persistent, dismissible with Escape). Only the browser's own pointer events
 * count: a page dispatching `pointermove` opens nothing.
 */
export const hover: ContentFeature = {
  name: 'hover',
  start(context) {
    const { overlay, signal, ui } = context;
    const delay = context.settings.hoverDelayMs;
    /** What the open timer is running for: a mention, or a note's id. */
    let armed: MentionRecord | string | undefined;
    /** What was under the pointer when the reader (or a notice going by) closed what was shown: resting there, or
     * moving within it, does not open it again; the pointer has to leave it first. */
    let dismissed: MentionRecord | string | undefined;
    /** What was under the pointer last time it was tracked. */
    let under: MentionRecord | string | undefined;
    let openTimer: ReturnType<typeof setTimeout> | undefined;
    let closeTimer: ReturnType<typeof setTimeout> | undefined;
    let onFrame = false;
    let frame = 0;

    /** Closes what is shown now, unless the pointer comes back to it (or something else has been opened since). */
    const scheduleClose = () => {
      clearTimeout(closeTimer);
      const leaving = overlay.shown;
      closeTimer = setTimeout(() => {
        const shown = overlay.shown;
        if (shown === leaving && (shown.kind === 'card' || shown.kind === 'note') && !shown.pinned && !onFrame) overlay.closeTransient();
      }, leaveGrace);
    };
    const disarm = () => {
      clearTimeout(openTimer);
      armed = undefined;
    };

    const track = (x: number, y: number) => {
      const record = context.active ? recordAt(context.page.scanner, x, y) : undefined;
      const note = record ? undefined : context.page.notes?.noteAt(x, y);
      under = record ?? note?.id;
      if (under !== dismissed) dismissed = undefined;
      const shown = overlay.shown;
      const showing = (record && shown.kind === 'card' && shown.record === record) || (note && shown.kind === 'note' && shown.noteId === note.id);
      if (showing) {
        disarm();
        return clearTimeout(closeTimer);
      }
      // Whatever is shown now (nothing, another card, "Note saved"), what the pointer rests on opens after the delay.
      if (under !== armed) {
        disarm();
        const target = under;
        if (target !== undefined && target !== dismissed) {
          armed = target;
          openTimer = setTimeout(() => {
            if (armed !== target) return;
            armed = undefined;
            clearTimeout(closeTimer);
            if (record) overlay.showCard(record, { pinned: false });
            else if (note) overlay.showNote(note.id, note.range, { pinned: false });
          }, delay);
        }
      }
      if ((shown.kind === 'card' || shown.kind === 'note') && !onFrame) scheduleClose();
    };

    listenOnDocument(
      'pointermove',
      (event) => {
        // Touch has its own feature (a tap opens); a page's forged pointer events are ignored.
        if (!event.isTrusted || event.pointerType === 'touch' || ui.contains(event)) return;
        const { clientX, clientY } = event;
        cancelAnimationFrame(frame);
        frame = requestAnimationFrame(() => track(clientX, clientY));
      },
      { passive: true, signal },
    );
    overlay.onClose(() => {
      // Closed while the pointer rests on a mention with no card on its way: the reader is done with that one.
      if (under !== armed) dismissed = under;
    }, signal);
    context.frame.onPointer((on) => {
      onFrame = on;
      if (on) clearTimeout(closeTimer);
      else scheduleClose();
    }, signal);
    signal.addEventListener('abort', () => {
      clearTimeout(openTimer);
      clearTimeout(closeTimer);
      cancelAnimationFrame(frame);
      // A hover card belongs to the page it was opened on.
      overlay.closeTransient();
    });
  },
};
