import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import entries from 'virtual:watchwords/entries';
import { NotesDatabase } from '../lib/notes-db';
import type { TabRequest } from '../lib/messages';
import { createRequestHandler } from '../lib/request-handler';

const commandRequests: Record<string, TabRequest> = {
  'next-mention': { type: 'page.next' },
  'announce-mentions': { type: 'page.announce' },
};

export default defineBackground(() => {
  const handle = createRequestHandler({ db: new NotesDatabase(), entries });
  // sendResponse + `return true` rather than a returned promise: Chrome and Firefox both honour this form.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void handle(message, sender).then(sendResponse);
    return true;
  });

  // Keyboard commands act on the page: the content script moves through its mentions.
  browser.commands.onCommand.addListener(async (command, tab) => {
    const request = commandRequests[command];
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (request && tabId !== undefined) await browser.tabs.sendMessage(tabId, request).catch(() => undefined);
  });
});
