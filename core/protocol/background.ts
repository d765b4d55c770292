import { z } from 'zod';
import type { Entry } from '../dataset/schema';
import { draftLimits } from '../notes/drafts';
import { entityNoteDraftSchema, noteDraftSchema, type Note, type TextQuote } from '../notes/note';
import type { Settings } from '../settings/model';
import { settingsChangeSchema } from '../settings/schema';
import type { DraftSummary } from './frame';
import { editorTargetSchema } from './frame-schema';
import { route } from './route';

/**
 * What the background answers. Two protocols, one per kind of sender: content scripts (which speak for a web
 * page, identified only by the tab the message came from, never by the message) and extension pages (popup,
 * options, notes manager, the overlay frame). The background validates every request body with these schemas.
 */

const settingsRoutes = {
  /** The settings, migrated and complete. */
  'settings.get': route<{ settings: Settings }>()(z.object({}).strict()),
  /** One change, applied by the settings owner to the settings as they are then; answers what was stored. */
  'settings.change': route<{ settings: Settings }>()(z.object({ change: settingsChangeSchema }).strict()),
};

/** Page addresses can be long; a longer canonical link is ignored, never a reason to refuse a note. */
const pageAddress = z.string().max(100_000);

/**
 * What the content script needs to find a note on the page again: its id and its selectors (text the page already
 * has). Never what the reader wrote: bodies and tags go to the overlay frame only.
 */
export interface NoteAnchor {
  id: string;
  quote: TextQuote;
  position: { start: number; end: number };
}

const entriesGet = route<{ entries: Entry[] }>()(z.object({ ids: z.array(z.string().min(1).max(200)).min(1).max(1000) }).strict());

export const contentRoutes = {
  ...settingsRoutes,
  /** Where this tab's page notes are (to highlight their quotes and tell which note is under the pointer). */
  'notes.forPage': route<{ anchors: NoteAnchor[] }>()(z.object({ canonicalUrl: pageAddress.optional() }).strict()),
  /** Which of this page's notes were found again. */
  'notes.anchored': route<{ recorded: number }>()(
    z
      .object({
        canonicalUrl: pageAddress.optional(),
        results: z.array(z.object({ noteId: z.uuid(), anchored: z.boolean() }).strict()).max(10000),
      })
      .strict(),
  ),
  /** Unsaved notes written on this tab's page, to offer them back: what they are on and when, never their text. */
  'drafts.forPage': route<{ drafts: DraftSummary[] }>()(z.object({ canonicalUrl: pageAddress.optional() }).strict()),
};
export type ContentRoutes = typeof contentRoutes;

/**
 * Extension pages: the popup, options, the notes manager, and the overlay frame (which is in the reader's tab:
 * the routes about "this page" take the page from the tab it is in, `sender.tab`).
 */
export const pageRoutes = {
  ...settingsRoutes,
  'entries.get': entriesGet,
  /** A note on a quote of the page in the frame's tab. */
  'notes.add': route<{ note: Note }>()(
    z
      .object({
        draft: noteDraftSchema,
        /** The page's `link[rel=canonical]`, if any: used only when it is on the same origin as the page. */
        canonicalUrl: pageAddress.optional(),
        /**
         * The address the note was written on, when a single-page app has moved on since: used only when it is on
         * the same origin as the tab.
         */
        writtenAt: pageAddress.optional(),
        /** The page's title as it was when the note was written (cut to length, never refused). */
        title: z.string().max(100_000).optional(),
      })
      .strict(),
  ),
  'notes.addForEntity': route<{ note: Note }>()(z.object({ draft: entityNoteDraftSchema }).strict()),
  'notes.forEntity': route<{ notes: Note[] }>()(z.object({ entityId: z.string().min(1).max(200) }).strict()),
  /** Notes by id (live ones only): a note popover shows one. */
  'notes.get': route<{ notes: Note[] }>()(z.object({ ids: z.array(z.uuid()).min(1).max(100) }).strict()),
  /** Saves what the reader is writing, as they write it; answers when it was saved (none when nothing is written). */
  'drafts.save': route<{ savedAt?: string }>()(
    z.object({ target: editorTargetSchema, body: z.string().max(draftLimits.body), tagText: z.string().max(draftLimits.tagText) }).strict(),
  ),
  /** The unsaved note on a target, if there is one. */
  'drafts.get': route<{ draft?: { body: string; tagText: string; savedAt: string } }>()(z.object({ target: editorTargetSchema }).strict()),
  'drafts.discard': route<{ discarded: true }>()(z.object({ target: editorTargetSchema }).strict()),
  /**
   * Opens the notes manager: Chrome's side panel or Firefox's sidebar for the sender's tab where the browser allows
   * it (they need the reader's gesture), else the manager in a tab.
   */
  'manager.open': route<{ opened: 'side panel' | 'sidebar' | 'tab' }>()(z.object({}).strict()),
};
export type PageRoutes = typeof pageRoutes;
