import type { MatchableEntry } from '../core/matcher/matcher';
import { normalisePageUrl } from '../core/notes/page-url';
import { Refusal, type Handlers } from '../core/protocol/route';
import { watchlistContentRoutes, watchlistPageRoutes } from '../core/protocol/watchlist';
import { isSafeLink } from '../core/watchlist/entry';
import type { RuntimeDataset } from './runtime-dataset';

/**
 * Who sent a message, as the browser tells (the same as request-handler.ts `Sender`). Without the "tabs" permission
 * a tab has no address or title here: a content script's page is `url`.
 */
interface Sender {
  url?: string;
  tab?: { id?: number; windowId?: number; incognito?: boolean };
}

/** The tab a form is about: its id and window, and its page where known. */
type FormTab = { id?: number; windowId?: number; url?: string };

/** The forms that are extension pages of their own, opened by the background in a small window. */
export type FormName = 'watch' | 'report';

export interface WatchlistDeps {
  dataset: RuntimeDataset;
  /** Opens a form with its parameters (the tab it is about is one of them). */
  openForm?: (form: FormName, params: Record<string, string>, windowId?: number) => Promise<void>;
  /** Counts what candidate terms would match on a tab's page (its content script scans its own text). */
  countMentions?: (tabId: number, terms: MatchableEntry[]) => Promise<number>;
  /** Fetches a pack the reader asked for by address; only ever called for that request. */
  fetchPack?: (url: string) => Promise<string>;
  /** A tab by its id, with the page its content script says it shows, for an extension page that opens a form for a tab. */
  tabOf?: (tabId: number) => Promise<FormTab | undefined>;
}

type ContentHandlers = Handlers<typeof watchlistContentRoutes, Sender>;
type PageHandlers = Handlers<typeof watchlistPageRoutes, Sender>;

/**
 * The background's answers to the watchlist routes (core/protocol/watchlist.ts). The page a request is about is
 * taken from the sending tab, never from the message.
 */
export function createWatchlistHandlers(deps: WatchlistDeps): { content: ContentHandlers; page: PageHandlers } {
  const { dataset } = deps;

  const openWatch = async (text: string, tab: FormTab | undefined) => {
    if (!deps.openForm) return { opened: false };
    const params: Record<string, string> = { text: text.trim().replace(/\s+/g, ' ').slice(0, 120) };
    if (tab?.id !== undefined) params.tab = String(tab.id);
    await deps.openForm('watch', params, tab?.windowId);
    return { opened: true };
  };
  const openReport = async (context: Record<string, string | undefined>, tab: FormTab | undefined) => {
    if (!deps.openForm) return { opened: false };
    const page = tab?.url && normalisePageUrl(tab.url);
    const params: Record<string, string> = Object.fromEntries(Object.entries(context).filter((pair): pair is [string, string] => typeof pair[1] === 'string' && pair[1] !== ''));
    if (page) params.page = page;
    if (tab?.id !== undefined) params.tab = String(tab.id);
    await deps.openForm('report', params, tab?.windowId);
    return { opened: true };
  };
  /** The tab an extension page names, or the one it is in. */
  const tabFor = async (tabId: number | undefined, sender: Sender): Promise<FormTab | undefined> => {
    if (tabId === undefined) return sender.tab;
    const tab = await deps.tabOf?.(tabId);
    if (!tab) throw new Refusal('That tab is no longer open.');
    return tab;
  };

  const content: ContentHandlers = {
    'watch.open': ({ text }, sender) => openWatch(text, sender.tab),
    'report.open': (context, sender) => openReport(context, { ...sender.tab, url: sender.url }),
    'dataset.terms': () => dataset.terms(),
    'watchlist.seen': async ({ counts, title }, sender) => {
      // Private windows leave no trace.
      const page = sender.url && !sender.tab?.incognito ? normalisePageUrl(sender.url) : undefined;
      if (!page) return { recorded: 0 };
      return { recorded: await dataset.recordSightings(page, (title ?? '').slice(0, 1000), counts) };
    },
  };

  const page: PageHandlers = {
    'watch.open': async ({ text, tabId }, sender) => openWatch(text, await tabFor(tabId, sender)),
    'report.open': async ({ tabId, ...context }, sender) => openReport(context, await tabFor(tabId, sender)),
    'watchlist.preview': async ({ entry, replaces, tabId }) => {
      const checked = await dataset.check(entry, replaces);
      let mentions: number | null = null;
      if (checked.entry && tabId !== undefined && deps.countMentions) {
        const candidate: MatchableEntry = { id: 'candidate', name: checked.entry.name, kind: checked.entry.kind, aliases: checked.entry.aliases };
        mentions = await deps.countMentions(tabId, [candidate]).catch(() => null);
      }
      return { problems: checked.problems, collisions: checked.collisions, mentions };
    },
    'watchlist.save': ({ entry, replaces }) => dataset.save(entry, replaces),
    'watchlist.delete': ({ id }) => dataset.remove(id),
    'watchlist.get': async () => ({ view: await dataset.view() }),
    'packs.preview': async (body) => {
      if ('text' in body) return dataset.planPack(body.text, body.from);
      if (!isSafeLink(body.url)) return { error: 'Packs are read only from https:// addresses.' };
      if (!deps.fetchPack) throw new Refusal('Watchwords cannot read packs from addresses here.');
      let text: string;
      try {
        text = await deps.fetchPack(body.url);
      } catch (error) {
        return { error: `Watchwords could not read that address: ${(error as Error).message}` };
      }
      return dataset.planPack(text, body.url);
    },
    'packs.apply': ({ token }) => dataset.applyPack(token),
    'packs.enable': ({ id, enabled }) => dataset.setPackEnabled(id, enabled),
    'packs.remove': ({ id }) => dataset.removePack(id),
    'packs.export': (meta) => dataset.exportPack(meta),
    'reports.add': ({ draft }) => dataset.addReport(draft),
    'reports.delete': async ({ id }) => (await dataset.removeReport(id), { deleted: true }),
    'reports.export': () => dataset.exportReports(),
  };

  return { content, page };
}

/** Where the background has no runtime dataset (some tests): every watchlist route is refused in words. */
export function watchlistUnavailable(): { content: ContentHandlers; page: PageHandlers } {
  const refuse = () => {
    throw new Refusal('Your watchlist is not available here.');
  };
  const all = <T>(routes: object) => Object.fromEntries(Object.keys(routes).map((type) => [type, refuse])) as T;
  return { content: all<ContentHandlers>(watchlistContentRoutes), page: all<PageHandlers>(watchlistPageRoutes) };
}
