import { z } from 'zod';
import { entityNoteDraftSchema, noteDraftSchema, type Note } from '../notes/note';
import type { Settings } from '../settings/model';
import { settingsChangeSchema } from '../settings/schema';
import type { CardEntry } from '../watchlist/runtime';
import { exportFormatIds, type ExportedText, type ImportSummary, type BackupInfo } from '../exchange/messages';
import { maxImportBytes } from '../exchange/safe-json';
import { noteLimits } from '../notes/note';
import { tagSchema, tagsSchema } from '../notes/tags';
import type { ConnectionReport, SyncOutcome, SyncStatus } from '../sync/types';
import { route } from './route';
import { watchlistContentRoutes, watchlistPageRoutes } from './watchlist';

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
  ...watchlistContentRoutes,
  /** Card data: bundled entries, and the reader's and packs' entries (with their `origin`). */
  'entries.get': route<{ entries: CardEntry[] }>()(z.object({ ids: z.array(z.string().min(1).max(200)).min(1).max(1000) }).strict()),
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
  /** How many mentions the page in the sending tab has now (for the toolbar button's badge). */
  'page.mentions': route<{ shown: boolean }>()(z.object({ total: z.int().min(0).max(10_000_000) }).strict()),
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

const noteIds = z.array(z.uuid()).min(1).max(100_000);
/** An import file's text, read by the page from the file the reader chose. */
const importText = z.object({ text: z.string().max(maxImportBytes) }).strict();

/** Notes the manager and the popup ask the background's notes repository for: the only way to change notes. */
const notesRoutes = {
  'notes.edit': route<{ note: Note | null }>()(z.object({ id: z.uuid(), body: z.string().max(noteLimits.body), tags: tagsSchema }).strict()),
  'notes.delete': route<{ count: number }>()(z.object({ ids: noteIds }).strict()),
  /** Undo of a delete, while the deleted notes still have their text (the undo window). */
  'notes.restore': route<{ count: number }>()(z.object({ ids: noteIds }).strict()),
  'notes.tag': route<{ count: number }>()(z.object({ ids: noteIds, tag: tagSchema }).strict()),
  /** An export file: text, or base64 for a zip. All notes, or only `ids` (the manager's current search). */
  'notes.export': route<ExportedText>()(z.object({ format: z.enum(exportFormatIds), ids: z.array(z.uuid()).max(100_000).optional() }).strict()),
  /** What importing would do; nothing is written. */
  'notes.import.plan': route<ImportSummary>()(importText),
  /** Imports, after a backup, in one transaction. */
  'notes.import.apply': route<ImportSummary & { backupId: number }>()(importText),
  'notes.backups': route<{ backups: BackupInfo[] }>()(z.object({}).strict()),
  'notes.backups.restore': route<{ count: number }>()(z.object({ id: z.int().min(1) }).strict()),
};

const serverFields = { url: z.string().min(1).max(2000), username: z.string().max(500), password: z.string().max(2000) };

/**
 * Sync over WebDAV. The password is sent once, from the manager's form, and kept by the background; no answer
 * ever carries it (or the encryption key) back.
 */
const syncRoutes = {
  'sync.status': route<SyncStatus>()(z.object({}).strict()),
  /** "Test connection": the Zotero sequence; `createFolder` makes a missing folder. */
  'sync.test': route<ConnectionReport>()(z.object({ ...serverFields, createFolder: z.boolean().optional() }).strict()),
  /** Saves the server and syncs once. A passphrase starts an encrypted library, or unlocks one. */
  'sync.configure': route<SyncOutcome>()(z.object({ ...serverFields, passphrase: z.string().max(1000).optional() }).strict()),
  /** "Sync now"; after a question, the reader's answer (go on deleting, or take the library in the folder). */
  'sync.now': route<SyncOutcome>()(z.object({ allowDeletes: z.boolean().optional(), adoptLibrary: z.boolean().optional() }).strict()),
  'sync.forget': route<{ forgotten: true }>()(z.object({}).strict()),
};

export const pageRoutes = {
  ...settingsRoutes,
  ...watchlistPageRoutes,
  ...notesRoutes,
  ...syncRoutes,
  /**
   * "Open" in the notes manager: brings forward the tab that shows the note's page (or opens it) and shows the
   * note there — without putting anything in the page's address.
   */
  'notes.open': route<{ how: 'shown' | 'opened' }>()(z.object({ noteId: z.uuid() }).strict()),
};
export type PageRoutes = typeof pageRoutes;
