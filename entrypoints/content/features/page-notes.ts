import type { NoteAnchor } from '../../../core/protocol/background';
import { ask } from '../../../lib/messaging';
import { collectPageText } from '../../../lib/page-text';
import { createNoteMarks } from '../note-marks';
import { canonicalUrl, rangeOfQuote } from '../page-quotes';
import type { ContentFeature } from './context';

/** Orphans get another chance as content arrives: first after this long, then ever less often (a busy page). */
export const retryLimits = { firstMs: 500, maxMs: 30_000 } as const;

/** The wait before the next attempt to find orphans, after `attempts` that found nothing new. */
export function retryDelay(attempts: number): number {
  return Math.min(retryLimits.maxMs, retryLimits.firstMs * 2 ** attempts);
}

/**
 * Shows the reader's notes on this page again: each is found by its position, its quote, or a close match of the
 * quote (core/anchoring) and marked by a box (note-marks.ts); the others are orphans (kept, and listed in the notes
 * manager) and are tried again as content arrives, backing off. The content script gets ids and quotes only; the
 * frame shows what the reader wrote. Runs where mentions are paused too: the notes are the reader's own.
 */
export const pageNotes: ContentFeature = {
  name: 'page notes',
  start(context) {
    const { signal, overlay } = context;
    if (!document.body) return;
    const marks = createNoteMarks(context.ui, signal);
    context.ui.setDark(context.dark);
    const anchored = new Map<string, Range>();
    let anchors: NoteAnchor[] = [];
    let reported = new Map<string, boolean>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempts = 0;
    const canonical = canonicalUrl();

    const anchorAll = async () => {
      if (signal.aborted) return;
      for (const [id, range] of anchored) {
        if (range.collapsed || !range.startContainer.isConnected) {
          marks.delete(id);
          anchored.delete(id);
        }
      }
      const waiting = anchors.filter((anchor) => !anchored.has(anchor.id));
      let found = 0;
      if (waiting.length) {
        const page = collectPageText(document.body);
        for (const anchor of waiting) {
          const range = rangeOfQuote(anchor, page);
          if (!range) continue;
          anchored.set(anchor.id, range);
          marks.set(anchor.id, range);
          found++;
        }
      }
      attempts = found ? 0 : attempts + 1;
      await report();
    };

    /** Tells the background which notes were found, when that changed. */
    const report = async () => {
      const results = anchors.map((anchor) => ({ noteId: anchor.id, anchored: anchored.has(anchor.id) }));
      const changed = results.filter((result) => reported.get(result.noteId) !== result.anchored);
      if (!changed.length || signal.aborted) return;
      reported = new Map(results.map((result) => [result.noteId, result.anchored]));
      await ask({ type: 'notes.anchored', ...(canonical && { canonicalUrl: canonical }), results: changed }).catch(() => undefined);
    };

    const observer = new MutationObserver(() => {
      marks.update();
      if (anchors.length === anchored.size || timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        void anchorAll();
      }, retryDelay(attempts));
    });
    signal.addEventListener('abort', () => {
      observer.disconnect();
      clearTimeout(timer);
    });

    void (async () => {
      try {
        anchors = (await ask({ type: 'notes.forPage', ...(canonical && { canonicalUrl: canonical }) })).anchors;
      } catch {
        return;
      }
      if (signal.aborted) return;
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      await anchorAll();
    })();

    // A note just saved on this page: marked at once where it was written.
    overlay.onSaved((target, noteId, range) => {
      if (target.kind !== 'page' || !range) return;
      anchors = [...anchors, { id: noteId, quote: target.quote, position: target.position }];
      const kept = range.cloneRange();
      anchored.set(noteId, kept);
      marks.set(noteId, kept);
      reported.set(noteId, true);
    }, signal);

    context.page.notes = {
      noteAt(x, y) {
        for (const [id, range] of anchored) {
          if ([...range.getClientRects()].some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom)) return { id, range };
        }
        return undefined;
      },
      reveal(noteId) {
        const range = anchored.get(noteId);
        if (!range) return false;
        range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        overlay.showNote(noteId, range, { pinned: true });
        return true;
      },
    };
    return { tabHandlers: { 'notes.reveal': ({ noteId }) => ({ found: typeof noteId === 'string' && context.page.notes!.reveal(noteId) }) } };
  },
};
