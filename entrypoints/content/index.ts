import { defineContentScript } from 'wxt/utils/define-content-script';
import terms from 'virtual:watchwords/terms';
import { createMatcher } from '../../core/matcher/matcher';
import { setupAddNote } from './add-note';
import { EntryCache } from './entry-cache';
import { showHighlights } from './highlights';
import { setupHoverCards } from './hover-card';
import { OverlayStore } from './overlay-store';
import { findPageMentions, type PageMentions } from './page-mentions';
import { createUiHost } from './ui-host';

export default defineContentScript({
  matches: ['<all_urls>'],
  // Early, so the UI host's event guard is in place before page scripts; the scan itself waits for the DOM.
  runAt: 'document_start',
  main(ctx) {
    const signal = ctx.signal;
    const store = new OverlayStore();
    const entries = new EntryCache();
    let current: PageMentions | undefined;
    const mentions = () => current;

    let hover: ReturnType<typeof setupHoverCards> | undefined;
    let notes: ReturnType<typeof setupAddNote> | undefined;
    const ui = createUiHost(
      store,
      {
        closeCard: () => hover?.closeCard(),
        pointerOnCard: (on) => hover?.pointerOnCard(on),
        openEditor: () => notes?.openEditor(),
        saveNote: (body) => void notes?.saveNote(body),
        cancelEditor: () => notes?.cancelEditor(),
      },
      signal,
    );

    const scan = () => {
      if (signal.aborted || !document.body) return;
      const matcher = createMatcher(terms);
      current = findPageMentions(document.body, matcher);
      const removeHighlights = showHighlights(current);
      signal.addEventListener('abort', removeHighlights);
      entries.prefetch(current.mentions.map((mention) => mention.entity.id));
      hover = setupHoverCards({ mentions, store, ui, entries, signal });
      notes = setupAddNote({ mentions, store, ui, signal });
    };
    // Off the critical path: after the DOM is parsed, when the browser is idle (or within a second at most).
    const scheduleScan = () => ('requestIdleCallback' in window ? requestIdleCallback(scan, { timeout: 1000 }) : setTimeout(scan, 50));
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scheduleScan, { once: true, signal });
    else scheduleScan();
  },
});
