import type { EditorTarget } from '../../core/protocol/frame';
import { askBackground } from '../../lib/messaging';

/**
 * Keeps what the reader writes in a draft (saved by the background, in the extension's storage) as they write. Every
 * change is sent at once, not after the one before is answered: a page may reload itself or remove our frame a few
 * milliseconds after a keystroke, and that keystroke must already be on its way. Messages from one frame arrive in
 * order, and the background writes drafts one at a time in that order (lib/drafts.ts), so the last one sent is kept.
 */
export function createDraftSaver(target: EditorTarget, onSaved: (savedAt: string) => void) {
  let pending: { body: string; tagText: string } | undefined;
  let held = false;
  let done = false;

  const send = () => {
    if (!pending || held || done) return;
    const { body, tagText } = pending;
    pending = undefined;
    void askBackground({ type: 'drafts.save', target, body, tagText }).then(
      ({ savedAt }) => savedAt && !done && onSaved(savedAt),
      () => undefined,
    );
  };

  return {
    change(body: string, tagText: string) {
      if (done) return;
      pending = { body, tagText };
      send();
    },
    /** Saves now what is waiting (held back while a save of the note was under way). */
    flush: send,
    /** While a note is being saved: keep the latest text, but do not write the draft. */
    hold() {
      held = true;
    },
    /** The note could not be saved: the draft is kept again. */
    release() {
      held = false;
      send();
    },
    /** The note was saved or discarded: no more drafts from this editor. */
    stop() {
      done = true;
      pending = undefined;
    },
  };
}
