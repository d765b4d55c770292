import type { Kind } from '../dataset/kinds';
import type { MatchableEntry } from '../matcher/matcher';

/**
 * Requests the background and extension pages send to a tab's content script (`tabs.sendMessage`); only the
 * extension can send these. Types only: the content script carries no validator, and checks each field it uses.
 */
/** A request with nothing but its type. */
type Empty = Record<never, never>;

export interface TabRoutes {
  /** What the reader sees on this page: for the popup's "On this page". */
  'page.summary': { request: Empty; response: PageSummary };
  /** Scroll to an entity's first mention (after the current one, if it is open), open its card and focus it. */
  'page.reveal': { request: { entityId: string }; response: { found: boolean } };
  /** Go to the next mention in document order: scroll, open its card, focus it (the keyboard command). */
  'page.next': { request: Empty; response: { found: boolean } };
  /** Say through the live region how many mentions were found. */
  'page.announce': { request: Empty; response: { total: number } };
  /** Open the note editor on the current selection (context menu, keyboard shortcut). */
  'notes.fromSelection': { request: Empty; response: { opened: boolean } };
  /**
   * Scroll to one of this page's notes and show it ("Open" in the notes manager). `found` is false when the note
   * is not anchored on the page (yet): the background may ask again once the page has loaded its notes.
   */
  'notes.reveal': { request: { noteId: string }; response: { found: boolean } };
  /** The "Watch this name" preview: how many mentions these candidate terms would find on this page. */
  'watchlist.count': { request: { terms: MatchableEntry[] }; response: { mentions: number } };
  /** The selected text (to prefill "Watch this name" from the keyboard command). */
  'page.selection': { request: Empty; response: { text: string } };
}

export type TabRequest = { [K in keyof TabRoutes]: { type: K } & TabRoutes[K]['request'] }[keyof TabRoutes];
export type TabResponse<K extends keyof TabRoutes> = TabRoutes[K]['response'];

/** Every tab request answered, each with its own response type. */
export type TabHandlers = {
  [K in keyof TabRoutes]: (request: TabRoutes[K]['request']) => Promise<TabResponse<K>> | TabResponse<K>;
};

export interface PageSummary {
  /** False when Watchwords is paused (or not allowed) on this site. */
  active: boolean;
  /** The page's address (the popup has no other way to learn it without the "tabs" permission). */
  url: string;
  /** The page's canonical address, if it names one: notes may be kept under it (core/notes/page-url.ts). */
  canonicalUrl?: string;
  site: string;
  total: number;
  /** One row per entity, in order of first appearance. */
  entities: { id: string; name: string; kind: Kind; count: number }[];
}
