import type { TextQuote } from '../notes/note';

/**
 * The overlay frame: an extension page (entrypoints/overlay) in an `<iframe>` the content script places in its
 * closed shadow root. Everything that shows what the reader wrote (cards with entity notes, note popovers, the note
 * editor, drafts) is drawn there, in the extension's origin, where the page can neither read nor type.
 *
 * The content script (the "host") and the frame never talk directly (no `window.postMessage`: the page could read
 * and forge it). Each holds a runtime port to the background, which pairs them by tab and by a one-time nonce the
 * host put in the frame's address, and relays between the two. Web pages cannot open runtime ports to an extension.
 *
 * What crosses: the host sends what it knows about the page (an entity id, the mention's text, a quote, where to
 * fit); the frame answers with its size and the reader's choices. Note bodies and tags never reach the host: the
 * frame asks the background for them (core/protocol/background.ts, page routes).
 *
 * Types only, so the content script (which carries no validator) can import them; the background validates both
 * directions with core/protocol/frame-schema.ts.
 */

/** The host's port to the background. */
export const hostPortName = 'watchwords-host';
/** The frame's port to the background: this prefix, then the nonce from its address (`overlay.html#NONCE`). */
export const framePortPrefix = 'watchwords-frame:';
/** A nonce is 32 lower-case hex digits (128 random bits). */
export const noncePattern = /^[0-9a-f]{32}$/;

/** Where a page note is being written, as it was when the reader selected the quote. */
export interface NotePlace {
  writtenAt: string;
  title: string;
  canonicalUrl?: string;
}

/** What a note is being written on: a quote of the page, or an entity (from its card). */
export type EditorTarget =
  | { kind: 'page'; quote: TextQuote; position: { start: number; end: number }; page: NotePlace }
  | { kind: 'entity'; entityId: string; name: string };

/** An unsaved note the reader may take up again: what it was on and when it was last saved, never its text. */
export interface DraftSummary {
  target: EditorTarget;
  savedAt: string;
}

/**
 * A button the host adds to a card or a notice. The frame draws it and sends `action` with its id when the reader
 * presses it; the host runs it. `guarded`: it changes settings, so it is refused unless the frame is plainly
 * visible (not transparent, hidden, filtered or covered). `mentionOnly`: only on the card of the mention pointed at,
 * not on a related entity's card reached from it.
 */
export interface ButtonView {
  id: string;
  label: string;
  title?: string;
  guarded?: boolean;
  mentionOnly?: boolean;
  primary?: boolean;
}

/** How the frame should look: dark on a dark page; `maxHeight` is the room it has beside its anchor (CSS px). */
export interface Look {
  dark: boolean;
  maxHeight: number;
}

/**
 * Every view the host shows is numbered (`view`, counting up on each `show` and `hide`), and the frame's answers
 * about a view carry its number: the host ignores answers about a view it has replaced (a "Note saved" that closes
 * itself just as the reader points at the next mention must not close the card that replaced it).
 */
export type HostToFrame =
  /** An entity's card, opened on a mention of `mentionEntityId` reading `mentionText`. */
  | { type: 'card'; view: number; entityId: string; mentionEntityId: string; mentionText: string; actions: ButtonView[]; focus: boolean; look: Look }
  /** One of the reader's page notes. */
  | { type: 'note'; view: number; noteId: string; focus: boolean; look: Look }
  /** The note editor (with the saved draft for that target, if there is one). */
  | { type: 'editor'; view: number; target: EditorTarget; look: Look }
  /** "Resume your unsaved note from 14:02?" */
  | { type: 'offer'; view: number; drafts: DraftSummary[]; look: Look }
  /** What an action did, with what can follow it (Undo…). */
  | { type: 'notice'; view: number; text: string; actions: ButtonView[]; look: Look }
  /** The host's answer to a guarded action it refused. */
  | { type: 'refused'; text: string }
  | { type: 'hide'; view: number };

/** A view as the host asks for it (the frame host numbers it). */
export type ViewRequest = HostToFrame extends infer T ? (T extends { view: number } ? Omit<T, 'view'> : never) : never;

export type FrameToHost =
  | { type: 'ready' }
  /** The size of what the frame shows, in CSS px (0 × 0 when it shows nothing). */
  | { type: 'size'; view: number; width: number; height: number }
  /** The reader closed what the frame shows (Escape, Close, Cancel); focus goes back where it was. */
  | { type: 'close'; view: number; returnFocus: boolean }
  /**
   * A host button was pressed, at `point` in the frame's viewport. `visible`: the frame saw itself unobstructed for
   * long enough (IntersectionObserver v2), or undefined where the browser cannot tell.
   */
  | { type: 'action'; view: number; id: string; entityId?: string; point: { x: number; y: number }; visible?: boolean }
  /** The card now shows another entity (a related one, or Back). */
  | { type: 'showing'; view: number; entityId: string }
  /** A note was saved (a page note's id, so the host can highlight its quote). */
  | { type: 'saved'; view: number; target: 'page' | 'entity'; noteId: string }
  /** The reader takes up an offered draft. */
  | { type: 'resume'; view: number; target: EditorTarget }
  /** The reader works in the frame (typing, a button): it stays open whatever the pointer does. */
  | { type: 'engaged'; view: number }
  /**
   * Sent now and then while the frame shows something, and not relayed: Chrome stops an idle background, which
   * would cut the frame off from the host while the reader is still reading or writing.
   */
  | { type: 'keepalive' };

/**
 * Between the host and the background, on the host's port. `page`: the page's address now (a single-page app moves
 * on without reloading); the frame's requests about "this page" are about it (the browser gives extensions a tab's
 * address only with the "tabs" permission, which Watchwords does without).
 */
export type HostEnvelope = { kind: 'expect'; nonce: string } | { kind: 'send'; message: HostToFrame } | { kind: 'page'; url: string };
/**
 * `welcome` comes first on every new host port: the overlay page's address. Chrome gives web-accessible pages a
 * per-session address (`use_dynamic_url`) that only the extension's own pages can ask `runtime.getURL` for.
 */
export type BackgroundToHost = { kind: 'welcome'; frameUrl: string } | { kind: 'paired'; nonce: string } | { kind: 'gone'; nonce: string } | { kind: 'message'; nonce: string; message: FrameToHost };
