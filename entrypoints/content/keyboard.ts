import type { Cards } from './cards';
import type { OverlayStore } from './overlay-store';
import type { MentionRecord, PageScanner } from './page-scanner';

/**
 * Keyboard access to mentions: the "next mention" command, "reveal" from the popup, and a spoken count. Each
 * scrolls the mention into view, opens its card and moves focus into it; Escape gives focus back.
 */
export function keyboardNavigation(options: { scanner: () => PageScanner | undefined; store: OverlayStore; cards: Cards; signal: AbortSignal }) {
  const { store, cards } = options;

  const go = async (record: MentionRecord | undefined): Promise<boolean> => {
    if (!record) return false;
    const element = record.range.startContainer.parentElement;
    element?.scrollIntoView({ block: 'center', inline: 'nearest' });
    await cards.open(record, { pinned: true });
    return true;
  };

  /** The first of `records` after the mention whose card is open (wrapping around), or the first. */
  const after = (records: MentionRecord[]): MentionRecord | undefined => {
    const current = store.get().card?.record;
    const index = current ? records.indexOf(current) : -1;
    if (index !== -1) return records[(index + 1) % records.length];
    if (!current) return records[0];
    const following = records.find((record) => record.range.compareBoundaryPoints(Range.START_TO_START, current.range) > 0);
    return following ?? records[0];
  };

  document.addEventListener('keydown', (event) => { if (event.key === 'Escape') cards.close(); }, { signal: options.signal });

  return {
    next: () => go(after(options.scanner()?.mentions() ?? [])),
    reveal: (entityId: string) => go(after((options.scanner()?.mentions() ?? []).filter((record) => record.mention.entity.id === entityId))),
    announce(): number {
      const total = options.scanner()?.mentions().length ?? 0;
      const text = total === 1 ? 'Watchwords found 1 mention on this page.' : `Watchwords found ${total} mentions on this page.`;
      // A changed text is what makes a live region speak: alternate an invisible character to repeat a message.
      const previous = store.get().announcement;
      store.update({ announcement: previous === text ? `${text}\u200B` : text });
      return total;
    },
  };
}
