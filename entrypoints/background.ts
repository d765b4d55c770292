import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import entries from 'virtual:watchwords/entries';
import type { TabRequest } from '../core/protocol/tab';
import { createDraftStore } from '../lib/drafts';
import { createFrameRelay } from '../lib/frame-relay';
import { openNotesManager } from '../lib/notes-manager-opener';
import { NotesDatabase } from '../lib/notes-db';
import { createRequestHandler } from '../lib/request-handler';
import { createSettingsOwner } from '../lib/settings-owner';

const commandRequests: Record<string, TabRequest> = {
  'next-mention': { type: 'page.next' },
  'announce-mentions': { type: 'page.announce' },
  'add-note': { type: 'notes.fromSelection' },
};
const addNoteMenuItem = 'watchwords-add-note';

export default defineBackground(() => {
  // The background owns every store: the notes database, the settings and the drafts have one writer each, here.
  const settings = createSettingsOwner();
  void settings.migrate();
  const extensionScheme = new URL(browser.runtime.getURL('/')).protocol;
  // Messages and ports reach the background only from the extension's own contexts; of those, extension pages
  // (the overlay frame too, whatever address Chrome's dynamic URLs give it) are the ones at an extension address.
  const isExtensionPage = (url: string | undefined) => {
    try {
      return url !== undefined && new URL(url).protocol === extensionScheme;
    } catch {
      return false;
    }
  };
  const handle = createRequestHandler({
    db: new NotesDatabase(),
    entries,
    settings,
    drafts: createDraftStore(browser.storage.local),
    isExtensionPage,
    openManager: openNotesManager,
  });
  // sendResponse + `return true` rather than a returned promise: Chrome and Firefox both honour this form.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void handle(message, sender).then(sendResponse);
    return true;
  });
  // The overlay frame and the content script that placed it talk through here (core/protocol/frame.ts).
  const relay = createFrameRelay({ isExtensionPage, extensionId: browser.runtime.id, frameUrl: browser.runtime.getURL('/overlay.html') });
  browser.runtime.onConnect.addListener((port) => relay.onConnect(port));

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
