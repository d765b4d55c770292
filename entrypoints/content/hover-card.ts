import type { EntryCache } from './entry-cache';
import { ownHighlights } from './highlights';
import type { OverlayStore } from './overlay-store';
import { offsetOf, type PageMentions } from './page-mentions';
import type { UiHost } from './ui-host';

/** How long the pointer rests on a mention before its card opens, and how long it may take to reach the card. */
const openDelay = 300;
const leaveGrace = 300;

type CaretDocument = Document & {
  caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?(x: number, y: number): Range | null;
};
type HighlightsFromPoint = (x: number, y: number) => (Highlight | { highlight: Highlight })[];

/**
 * Opens a mention's card when the pointer rests on it, keeps it open while the pointer is on the mention or the
 * card, and closes it when the pointer has left both, or on Escape (without the pointer moving).
 */
export function setupHoverCards(options: {
  mentions: () => PageMentions | undefined;
  store: OverlayStore;
  ui: UiHost;
  entries: EntryCache;
  signal: AbortSignal;
}): { pointerOnCard(on: boolean): void; closeCard(): void } {
  const { store, ui, entries, signal } = options;
  let shown: number | undefined;
  let pending: number | undefined;
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  let onCard = false;
  let frame = 0;

  const closeCard = () => {
    clearTimeout(closeTimer);
    shown = undefined;
    onCard = false;
    if (store.get().card) store.update({ card: undefined });
  };

  const open = async (index: number) => {
    const page = options.mentions();
    const mention = page?.mentions[index];
    if (!page || !mention) return;
    const entry = await entries.get(mention.entity.id);
    if (!entry || pending !== index) return;
    shown = index;
    store.update({ card: { range: page.ranges[index]!, entry } });
  };

  const track = (x: number, y: number, overUi: boolean) => {
    const index = overUi ? undefined : mentionAt(options.mentions(), x, y);
    if (overUi && shown !== undefined) return clearTimeout(closeTimer);
    if (index !== undefined && index === shown) {
      clearTimeout(openTimer);
      pending = index;
      return clearTimeout(closeTimer);
    }
    if (index !== pending) {
      clearTimeout(openTimer);
      pending = index;
      if (index !== undefined) openTimer = setTimeout(() => void open(index), openDelay);
    }
    if (shown !== undefined && !onCard) {
      clearTimeout(closeTimer);
      closeTimer = setTimeout(() => { if (!onCard) closeCard(); }, leaveGrace);
    }
  };

  document.addEventListener(
    'pointermove',
    (event) => {
      const overUi = ui.contains(event);
      const { clientX, clientY } = event;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => track(clientX, clientY, overUi));
    },
    { passive: true, signal },
  );
  document.addEventListener('keydown', (event) => { if (event.key === 'Escape' && store.get().card) closeCard(); }, { signal });
  signal.addEventListener('abort', () => { clearTimeout(openTimer); clearTimeout(closeTimer); cancelAnimationFrame(frame); });

  return {
    closeCard,
    pointerOnCard(on) {
      onCard = on;
      if (on) clearTimeout(closeTimer);
      else track(-1, -1, false);
    },
  };
}

/** The index of the mention under a viewport point, if any. */
export function mentionAt(page: PageMentions | undefined, x: number, y: number): number | undefined {
  if (!page?.mentions.length) return undefined;
  const fromPoint = (CSS.highlights as unknown as { highlightsFromPoint?: HighlightsFromPoint }).highlightsFromPoint;
  if (fromPoint) {
    const ours = ownHighlights();
    const hits = fromPoint.call(CSS.highlights, x, y).map((hit) => ('highlight' in hit ? hit.highlight : hit));
    if (!hits.some((highlight) => ours.has(highlight))) return undefined;
  }
  const caret = caretAt(x, y);
  if (!caret) return undefined;
  const offset = offsetOf(page.page, caret.node, caret.offset);
  if (offset === undefined) return undefined;
  // The caret may fall just before or after the mention under the pointer: check its neighbours' boxes.
  const index = lastStartingAtOrBefore(page, offset);
  for (const candidate of [index, index + 1, index - 1]) {
    const range = page.ranges[candidate];
    if (range && [...range.getClientRects()].some((r) => x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1)) {
      return candidate;
    }
  }
  return undefined;
}

function caretAt(x: number, y: number): { node: Node; offset: number } | undefined {
  const doc = document as CaretDocument;
  if (doc.caretPositionFromPoint) {
    const position = doc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : undefined;
  }
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
}

function lastStartingAtOrBefore({ mentions }: PageMentions, offset: number): number {
  let low = 0;
  let high = mentions.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (mentions[mid]!.start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}
