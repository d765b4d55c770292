import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import entries from 'virtual:watchwords/entries';
import { NotesDatabase } from '../lib/notes-db';
import { createRequestHandler } from '../lib/request-handler';

export default defineBackground(() => {
  const handle = createRequestHandler({ db: new NotesDatabase(), entries });
  // sendResponse + `return true` rather than a returned promise: Chrome and Firefox both honour this form.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void handle(message, sender).then(sendResponse);
    return true;
  });
});
