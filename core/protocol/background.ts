import { z } from 'zod';
import { draftLimits } from '../notes/drafts';
import { entityNoteDraftSchema, noteDraftSchema, type Note, type TextQuote } from '../notes/note';
import type { Settings } from '../settings/model';
import { settingsChangeSchema } from '../settings/schema';
import type { CardEntry } from '../watchlist/runtime';
import { exportFormatIds, type ExportedText, type ImportSummary, type BackupInfo } from '../exchange/messages';
import { maxImportBytes } from '../exchange/safe-json';
import { noteLimits } from '../notes/note';
import { tagSchema, tagsSchema } from '../notes/tags';
import type { ConnectionReport, SyncOutcome, SyncStatus } from '../sync/types';
import type { DraftSummary } from './frame';
import { editorTargetSchema } from './frame-schema';
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

/**
 * What the content script needs to find a note on the page again: its id and its selectors (text the page already
 * has). Never what the reader wrote: bodies and tags go to the overlay frame only (core/protocol/frame.ts).
 */
export interface NoteAnchor {
  id: string;
  quote: TextQuote;
  position: { start: number; end: number };
}

export const contentRoutes = {
  ...settingsRoutes,
  ...watchlistContentRoutes,
  /** Where this tab's page notes are (to mark their quotes and tell which note is under the pointer). */
  'notes.forPage': route<{ anchors: NoteAnchor[] }>()(z.object({ canonicalUrl: pageAddress.optional() }).strict()),
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
  /** Unsaved notes written on this tab's page, to offer them back: what they are on and when, never their text. */
  'drafts.forPage': route<{ drafts: DraftSummary[] }>()(z.object({ canonicalUrl: pageAddress.optional() }).strict()),
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

/**
 * What the overlay frame asks (an extension page in the reader's tab: the routes about "this page" take the page
 * from the tab it is in, `sender.tab`). Note text is read and written here, never through the content script.
 */
const frameRoutes = {
  /** Card data: bundled entries, and the reader's and packs' entries (with their `origin`). */
  'entries.get': route<{ entries: CardEntry[] }>()(z.object({ ids: z.array(z.string().min(1).max(200)).min(1).max(1000) }).strict()),
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
  'manager.open': route<{ opened: true }>()(z.object({}).strict()),
};

export const pageRoutes = {
  ...settingsRoutes,
  ...watchlistPageRoutes,
  ...notesRoutes,
  ...syncRoutes,
  ...frameRoutes,
  /**
   * "Open" in the notes manager: brings forward the tab that shows the note's page (or opens it) and shows the
   * note there — without putting anything in the page's address.
   */
  'notes.open': route<{ how: 'shown' | 'opened' }>()(z.object({ noteId: z.uuid() }).strict()),
};
export type PageRoutes = typeof pageRoutes;
