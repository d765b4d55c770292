import type { Cards } from './cards';
import type { AnchoredNote } from './page-notes';
import type { OverlayStore } from './overlay-store';
import type { MentionRecord, PageScanner } from './page-scanner';
import type { UiHost } from './ui-host';

/** How long the pointer may take to travel from a mention to its card before the card closes. */
const leaveGrace = 300;

type CaretDocument = Document & {
  caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?(x: number, y: number): Range | null;
};

/**
 * Opens a mention's card when the pointer rests on it for the hover delay, keeps it while the pointer is on the
 * mention or the card, and closes it once the pointer has left both (WCAG 1.4.13: hoverable, persistent,
 * dismissible with Escape).
 */
export function trackHover(options: {
  scanner: () => PageScanner | undefined;
  store: OverlayStore;
  ui: UiHost;
  cards: Cards;
  hoverDelay: () => number;
  /** The reader's note under a point: shown like a card when no mention is there. */
  noteAt: (x: number, y: number) => AnchoredNote | undefined;
  signal: AbortSignal;
}): { pointerOnCard(on: boolean): void; pointerOnNote(on: boolean): void } {
  const { store, ui, cards, signal } = options;
  let pending: MentionRecord | undefined;
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  let onCard = false;
  let onNote = false;
  let noteTimer: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;

  /** Notes follow the same rules as cards: open after the delay, stay while pointed at, close once left. */
  const trackNote = (x: number, y: number) => {
    const found = options.noteAt(x, y);
    const shown = store.get().note;
    if (found && found.note.id === shown?.note.id) return clearTimeout(noteTimer);
    clearTimeout(noteTimer);
    if (found) noteTimer = setTimeout(() => store.update({ note: { ...found, pinned: false } }), options.hoverDelay());
    else if (shown && !shown.pinned && !onNote) noteTimer = setTimeout(() => { if (!onNote) store.update({ note: undefined }); }, leaveGrace);
  };

  const scheduleClose = () => {
    clearTimeout(closeTimer);
    closeTimer = setTimeout(() => {
      const card = store.get().card;
      if (card && !card.pinned && !onCard) cards.close();
    }, leaveGrace);
  };

  const track = (x: number, y: number) => {
    const record = recordAt(options.scanner(), x, y);
    trackNote(record ? -1 : x, record ? -1 : y);
    const shown = store.get().card?.record;
    if (record && record === shown) {
      clearTimeout(openTimer);
      pending = record;
      return clearTimeout(closeTimer);
    }
    if (record !== pending) {
      clearTimeout(openTimer);
      pending = record;
      if (record) openTimer = setTimeout(() => { if (pending === record) void cards.open(record, { pinned: false }); }, options.hoverDelay());
    }
    if (shown && !onCard) scheduleClose();
  };

  document.addEventListener(
    'pointermove',
    (event) => {
      if (ui.contains(event)) return;
      const { clientX, clientY } = event;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => track(clientX, clientY));
    },
    { passive: true, signal },
  );
  signal.addEventListener('abort', () => {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
    clearTimeout(noteTimer);
    cancelAnimationFrame(frame);
  });

  return {
    pointerOnCard(on) {
      onCard = on;
      if (on) clearTimeout(closeTimer);
      else scheduleClose();
    },
    pointerOnNote(on) {
      onNote = on;
      if (on) clearTimeout(noteTimer);
      else trackNote(-1, -1);
    },
  };
}

/** The mention under a viewport point: the highlight hit-test where the browser has it, else the caret position. */
export function recordAt(scanner: PageScanner | undefined, x: number, y: number): MentionRecord | undefined {
  if (!scanner) return undefined;
  const candidates = candidatesAt(scanner, x, y);
  return candidates.find((record) => [...record.range.getClientRects()].some((r) => x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1));
}

function candidatesAt(scanner: PageScanner, x: number, y: number): MentionRecord[] {
  const registry = typeof CSS !== 'undefined' ? (CSS.highlights as unknown as { highlightsFromPoint?(x: number, y: number): unknown[] } | undefined) : undefined;
  if (registry?.highlightsFromPoint && scanner.usesHighlights) {
    const hits = registry.highlightsFromPoint(x, y) as ({ ranges?: AbstractRange[] } | Highlight)[];
    const ranges = hits.flatMap((hit) => ('ranges' in hit && Array.isArray(hit.ranges) ? hit.ranges : []));
    if (ranges.length) return ranges.flatMap((range) => scanner.recordOf(range) ?? []);
    if (!hits.length) return [];
  }
  const caret = caretAt(x, y);
  return caret ? scanner.recordsAt(caret) : [];
}

function caretAt(x: number, y: number): Node | undefined {
  const doc = document as CaretDocument;
  if (doc.caretPositionFromPoint) return doc.caretPositionFromPoint(x, y)?.offsetNode ?? undefined;
  return doc.caretRangeFromPoint?.(x, y)?.startContainer ?? undefined;
}
