import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import entries from 'virtual:watchwords/entries';
import type { TabRequest } from '../core/protocol/tab';
import { NotesDatabase } from '../lib/notes-db';
import { NotesRepository } from '../lib/notes-repository';
import { createRequestHandler } from '../lib/request-handler';
import { createSyncService } from '../lib/sync/service';
import { serverPattern } from '../core/sync/words';
import { createSettingsOwner } from '../lib/settings-owner';

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
  const handle = createRequestHandler({ db, notes, sync, entries, settings, extensionOrigin: browser.runtime.getURL('/') });
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
