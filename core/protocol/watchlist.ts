import { z } from 'zod';
import type { MatchableEntry } from '../matcher/matcher';
import type { ImportReport } from '../watchlist/pack';
import { packLimits, packMetaSchema } from '../watchlist/pack';
import { reportDraftSchema, type Report } from '../watchlist/reports';
import type { Collision } from '../watchlist/runtime';
import type { WatchlistView } from '../watchlist/view';
import { route } from './route';

/**
 * Routes of the reader's watchlist (issue 14): the runtime dataset's extra terms for content scripts, the
 * "Watch this name" and "Report a mistake" forms, the Watchlist page, packs and reports. Joined to the protocols
 * in ./background.ts; answered by the runtime dataset (lib/runtime-dataset.ts) in the background.
 */

const entityId = z.string().min(1).max(200);
const selection = z.string().max(1000);

/** What opens the report form: the card's entity, the words on the page, the page. */
const reportContext = z
  .object({
    kind: z.enum(['wrong-match', 'missing-name', 'wrong-fact']).optional(),
    entityId: entityId.optional(),
    entityName: z.string().min(1).max(300).optional(),
    text: selection.optional(),
  })
  .strict();

/**
 * "Watch this name" opens the form prefilled with `text`, and "Report a mistake" the report form, for the sending
 * tab: the content script's tab, or the tab an extension frame is in (the in-page UI's buttons, the context menu).
 */
const formRoutes = {
  'watch.open': route<{ opened: boolean }>()(z.object({ text: selection }).strict()),
  'report.open': route<{ opened: boolean }>()(reportContext),
};

/** An extension page may open the forms for a tab of its choosing (the popup, or a test acting as the context menu). */
const tabId = z.int().min(0).optional();
const pageFormRoutes = {
  'watch.open': route<{ opened: boolean }>()(z.object({ text: selection, tabId }).strict()),
  'report.open': route<{ opened: boolean }>()(reportContext.extend({ tabId }).strict()),
};

export const watchlistContentRoutes = {
  ...formRoutes,
  /** The reader's and packs' entries, for the matcher (asked when the revision in storage changes). */
  'dataset.terms': route<{ revision: number; terms: MatchableEntry[] }>()(z.object({}).strict()),
  /** How often the reader's and packs' entries were found on the sending tab's page. */
  'watchlist.seen': route<{ recorded: number }>()(
    z
      .object({
        counts: z
          .record(entityId, z.int().min(0).max(1_000_000))
          .refine((counts) => Object.keys(counts).length <= 10_000, 'at most 10,000 entries at once'),
        /** The page's title, to list where an entry was seen (cut to length, never refused). */
        title: z.string().max(100_000).optional(),
      })
      .strict(),
  ),
};

/** A form's entry as typed (checked by the background, which answers the problems in words). */
const draft = z.record(z.string().max(40), z.unknown());

export const watchlistPageRoutes = {
  ...pageFormRoutes,
  /** The form's preview: problems, terms shared with existing entries, mentions on the tab's page (null: unknown). */
  'watchlist.preview': route<{ problems: string[]; collisions: Collision[]; mentions: number | null }>()(
    z.object({ entry: draft, replaces: entityId.optional(), tabId: z.int().min(0).optional() }).strict(),
  ),
  'watchlist.save': route<{ id: string; revision: number }>()(z.object({ entry: draft, replaces: entityId.optional() }).strict()),
  'watchlist.delete': route<{ revision: number }>()(z.object({ id: entityId }).strict()),
  /** Everything the Watchlist page shows (typed in lib/runtime-dataset.ts `WatchlistView`). */
  'watchlist.get': route<{ view: WatchlistView }>()(z.object({}).strict()),
  /** Reads a pack file's text (or fetches an https address the reader typed) and answers what importing it would do. */
  'packs.preview': route<{ token: string; report: ImportReport } | { error: string }>()(
    z.union([
      z.object({ text: z.string().max(packLimits.chars * 4), from: z.string().min(1).max(300) }).strict(),
      z.object({ url: z.string().min(1).max(2000) }).strict(),
    ]),
  ),
  'packs.apply': route<{ revision: number; packId: string }>()(z.object({ token: z.string().min(1).max(100) }).strict()),
  'packs.enable': route<{ revision: number }>()(z.object({ id: packMetaSchema.shape.id, enabled: z.boolean() }).strict()),
  'packs.remove': route<{ revision: number }>()(z.object({ id: packMetaSchema.shape.id }).strict()),
  'packs.export': route<{ fileName: string; text: string }>()(
    z.object({ name: packMetaSchema.shape.name, author: packMetaSchema.shape.author, description: z.string().max(500).optional() }).strict(),
  ),
  'reports.add': route<{ report: Report }>()(z.object({ draft: reportDraftSchema }).strict()),
  'reports.delete': route<{ deleted: boolean }>()(z.object({ id: z.string().min(1).max(100) }).strict()),
  'reports.export': route<{ fileName: string; text: string }>()(z.object({}).strict()),
};
