import type { Entry } from '../core/dataset/schema';
import { citationCard } from '../core/matcher/official-numbers';
import { createEntityNote, createPageNote } from '../core/notes/note';
import { notePageAddress } from '../core/notes/page-url';
import { contentRoutes, pageRoutes, type ContentRoutes, type PageRoutes } from '../core/protocol/background';
import { createDispatcher, malformedRequest, Refusal, type Handlers, type Reply } from '../core/protocol/route';
import type { DraftStore } from './drafts';
import type { NotesDatabase } from './notes-db';
import { loadSettings } from './settings';
import type { SettingsOwner } from './settings-owner';

/** Who sent a message, as the browser tells (runtime.MessageSender); never taken from the message itself. */
export interface Sender {
  /** The address of the document that sent it (a web page for content scripts, an extension page otherwise). */
  url?: string;
  tab?: { id?: number; url?: string; title?: string };
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
  drafts: DraftStore;
  /** Whether a sender's address is one of the extension's own pages. */
  isExtensionPage(url: string | undefined): boolean;
  /** Opens the notes manager for a tab (side panel, sidebar, or a tab); what it opened. */
  openManager?(tabId: number | undefined): Promise<'side panel' | 'sidebar' | 'tab'>;
  now?: () => Date;
}) {
  const byId = new Map(deps.entries.map((entry) => [entry.id, entry]));
  const now = deps.now ?? (() => new Date());
  const made = async () => ({ deviceId: await deps.db.deviceId(), now: now(), id: crypto.randomUUID() });
  /** The web page a content script speaks for: the document it runs in. */
  const pageOf = (sender: Sender) => sender.url ?? sender.tab?.url;
  /** The web page the overlay frame is shown over: its tab's. */
  const tabPageOf = (sender: Sender) => {
    const url = sender.tab?.url;
    if (!url || !/^https?:/.test(url)) throw new Refusal('Notes can only be added on web pages.');
    return url;
  };

  /** The notes of the page in the sending tab, under its address or its canonical one. */
  const notesOfTab = async (sender: Sender, canonicalUrl?: string) => {
    const page = pageOf(sender);
    const address = page ? notePageAddress(page, canonicalUrl) : undefined;
    if (!address) return [];
    const found = await Promise.all([address.url, ...address.alternateUrls].map((url) => deps.db.pageNotes(url)));
    return [...new Map(found.flat().map((note) => [note.id, note])).values()];
  };

  const settingsHandlers = {
    'settings.get': async () => ({ settings: await loadSettings() }),
    'settings.change': async ({ change }) => ({ settings: await deps.settings.apply(change) }),
  } satisfies Partial<Handlers<ContentRoutes, Sender>>;

  const content: Handlers<ContentRoutes, Sender> = {
    ...settingsHandlers,
    'notes.forPage': async ({ canonicalUrl }, sender) => ({
      anchors: (await notesOfTab(sender, canonicalUrl)).flatMap((note) =>
        note.target.kind === 'page' ? [{ id: note.id, quote: note.target.quote, position: note.target.position }] : [],
      ),
    }),
    'notes.anchored': async ({ canonicalUrl, results }, sender) => {
      // Only this tab's own notes can be marked.
      const own = new Set((await notesOfTab(sender, canonicalUrl)).map((note) => note.id));
      const mine = results.filter((result) => own.has(result.noteId));
      await deps.db.recordAnchoring(mine, now());
      return { recorded: mine.length };
    },
    'drafts.forPage': async ({ canonicalUrl }, sender) => {
      const page = pageOf(sender);
      return { drafts: page ? await deps.drafts.forPage(page, canonicalUrl) : [] };
    },
  };

  const page: Handlers<PageRoutes, Sender> = {
    ...settingsHandlers,
    'entries.get': ({ ids }) => ({ entries: ids.flatMap((id) => byId.get(id) ?? citationCard(id, now().toISOString().slice(0, 10)) ?? []) }),
    'notes.add': async ({ draft, canonicalUrl, writtenAt, title }, sender) => {
      const tabPage = tabPageOf(sender);
      // A single-page app may have moved on since the note was begun: it is filed where it was written, on the
      // same origin only.
      const written = writtenAt && sameOrigin(writtenAt, tabPage) ? writtenAt : tabPage;
      const address = notePageAddress(written, canonicalUrl);
      if (!address) throw new Refusal('Notes can only be added on web pages.');
      const pageTitle = (title ?? sender.tab?.title ?? '').slice(0, maxTitleLength);
      const note = createPageNote(draft, { ...address, title: pageTitle }, await made());
      await deps.db.addNote(note);
      const { body: _, tags: __, ...selectors } = draft;
      await deps.drafts.discard({ kind: 'page', ...selectors, page: { writtenAt: written, title: pageTitle, canonicalUrl } }, tabPage).catch(() => undefined);
      return { note };
    },
    'notes.addForEntity': async ({ draft }, sender) => {
      const entry = byId.get(draft.entityId);
      if (!entry) throw new Refusal('Notes can only be kept on entities Watchwords knows.');
      const note = createEntityNote(draft, await made());
      await deps.db.addNote(note);
      await deps.drafts.discard({ kind: 'entity', entityId: entry.id, name: entry.name }, sender.tab?.url ?? '').catch(() => undefined);
      return { note };
    },
    'notes.forEntity': async ({ entityId }) => ({ notes: await deps.db.entityNotes(entityId) }),
    'notes.get': async ({ ids }) => ({ notes: await deps.db.liveNotes(ids) }),
    'drafts.save': async ({ target, body, tagText }, sender) => {
      const savedAt = await deps.drafts.save(target, body, tagText, tabPageOf(sender));
      return savedAt ? { savedAt } : {};
    },
    'drafts.get': async ({ target }, sender) => {
      const found = await deps.drafts.get(target, tabPageOf(sender));
      return found ? { draft: { body: found.body, tagText: found.tagText, savedAt: found.savedAt } } : {};
    },
    'drafts.discard': async ({ target }, sender) => {
      await deps.drafts.discard(target, tabPageOf(sender));
      return { discarded: true };
    },
    'manager.open': async (_, sender) => {
      if (!deps.openManager) throw new Refusal('Watchwords cannot open its notes here.');
      return { opened: await deps.openManager(sender.tab?.id) };
    },
  };

  const fromContent = createDispatcher(contentRoutes, content, describeFailure);
  const fromPage = createDispatcher(pageRoutes, page, describeFailure);

  return function handle(message: unknown, sender: Sender): Promise<Reply> {
    if (deps.isExtensionPage(sender.url)) return fromPage(message, sender);
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
