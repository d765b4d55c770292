import { anchorQuote } from '../../core/anchoring/anchor';
import type { Note } from '../../core/notes/note';
import { ask } from '../../lib/messaging';
import { collectPageText } from '../../lib/page-text';
import type { OverlayStore } from './overlay-store';
import { rangeIn } from './page-scanner';

/** The highlight of the reader's own notes on the page. */
export const noteHighlightName = 'watchwords-note';
/** Later content (a slow article body, "load more") gets the orphans a new chance, at most this often. */
const retryDelay = 500;

export interface AnchoredNote {
  note: Note;
  range: Range;
}

/** The page's `link[rel=canonical]`, if any (the background only trusts it on the tab's own site). */
export function canonicalUrl(): string | undefined {
  const href = document.querySelector<HTMLLinkElement>('link[rel~="canonical"]')?.href;
  return href && /^https?:/.test(href) ? href : undefined;
}

/**
 * Shows the reader's notes on this page again: each is found by its position, its quote, or a close match of the
 * quote (core/anchoring); the found ones get their own highlight, the others are orphans (kept, and listed in the
 * notes manager) and are tried again as content arrives.
 */
export function showPageNotes(options: { store: OverlayStore; signal: AbortSignal }) {
  const { store, signal } = options;
  const anchored = new Map<string, AnchoredNote>();
  let notes: Note[] = [];
  let reported = new Map<string, boolean>();
  let highlight: Highlight | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const highlightOf = () => {
    if (!highlight && typeof Highlight === 'function') {
      highlight = new Highlight();
      highlight.priority = 1;
      CSS.highlights.set(noteHighlightName, highlight);
    }
    return highlight;
  };

  const anchorAll = async () => {
    if (signal.aborted || !document.body) return;
    for (const [id, { range }] of anchored) {
      if (range.collapsed || !range.startContainer.isConnected) {
        highlight?.delete(range);
        anchored.delete(id);
      }
    }
    const waiting = notes.filter((note) => !anchored.has(note.id) && note.target.kind === 'page');
    if (waiting.length) {
      const page = collectPageText(document.body);
      for (const note of waiting) {
        if (note.target.kind !== 'page') continue;
        const anchor = anchorQuote(page.text, note.target.quote, note.target.position);
        if (!anchor) continue;
        const range = rangeIn(page, anchor.start, anchor.end);
        anchored.set(note.id, { note, range });
        highlightOf()?.add(range);
      }
    }
    await report();
  };

  /** Tells the background which notes were found, when that changed. */
  const report = async () => {
    const results = notes.map((note) => ({ noteId: note.id, anchored: anchored.has(note.id) }));
    const changed = results.filter((result) => reported.get(result.noteId) !== result.anchored);
    if (!changed.length) return;
    reported = new Map(results.map((result) => [result.noteId, result.anchored]));
    await ask({ type: 'notes.anchored', canonicalUrl: canonicalUrl(), results: changed }).catch(() => undefined);
  };

  const observer = new MutationObserver(() => {
    if (notes.length === anchored.size) return;
    clearTimeout(timer);
    timer = setTimeout(() => void anchorAll(), retryDelay);
  });

  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
    CSS.highlights?.delete(noteHighlightName);
  });

  return {
    async load() {
      try {
        notes = (await ask({ type: 'notes.forPage', canonicalUrl: canonicalUrl() })).notes;
      } catch {
        return;
      }
      if (document.body) observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      await anchorAll();
    },
    /** A note just saved on this page: shown at once where it was written. */
    added(note: Note, range: Range) {
      notes = [...notes, note];
      anchored.set(note.id, { note, range: range.cloneRange() });
      highlightOf()?.add(anchored.get(note.id)!.range);
      reported.set(note.id, true);
    },
    /** Scrolls to one of this page's notes and shows it; false when it is not anchored on the page. */
    reveal(noteId: string): boolean {
      const found = anchored.get(noteId);
      if (!found) return false;
      found.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      store.update({ note: { ...found, pinned: true } });
      return true;
    },
    /** The note under a viewport point, if any. */
    noteAt(x: number, y: number): AnchoredNote | undefined {
      for (const found of anchored.values()) {
        if ([...found.range.getClientRects()].some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom)) return found;
      }
      return undefined;
    },
  };
}
