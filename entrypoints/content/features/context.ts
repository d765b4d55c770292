import type { MatchableEntry, Matcher } from '../../../core/matcher/matcher';
import type { Settings } from '../../../core/settings/model';
import type { FrameHost } from '../frame-host';
import type { Contributions, Feature } from '../lifecycle';
import type { CardAction, Overlay } from '../overlay';
import type { MentionRecord, PageScanner } from '../page-scanner';
import type { UiHost } from '../ui-host';
import { caretNodeAt } from '../dom';

/** The reader's notes on this page, as the content script knows them: ids and where they are, never their text. */
export interface PageNotes {
  /** The note whose quote is under a viewport point, if any. */
  noteAt(x: number, y: number): { id: string; range: Range } | undefined;
  /** Scrolls to a note and shows it; false when it is not on the page (yet). */
  reveal(noteId: string): boolean;
}

/** What the features of one activation share about the page: filled by the features that own each part. */
export interface PageState {
  scanner?: PageScanner;
  notes?: PageNotes;
}

/** What every feature is started with. Script-wide parts (the UI host, the frame) outlive activations. */
export interface ContentContext {
  settings: Settings;
  /** Whether Watchwords highlights on this site (not paused, allowed). */
  active: boolean;
  /** The site (host and port), undefined on pages that are not web pages. */
  site: string | undefined;
  /** The site and this page's notes key, for "Not this". */
  where(): { site: string; page?: string };
  /** Whether the page is dark (its own background): our card and marks follow it. */
  dark: boolean;
  page: PageState;
  ui: UiHost;
  frame: FrameHost;
  overlay: Overlay;
  /** The matcher for the bundled terms and the reader's own (compiled in steps by the page scanner before its first scan). */
  matcher: Matcher;
  /** Every entity the matcher knows, by id (names for cards and "Not this"). */
  names: ReadonlyMap<string, MatchableEntry>;
  /** Starts every feature again (after "Show all", say). */
  restart(): void;
  /** What holds for this address until the page moves on: "Show all" highlights, drafts already offered. */
  flags: { showAllHighlights: boolean; offeredDrafts: Set<string> };
}

export type ContentFeature = Feature<ContentContext, Contributions<CardAction>>;

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
    const found = ranges.flatMap((range) => scanner.recordOf(range) ?? []);
    if (found.length) return found;
    // Our highlights still registered as we left them: nothing of ours is there. Otherwise the page emptied or
    // replaced the shared registry, and the caret decides.
    if (scanner.highlightsIntact) return [];
  }
  const caret = caretNodeAt(x, y);
  return caret ? scanner.recordsAt(caret) : [];
}
