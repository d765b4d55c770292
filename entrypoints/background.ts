import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import entries from 'virtual:watchwords/entries';
import type { TabRequest } from '../core/protocol/tab';
import { NotesDatabase } from '../lib/notes-db';
import { createRequestHandler } from '../lib/request-handler';
import { createSettingsOwner } from '../lib/settings-owner';
import { createTabPages } from '../lib/tab-pages';

const commandRequests: Record<string, TabRequest> = {
  'next-mention': { type: 'page.next' },
  'announce-mentions': { type: 'page.announce' },
  'add-note': { type: 'notes.fromSelection' },
};
const addNoteMenuItem = 'watchwords-add-note';

export default defineBackground(() => {
  // The background owns every store: the notes database and the settings have one writer each, here.
  const settings = createSettingsOwner();
  void settings.migrate();
  const tabPages = createTabPages(browser.storage.session);
  const handle = createRequestHandler({ db: new NotesDatabase(), entries, settings, tabPages, extensionOrigin: browser.runtime.getURL('/') });
  browser.tabs.onRemoved.addListener((tabId) => void tabPages.forget(tabId));
  // sendResponse + `return true` rather than a returned promise: Chrome and Firefox both honour this form.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void handle(message, sender).then(sendResponse);
    return true;
  });

  const sendToTab = async (request: TabRequest | undefined, tab?: { id?: number }) => {
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (request && tabId !== undefined) await browser.tabs.sendMessage(tabId, request).catch(() => undefined);
  };
  // Keyboard commands and the context menu act on the page, through its content script.
  browser.commands.onCommand.addListener((command, tab) => sendToTab(commandRequests[command], tab));
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: addNoteMenuItem, title: 'Add a Watchwords note', contexts: ['selection'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === addNoteMenuItem) void sendToTab({ type: 'notes.fromSelection' }, tab);
  });
});
