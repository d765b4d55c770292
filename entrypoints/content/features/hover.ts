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
    let pending: MentionRecord | undefined;
    let pendingNote: string | undefined;
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
    const open = (show: () => void) => {
      clearTimeout(closeTimer);
      show();
    };

    const track = (x: number, y: number) => {
      const record = context.active ? recordAt(context.page.scanner, x, y) : undefined;
      const note = record ? undefined : context.page.notes?.noteAt(x, y);
      const shown = overlay.shown;
      const showing = (record && shown.kind === 'card' && shown.record === record) || (note && shown.kind === 'note' && shown.noteId === note.id);
      if (showing) {
        clearTimeout(openTimer);
        pending = record;
        pendingNote = note?.id;
        return clearTimeout(closeTimer);
      }
      if (record !== pending || note?.id !== pendingNote) {
        clearTimeout(openTimer);
        pending = record;
        pendingNote = note?.id;
        if (record) openTimer = setTimeout(() => pending === record && open(() => overlay.showCard(record, { pinned: false })), delay);
        else if (note) openTimer = setTimeout(() => pendingNote === note.id && open(() => overlay.showNote(note.id, note.range, { pinned: false })), delay);
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
