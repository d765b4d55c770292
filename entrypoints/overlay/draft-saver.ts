import type { EditorTarget } from '../../core/protocol/frame';
import { askBackground } from '../../lib/messaging';

/** Each change is saved as it is made (a page may reload itself, or remove our frame, milliseconds after a keystroke). */
const quietMs = 0;
const maxWaitMs = 3000;

/**
 * Keeps what the reader writes in a draft (saved by the background, in the extension's storage) as they write:
 * shortly after they stop typing, every few seconds while they type on, and when the frame goes away.
 */
export function createDraftSaver(target: EditorTarget, onSaved: (savedAt: string) => void) {
  let pending: { body: string; tagText: string } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let since = 0;
  let held = false;
  let done = false;

  // Every change is sent at once, not after the one before is answered: a frame the page tears down a few
  // milliseconds after a keystroke must already have sent it. Messages from one frame arrive in order, and the
  // background writes drafts one at a time in that order (lib/drafts.ts), so the last one sent is the one kept.
  const send = () => {
    clearTimeout(timer);
    timer = undefined;
    if (!pending || held || done) return;
    const { body, tagText } = pending;
    pending = undefined;
    void askBackground({ type: 'drafts.save', target, body, tagText }).then(
      ({ savedAt }) => savedAt && !done && onSaved(savedAt),
      () => undefined,
    );
  };
  const arm = () => {
    clearTimeout(timer);
    const waited = Date.now() - since;
    timer = setTimeout(send, Math.max(0, Math.min(quietMs, maxWaitMs - waited)));
  };
  addEventListener('pagehide', send);

  return {
    change(body: string, tagText: string) {
      if (done) return;
      if (!pending) since = Date.now();
      pending = { body, tagText };
      if (!held) arm();
    },
    /** Saves now what is waiting. */
    flush: send,
    /** While a note is being saved: keep the latest text, but do not write the draft. */
    hold() {
      held = true;
      clearTimeout(timer);
    },
    /** The note could not be saved: the draft is kept again. */
    release() {
      held = false;
      if (pending) arm();
    },
    /** The note was saved or discarded: no more drafts from this editor. */
    stop() {
      done = true;
      pending = undefined;
      clearTimeout(timer);
      removeEventListener('pagehide', send);
    },
  };
}
