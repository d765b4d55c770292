import { ask } from '../../../lib/messaging';
import { canonicalUrl, rangeOfQuote } from '../page-quotes';
import type { ContentFeature } from './context';

/**
 * Unsaved notes come back: what the reader was writing is kept by the background as they type, and a page that
 * has drafts (after a reload, a crash, the tab closed, a navigation) offers them, beside their quote when it is
 * still there. "Resume" opens the editor with the draft; the frame fetches its text, the content script never sees it.
 */
export const drafts: ContentFeature = {
  name: 'drafts',
  start(context) {
    const { overlay, signal } = context;
    const canonical = canonicalUrl();
    const placeOf = (target: Parameters<Parameters<typeof overlay.onResume>[0]>[0]) =>
      target.kind === 'page' && document.body ? rangeOfQuote(target) : undefined;

    overlay.onResume((target) => overlay.openEditor(target, placeOf(target)), signal);

    void ask({ type: 'drafts.forPage', ...(canonical && { canonicalUrl: canonical }) }).then(({ drafts: found }) => {
      // An editor already open is the reader's own (it may be this very draft, kept across a navigation).
      const fresh = found.filter((draft) => !context.flags.offeredDrafts.has(JSON.stringify(draft)));
      if (signal.aborted || !fresh.length || overlay.busy) return;
      for (const draft of fresh) context.flags.offeredDrafts.add(JSON.stringify(draft));
      overlay.offer(fresh, placeOf(fresh[0]!.target));
    }, () => undefined);
  },
};
