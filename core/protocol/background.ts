import { z } from 'zod';
import type { Entry } from '../dataset/schema';
import { entityNoteDraftSchema, noteDraftSchema, type Note } from '../notes/note';
import type { Settings } from '../settings/model';
import { settingsChangeSchema } from '../settings/schema';
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

export const contentRoutes = {
  ...settingsRoutes,
  'entries.get': route<{ entries: Entry[] }>()(z.object({ ids: z.array(z.string().min(1).max(200)).min(1).max(1000) }).strict()),
  /** A note on a quote of the page in the sending tab. */
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
  /** This tab's page notes, to anchor them again. */
  'notes.forPage': route<{ notes: Note[] }>()(z.object({ canonicalUrl: pageAddress.optional() }).strict()),
  /** Which of this page's notes were found again. */
  'notes.anchored': route<{ recorded: number }>()(
    z
      .object({
        canonicalUrl: pageAddress.optional(),
        results: z.array(z.object({ noteId: z.uuid(), anchored: z.boolean() }).strict()).max(10000),
      })
      .strict(),
  ),
};
export type ContentRoutes = typeof contentRoutes;

export const pageRoutes = {
  ...settingsRoutes,
  /**
   * The tab that shows one of these page addresses (a note's address and its alternates), as the tabs' content
   * scripts reported them: for "Open" in the notes manager, without the "tabs" permission.
   */
  'pages.findTab': route<{ tab?: { id: number; windowId: number } }>()(z.object({ urls: z.array(pageAddress).min(1).max(21) }).strict()),
};
export type PageRoutes = typeof pageRoutes;
