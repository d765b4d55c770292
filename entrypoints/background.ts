import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import entries from 'virtual:watchwords/entries';
import type { CommandName } from '../core/commands';
import type { TabRequest } from '../core/protocol/tab';
import { openNotesManager } from '../lib/manager';
import { askTab } from '../lib/messaging';
import { NotesDatabase } from '../lib/notes-db';
import { NotesRepository } from '../lib/notes-repository';
import { createPageTabs } from '../lib/page-tabs';
import { createRequestHandler } from '../lib/request-handler';
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

export default defineBackground(() => {
  // The background owns every store: the notes database and the settings have one writer each, here.
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
  notes.onLocalChange = () => void sync.soon();
  browser.alarms.onAlarm.addListener((alarm) => void sync.onAlarm(alarm.name).then(() => notes.purge()));
  browser.runtime.onStartup.addListener(() => void sync.onStartup());
  // Deleted notes lose their text once the undo window has passed (also on every sync alarm).
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
  const handle = createRequestHandler({ db, notes, sync, entries, settings, extensionOrigin: browser.runtime.getURL('/'), setBadge, pageTabs });
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
  browser.commands.onCommand.addListener((command: string, tab) => {
    if (command === 'open-notes') return void openNotesManager(tab?.windowId);
    void sendToTab(commandRequests[command as CommandName], tab);
  });
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: addNoteMenuItem, title: 'Add a Watchwords note', contexts: ['selection'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === addNoteMenuItem) void sendToTab({ type: 'notes.fromSelection' }, tab);
  });
});
