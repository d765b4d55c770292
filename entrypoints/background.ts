import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import entries from 'virtual:watchwords/entries';
import type { CommandName } from '../core/commands';
import type { MatchableEntry } from '../core/matcher/matcher';
import type { TabRequest } from '../core/protocol/tab';
import { createDraftStore } from '../lib/drafts';
import { createFrameRelay } from '../lib/frame-relay';
import { openNotesManager } from '../lib/manager';
import { askTab } from '../lib/messaging';
import { NotesDatabase } from '../lib/notes-db';
import { NotesRepository, undoWindowMs } from '../lib/notes-repository';
import { createPageTabs } from '../lib/page-tabs';
import { fetchPackText } from '../lib/pack-fetch';
import { createRequestHandler } from '../lib/request-handler';
import { createRuntimeDataset } from '../lib/runtime-dataset';
import type { FormName } from '../lib/watchlist-handlers';
import { WatchlistDatabase } from '../lib/watchlist-db';
import { watchSettings } from '../lib/settings';
import { createSyncService } from '../lib/sync/service';
import { serverPattern } from '../core/sync/words';
import { createSettingsOwner } from '../lib/settings-owner';

const commandRequests: Partial<Record<CommandName, TabRequest>> = {
  'next-mention': { type: 'page.next' },
  'announce-mentions': { type: 'page.announce' },
  'add-note': { type: 'notes.fromSelection' },
};
const addNoteMenuItem = 'watchwords-add-note';
const watchMenuItem = 'watchwords-watch-name';
const reportMenuItem = 'watchwords-report-mistake';

/** The watch and report forms are extension pages of their own, in a small window (never in the page's DOM). */
async function openForm(form: FormName, params: Record<string, string>): Promise<void> {
  const url = browser.runtime.getURL(`/${form}.html?${new URLSearchParams(params)}` as '/watch.html');
  await browser.windows.create({ url, type: 'popup', width: 520, height: form === 'watch' ? 760 : 620 });
}

/** Reads a pack from an address the reader typed, if they allowed Watchwords to read that site (the page asks). */
async function fetchPack(url: string): Promise<string> {
  const origins = [`${new URL(url).origin}/*`];
  if (!(await browser.permissions.contains({ origins }))) throw new Error(`you did not allow Watchwords to read ${new URL(url).host}.`);
  return fetchPackText(url);
}

/** The alarm that purges deleted notes' text once their undo window has passed. */
const purgeAlarm = 'watchwords-purge';

export default defineBackground(() => {
  // The background owns every store: the notes database, the settings and the drafts have one writer each, here.
  const settings = createSettingsOwner();
  void settings.migrate();
  const db = new NotesDatabase();
  // The one writer of notes, and sync over WebDAV on top of it.
  const notes = new NotesRepository(db);
  const sync = createSyncService({
    notes,
    hasPermission: (origin) => browser.permissions.contains({ origins: [serverPattern(origin)!] }),
    schedule: (name, delayInMinutes, periodInMinutes) => void browser.alarms.create(name, { delayInMinutes, ...(periodInMinutes && { periodInMinutes }) }),
  });
  // Deleted notes lose their text once the undo window has passed: on start, on every sync alarm, and by an alarm set
  // after each change for just past the window (Firefox's background never stops, so start alone is not enough).
  notes.onLocalChange = () => {
    void sync.soon();
    void browser.alarms.create(purgeAlarm, { delayInMinutes: undoWindowMs / 60_000 + 1 });
  };
  browser.alarms.onAlarm.addListener((alarm) => void sync.onAlarm(alarm.name).then(() => notes.purge()));
  browser.runtime.onStartup.addListener(() => void sync.onStartup());
  void notes.purge();
  // The toolbar badge: the tabs that have one, so that switching it off in the options clears them all.
  const badged = new Set<number>();
  const setBadge = async (tabId: number, text: string) => {
    if (text) badged.add(tabId);
    else badged.delete(tabId);
    // Firefox's Manifest V2 build has browserAction where Chrome's has action.
    const button = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
    await button.setBadgeText({ tabId, text }).catch(() => undefined);
  };
  watchSettings((next) => {
    if (!next.showBadge) for (const tabId of [...badged]) void setBadge(tabId, '');
  });
  browser.tabs.onRemoved.addListener((tabId) => badged.delete(tabId));
  const pageTabs = createPageTabs({
    update: (tabId, change) => browser.tabs.update(tabId, change),
    create: (options) => browser.tabs.create(options),
    focusWindow: (windowId) => browser.windows.update(windowId, { focused: true }),
    reveal: (tabId, noteId) => askTab(tabId, 'notes.reveal', { noteId }).then(({ found }) => found),
    // Session storage: kept while the browser runs, gone when it closes (tab ids mean nothing after that).
    store: browser.storage.session && {
      load: () => browser.storage.session.get('pageTabs').then(({ pageTabs }) => pageTabs),
      save: (value) => browser.storage.session.set({ pageTabs: value }),
    },
  });
  browser.tabs.onRemoved.addListener((tabId) => pageTabs.forget(tabId));
  // The runtime dataset: the bundled entries plus the reader's own and their packs, with the revision tabs watch.
  const dataset = createRuntimeDataset({ db: new WatchlistDatabase(), bundled: entries, area: browser.storage.local });
  const watchlist = {
    dataset,
    openForm,
    countMentions: (tabId: number, terms: MatchableEntry[]) => askTab(tabId, 'watchlist.count', { terms }).then(({ mentions }) => mentions),
    fetchPack,
    // Without the "tabs" permission a tab's address comes from its own content script.
    tabOf: async (tabId: number) => {
      const tab = await browser.tabs.get(tabId).catch(() => undefined);
      if (!tab) return undefined;
      const summary = await askTab(tabId, 'page.summary', {}).catch(() => undefined);
      return { id: tab.id, windowId: tab.windowId, url: summary?.url };
    },
  };
  // Messages and ports reach the background only from the extension's own contexts; of those, extension pages
  // (the overlay frame too, whatever address Chrome's dynamic URLs give it) are the ones at an extension address.
  const extensionScheme = new URL(browser.runtime.getURL('/')).protocol;
  const isExtensionPage = (url: string | undefined) => {
    try {
      return url !== undefined && new URL(url).protocol === extensionScheme;
    } catch {
      return false;
    }
  };
  // The overlay frame and the content script that placed it talk through here (core/protocol/frame.ts).
  const relay = createFrameRelay({ isExtensionPage, extensionId: browser.runtime.id, frameUrl: browser.runtime.getURL('/overlay.html') });
  browser.runtime.onConnect.addListener((port) => relay.onConnect(port));
  const handle = createRequestHandler({
    db,
    notes,
    sync,
    entries,
    settings,
    extensionOrigin: browser.runtime.getURL('/'),
    isExtensionPage,
    drafts: createDraftStore(browser.storage.local),
    openManager: openNotesManager,
    framePage: (tabId) => relay.pageOfTab(tabId),
    setBadge,
    pageTabs,
    watchlist,
  });
  // sendResponse + `return true` rather than a returned promise: Chrome and Firefox both honour this form.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void handle(message, sender).then(sendResponse);
    return true;
  });

  const sendToTab = async (request: TabRequest | undefined, tab?: { id?: number }) => {
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (request && tabId !== undefined) await browser.tabs.sendMessage(tabId, request).catch(() => undefined);
  };
  // Keyboard commands and the context menu act on the page, through its content script; "open-notes" opens the
  // manager at once (a side panel or sidebar opens only in answer to the reader's own action).
  /** "Watch this name" from the keyboard: the form, prefilled with what is selected in the tab. */
  const watchSelection = async (tab?: { id?: number }) => {
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    const text = tabId === undefined ? '' : await askTab(tabId, 'page.selection', {}).then(({ text }) => text, () => '');
    await openForm('watch', { text, ...(tabId !== undefined && { tab: String(tabId) }) });
  };
  browser.commands.onCommand.addListener((command: string, tab) => {
    if (command === 'open-notes') return void openNotesManager(tab?.windowId);
    if (command === 'watch-name') return void watchSelection(tab);
    void sendToTab(commandRequests[command as CommandName], tab);
  });
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: addNoteMenuItem, title: 'Add a Watchwords note', contexts: ['selection'] });
    browser.contextMenus.create({ id: watchMenuItem, title: 'Watch this name', contexts: ['selection'] });
    browser.contextMenus.create({ id: reportMenuItem, title: 'Report a mistake…', contexts: ['selection'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === addNoteMenuItem) void sendToTab({ type: 'notes.fromSelection' }, tab);
    // The same background route as the in-page button ("watch.open"), with the selection the browser gives.
    if (info.menuItemId === watchMenuItem) void handle({ type: 'watch.open', text: info.selectionText ?? '' }, { tab, url: info.pageUrl });
    if (info.menuItemId === reportMenuItem) void handle({ type: 'report.open', text: (info.selectionText ?? '').slice(0, 1000) }, { tab, url: info.pageUrl });
  });
});
