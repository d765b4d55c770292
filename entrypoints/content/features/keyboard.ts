import type { MentionRecord } from '../page-scanner';
import type { ContentFeature } from './context';
import { listenOnDocument } from '../dom';

/**
 * Keyboard access to mentions: the "next mention" command, "reveal" from the popup, and a count said aloud and
 * shown. Each scrolls the mention into view, opens its card and moves focus into it; Escape (in the frame, or on
 * the page for a card opened by hovering) closes it and gives focus back.
 */
export const keyboard: ContentFeature = {
  name: 'keyboard',
  start(context) {
    const { overlay, signal } = context;
    const mentions = () => context.page.scanner?.mentions() ?? [];

    const go = async (record: MentionRecord | undefined): Promise<boolean> => {
      if (!record) return false;
      record.range.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
      // An open editor, draft offer or notice is the reader's: it is not replaced.
      if (overlay.busy) return false;
      overlay.showCard(record, { pinned: true });
      return true;
    };

    /** The first of `records` after the mention whose card is open (wrapping around), or the first. */
    const after = (records: MentionRecord[]): MentionRecord | undefined => {
      const current = overlay.card?.record;
      const index = current ? records.indexOf(current) : -1;
      if (index !== -1) return records[(index + 1) % records.length];
      if (!current) return records[0];
      const following = records.find((record) => record.range.compareBoundaryPoints(Range.START_TO_START, current.range) > 0);
      return following ?? records[0];
    };

    listenOnDocument('keydown', (event) => {
      if (event.isTrusted && event.key === 'Escape') overlay.closeTransient(true);
    }, { signal });

    return {
      tabHandlers: {
        'page.next': async () => ({ found: await go(after(mentions())) }),
        'page.reveal': async ({ entityId }) => ({
          found: typeof entityId === 'string' && (await go(after(mentions().filter((record) => record.mention.entity.id === entityId)))),
        }),
        'page.announce': () => {
          const total = mentions().length;
          context.ui.announce(total === 1 ? 'Watchwords found 1 mention on this page.' : `Watchwords found ${total} mentions on this page.`);
          return { total };
        },
      },
    };
  },
};
