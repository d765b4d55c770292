import type { Entry } from '../core/dataset/schema';
import { citationCard } from '../core/matcher/official-numbers';
import { datasetLookup } from '../core/exchange/dataset-lookup';
import { exportedText } from '../core/exchange/messages';
import { exportFormat } from '../core/exchange/registry';
import { summariseImport, type ImportReport } from '../core/exchange/import';
import { ImportError } from '../core/exchange/safe-json';
import { ClockError } from '../core/notes/clock';
import { notePageAddress } from '../core/notes/page-url';
import { contentRoutes, pageRoutes, type ContentRoutes, type PageRoutes } from '../core/protocol/background';
import { createDispatcher, malformedRequest, Refusal, type Handlers, type Reply } from '../core/protocol/route';
import { browser } from 'wxt/browser';
import { createDraftStore, type DraftStore } from './drafts';
import type { NotesDatabase } from './notes-db';
import { NotesRepository } from './notes-repository';
import type { PageTabs } from './page-tabs';
import type { SyncService } from './sync/service';
import { loadSettings } from './settings';
import type { SettingsOwner } from './settings-owner';
import { createWatchlistHandlers, watchlistUnavailable, type WatchlistDeps } from './watchlist-handlers';

/**
 * Who sent a message, as the browser tells (runtime.MessageSender); never taken from the message itself. Without the
 * "tabs" permission the browser gives a tab's id and window but not its address or title: the page is `url`.
 */
export interface Sender {
  /** The address of the document that sent it (a web page for content scripts, an extension page otherwise). */
  url?: string;
  tab?: { id?: number; windowId?: number; incognito?: boolean };
}

/** Page titles longer than this are cut, never refused. */
export const maxTitleLength = 1000;

/**
 * Answers every message to the background: from content scripts (for the web page in their tab) and from
 * extension pages. Every request is validated against its protocol (core/protocol/background.ts) before a
 * handler sees it.
 */
export function createRequestHandler(deps: {
  db: NotesDatabase;
  entries: readonly Entry[];
  settings: SettingsOwner;
  /** The one writer of notes (made here from `db` when not given). */
  notes?: NotesRepository;
  /** Sync over WebDAV (the background gives it; absent in tests that do not sync). */
  sync?: SyncService;
  /** The extension's own origin with a trailing slash (browser.runtime.getURL('')). */
  extensionOrigin: string;
  /**
   * Whether a sender's address is one of the extension's own pages. By default, any address of the extension's
   * scheme: messages reach the background only from the extension's own contexts, and Chrome shows the overlay
   * frame under a per-session address (`use_dynamic_url`), not under `extensionOrigin`.
   */
  isExtensionPage?(url: string | undefined): boolean;
  /** Unsaved notes (kept in storage.local by default). */
  drafts?: DraftStore;
  /**
   * The page in a tab, as the content script that placed the overlay frame there says (lib/frame-relay.ts): the page
   * the frame's requests are about.
   */
  framePage?(tabId: number): string | undefined;
  /** Opens the notes manager beside a window's tab (side panel, sidebar, or a tab of its own): lib/manager.ts. */
  openManager?(windowId: number | undefined): Promise<void>;
  /** Shows a tab's mention count on the toolbar button ('' clears it). */
  setBadge?: (tabId: number, text: string) => Promise<void>;
  /** Which tab shows which page, for "Open". */
  pageTabs?: PageTabs;
  /** The runtime dataset (the reader's entries and packs) and what its routes need of the browser. */
  watchlist?: WatchlistDeps;
  now?: () => Date;
}) {
  const watchlist = deps.watchlist ? createWatchlistHandlers(deps.watchlist) : watchlistUnavailable();
  /** A card's entry: the runtime dataset's (bundled, the reader's, a pack's), or a bundled one. */
  const entryOf = async (id: string) => (await deps.watchlist?.dataset.entry(id)) ?? byId.get(id);
  const byId = new Map(deps.entries.map((entry) => [entry.id, entry]));
  const now = deps.now ?? (() => new Date());
  // The one writer of notes; everything else here only reads.
  const notes = deps.notes ?? new NotesRepository(deps.db, { now: () => now().getTime() });
  const sync = () => deps.sync ?? (() => {
    throw new Refusal('Sync is not available here.');
  })();
  let lookup: ReturnType<typeof datasetLookup> | undefined;
  const dataset = () => (lookup ??= datasetLookup(deps.entries));
  const drafts = deps.drafts ?? createDraftStore(browser.storage.local);
  const extensionScheme = new URL(deps.extensionOrigin).protocol;
  const isExtensionPage =
    deps.isExtensionPage ??
    ((url: string | undefined) => {
      try {
        return url !== undefined && new URL(url).protocol === extensionScheme;
      } catch {
        return false;
      }
    });
  /** The web page a content script speaks for: the document it runs in. */
  const pageOf = (sender: Sender) => sender.url;
  /**
   * The web page the overlay frame is shown over: the page of the content script that placed it in that tab (the
   * browser does not give the tab's address without the "tabs" permission; see `framePage`).
   */
  const tabPageOf = (sender: Sender) => {
    const url = sender.tab?.id === undefined ? undefined : deps.framePage?.(sender.tab.id);
    if (!url || !/^https?:/.test(url)) throw new Refusal('Notes can only be added on web pages.');
    return url;
  };

  /** The notes of the page in the sending tab, under its address or its canonical one. */
  const notesOfTab = async (sender: Sender, canonicalUrl?: string) => {
    const page = pageOf(sender);
    const address = page ? notePageAddress(page, canonicalUrl) : undefined;
    if (!address) return [];
    if (sender.tab) deps.pageTabs?.record(sender.tab, [address.url, ...address.alternateUrls]);
    const found = await Promise.all([address.url, ...address.alternateUrls].map((url) => deps.db.pageNotes(url)));
    return [...new Map(found.flat().map((note) => [note.id, note])).values()];
  };

  const settingsHandlers = {
    'settings.get': async () => ({ settings: await loadSettings() }),
    'settings.change': async ({ change }) => ({ settings: await deps.settings.apply(change) }),
  } satisfies Partial<Handlers<ContentRoutes, Sender>>;

  const content: Handlers<ContentRoutes, Sender> = {
    ...settingsHandlers,
    ...watchlist.content,
    'notes.forPage': async ({ canonicalUrl }, sender) => ({
      anchors: (await notesOfTab(sender, canonicalUrl)).flatMap((note) =>
        note.target.kind === 'page' ? [{ id: note.id, quote: note.target.quote, position: note.target.position }] : [],
      ),
    }),
    'page.mentions': async ({ total }, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined || !deps.setBadge) return { shown: false };
      const { showBadge } = await loadSettings();
      await deps.setBadge(tabId, showBadge && total > 0 ? badgeText(total) : '');
      return { shown: showBadge && total > 0 };
    },
    'notes.anchored': async ({ canonicalUrl, results }, sender) => {
      // Only this tab's own notes can be marked.
      const own = new Set((await notesOfTab(sender, canonicalUrl)).map((note) => note.id));
      const mine = results.filter((result) => own.has(result.noteId));
      await deps.db.recordAnchoring(mine, now());
      if (sender.tab?.id !== undefined) void deps.pageTabs?.anchored(sender.tab.id);
      return { recorded: mine.length };
    },
    'drafts.forPage': async ({ canonicalUrl }, sender) => {
      const page = pageOf(sender);
      return { drafts: page ? await drafts.forPage(page, canonicalUrl) : [] };
    },
  };

  const page: Handlers<PageRoutes, Sender> = {
    ...settingsHandlers,
    ...watchlist.page,
    'entries.get': async ({ ids }) => ({
      entries: (await Promise.all(ids.map(async (id) => (await entryOf(id)) ?? citationCard(id, now().toISOString().slice(0, 10))))).flatMap((entry) => entry ?? []),
    }),
    'notes.add': async ({ draft, canonicalUrl, writtenAt, title }, sender) => {
      const tabPage = tabPageOf(sender);
      // A single-page app may have moved on since the note was begun: it is filed where it was written, on the
      // same origin only.
      const written = writtenAt && sameOrigin(writtenAt, tabPage) ? writtenAt : tabPage;
      const address = notePageAddress(written, canonicalUrl);
      if (!address) throw new Refusal('Notes can only be added on web pages.');
      const pageTitle = (title ?? '').slice(0, maxTitleLength);
      const { quote, position, body, tags } = draft;
      const note = await notes.add({ kind: 'page', ...address, title: pageTitle, quote, position }, body, tags);
      // The draft it was written from is done with.
      await drafts.discard({ kind: 'page', quote, position, page: { writtenAt: written, title: pageTitle, canonicalUrl } }, tabPage).catch(() => undefined);
      return { note };
    },
    'notes.addForEntity': async ({ draft }, sender) => {
      const entry = await entryOf(draft.entityId);
      if (!entry) throw new Refusal('Notes can only be kept on entities Watchwords knows.');
      const note = await notes.add({ kind: 'entity', entityId: draft.entityId }, draft.body, draft.tags);
      const tabPage = sender.tab?.id === undefined ? undefined : deps.framePage?.(sender.tab.id);
      if (tabPage) await drafts.discard({ kind: 'entity', entityId: entry.id, name: entry.name }, tabPage).catch(() => undefined);
      return { note };
    },
    'notes.forEntity': async ({ entityId }) => ({ notes: await deps.db.entityNotes(entityId) }),
    'notes.get': async ({ ids }) => ({ notes: await deps.db.liveNotes(ids) }),
    'drafts.save': async ({ target, body, tagText }, sender) => {
      const savedAt = await drafts.save(target, body, tagText, tabPageOf(sender));
      return savedAt ? { savedAt } : {};
    },
    'drafts.get': async ({ target }, sender) => {
      const found = await drafts.get(target, tabPageOf(sender));
      return found ? { draft: { body: found.body, tagText: found.tagText, savedAt: found.savedAt } } : {};
    },
    'drafts.discard': async ({ target }, sender) => {
      await drafts.discard(target, tabPageOf(sender));
      return { discarded: true };
    },
    'manager.open': async (_, sender) => {
      if (!deps.openManager) throw new Refusal('Watchwords cannot open its notes here.');
      await deps.openManager(sender.tab?.windowId);
      return { opened: true as const };
    },
    'notes.edit': async ({ id, body, tags }) => ({ note: (await notes.edit(id, { body, tags })) ?? null }),
    'notes.delete': async ({ ids }) => ({ count: await notes.delete(ids) }),
    'notes.restore': async ({ ids }) => ({ count: await notes.restore(ids) }),
    'notes.tag': async ({ ids, tag }) => ({ count: await notes.tag(ids, tag) }),
    'notes.export': async ({ format, ids }) => exportedText(exportFormat(format).export({ states: await notes.states(ids), now: now(), ...dataset() })),
    'notes.import.plan': async ({ text }) => importSummary(await notes.planImport(text)),
    'notes.import.apply': async ({ text }) => {
      const { report, backupId } = await notes.import(text, dataset().datasetVersion);
      return { ...importSummary(report), backupId };
    },
    'notes.backups': async () => ({ backups: (await notes.backups()).map(({ id, createdAt, reason, noteCount }) => ({ id: id!, createdAt, reason, noteCount })) }),
    'notes.backups.restore': async ({ id }) => ({ count: await notes.restoreBackup(id) }),
    'sync.status': () => sync().status(),
    'sync.test': (options) => sync().test(options),
    'sync.configure': (options) => sync().configure(options),
    'sync.now': (run) => sync().syncNow(run),
    'sync.forget': async () => {
      await sync().forget();
      return { forgotten: true as const };
    },
    'notes.open': async ({ noteId }) => {
      const note = await deps.db.notes.get(noteId);
      if (!note || note.deletedAt !== null || note.target.kind !== 'page') throw new Refusal('That note is not a note on a page.');
      if (!deps.pageTabs) throw new Refusal('Watchwords cannot open pages from here.');
      return { how: await deps.pageTabs.open(note) };
    },
  };

  const fromContent = createDispatcher(contentRoutes, content, describeFailure);
  const fromPage = createDispatcher(pageRoutes, page, describeFailure);

  return function handle(message: unknown, sender: Sender): Promise<Reply> {
    if (isExtensionPage(sender.url)) return fromPage(message, sender);
    if (sender.tab) return fromContent(message, sender);
    return Promise.resolve({ ok: false, error: malformedRequest });
  };
}

/** A count that fits the toolbar button: up to 999, then "1k+"… */
export function badgeText(total: number): string {
  return total < 1000 ? String(total) : `${Math.min(99, Math.floor(total / 1000))}k+`;
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

function describeFailure(error: unknown): string {
  const name = (error as { name?: string })?.name;
  if (name === 'QuotaExceededError' || (error as { inner?: { name?: string } })?.inner?.name === 'QuotaExceededError') {
    return 'Your browser has no room left for Watchwords notes; nothing was saved. Free some disk space and try again.';
  }
  if (error instanceof Refusal || error instanceof ImportError || error instanceof ClockError) return error.message;
  return `Watchwords could not save: ${(error as Error)?.message ?? String(error)}`;
}

function importSummary(report: ImportReport) {
  return { format: report.format, version: report.version, counts: report.counts, rejected: report.rejected.slice(0, 50), summary: summariseImport(report) };
}
