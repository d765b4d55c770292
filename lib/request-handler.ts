import type { Entry } from '../core/dataset/schema';
import { citationCard } from '../core/matcher/official-numbers';
import { createEntityNote, createPageNote } from '../core/notes/note';
import { normalisePageUrl, notePageAddress } from '../core/notes/page-url';
import { contentRoutes, pageRoutes, type ContentRoutes, type PageRoutes } from '../core/protocol/background';
import { createDispatcher, malformedRequest, Refusal, type Handlers, type Reply } from '../core/protocol/route';
import type { NotesDatabase } from './notes-db';
import { loadSettings } from './settings';
import type { SettingsOwner } from './settings-owner';
import { createTabPages, type TabPages } from './tab-pages';

/**
 * Who sent a message, as the browser tells (runtime.MessageSender); never taken from the message itself. Without the
 * "tabs" permission the browser gives a tab's id and window but not its address or title: the page is `url`.
 */
export interface Sender {
  /** The address of the document that sent it (a web page for content scripts, an extension page otherwise). */
  url?: string;
  tab?: { id?: number; windowId?: number };
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
  /** The extension's own origin with a trailing slash (browser.runtime.getURL('')). */
  extensionOrigin: string;
  /** Which page each tab shows (reported with every request for a page's notes). */
  tabPages?: TabPages;
  now?: () => Date;
}) {
  const byId = new Map(deps.entries.map((entry) => [entry.id, entry]));
  const now = deps.now ?? (() => new Date());
  const made = async () => ({ deviceId: await deps.db.deviceId(), now: now(), id: crypto.randomUUID() });
  const pageOf = (sender: Sender) => sender.url;
  const tabPages = deps.tabPages ?? createTabPages();

  /** The notes of the page in the sending tab, under its address or its canonical one. */
  const notesOfTab = async (sender: Sender, canonicalUrl?: string) => {
    const page = pageOf(sender);
    const address = page ? notePageAddress(page, canonicalUrl) : undefined;
    if (!address) return [];
    const { id, windowId } = sender.tab ?? {};
    if (id !== undefined && windowId !== undefined) await tabPages.record({ id, windowId }, [address.url, ...address.alternateUrls]);
    const found = await Promise.all([address.url, ...address.alternateUrls].map((url) => deps.db.pageNotes(url)));
    return [...new Map(found.flat().map((note) => [note.id, note])).values()];
  };

  const settingsHandlers = {
    'settings.get': async () => ({ settings: await loadSettings() }),
    'settings.change': async ({ change }) => ({ settings: await deps.settings.apply(change) }),
  } satisfies Partial<Handlers<ContentRoutes, Sender>>;

  const content: Handlers<ContentRoutes, Sender> = {
    ...settingsHandlers,
    'entries.get': ({ ids }) => ({ entries: ids.flatMap((id) => byId.get(id) ?? citationCard(id, now().toISOString().slice(0, 10)) ?? []) }),
    'notes.add': async ({ draft, canonicalUrl, writtenAt, title }, sender) => {
      const tabPage = pageOf(sender);
      // A single-page app may have moved on since the note was begun: it is filed where it was written, on the
      // same origin only.
      const page = writtenAt && tabPage && sameOrigin(writtenAt, tabPage) ? writtenAt : tabPage;
      const address = page ? notePageAddress(page, canonicalUrl) : undefined;
      if (!address) throw new Refusal('Notes can only be added on web pages.');
      const pageTitle = (title ?? '').slice(0, maxTitleLength);
      const note = createPageNote(draft, { ...address, title: pageTitle }, await made());
      await deps.db.addNote(note);
      return { note };
    },
    'notes.addForEntity': async ({ draft }) => {
      if (!byId.has(draft.entityId)) throw new Refusal('Notes can only be kept on entities Watchwords knows.');
      const note = createEntityNote(draft, await made());
      await deps.db.addNote(note);
      return { note };
    },
    'notes.forEntity': async ({ entityId }) => ({ notes: await deps.db.entityNotes(entityId) }),
    'notes.forPage': async ({ canonicalUrl }, sender) => ({ notes: await notesOfTab(sender, canonicalUrl) }),
    'notes.anchored': async ({ canonicalUrl, results }, sender) => {
      // Only this tab's own notes can be marked.
      const own = new Set((await notesOfTab(sender, canonicalUrl)).map((note) => note.id));
      const mine = results.filter((result) => own.has(result.noteId));
      await deps.db.recordAnchoring(mine, now());
      return { recorded: mine.length };
    },
  };

  const page: Handlers<PageRoutes, Sender> = {
    ...settingsHandlers,
    'pages.findTab': async ({ urls }) => {
      const addresses = urls.flatMap((url) => normalisePageUrl(url) ?? []);
      const tab = addresses.length ? await tabPages.find(addresses) : undefined;
      return tab ? { tab } : {};
    },
  };

  const fromContent = createDispatcher(contentRoutes, content, describeFailure);
  const fromPage = createDispatcher(pageRoutes, page, describeFailure);

  return function handle(message: unknown, sender: Sender): Promise<Reply> {
    if (sender.url?.startsWith(deps.extensionOrigin)) return fromPage(message, sender);
    if (sender.tab) return fromContent(message, sender);
    return Promise.resolve({ ok: false, error: malformedRequest });
  };
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
  if (error instanceof Refusal) return error.message;
  return `Watchwords could not save: ${(error as Error)?.message ?? String(error)}`;
}
