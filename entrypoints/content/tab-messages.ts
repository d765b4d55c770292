import { browser } from 'wxt/browser';
import type { PageSummary, TabRequest, TabResponses } from '../../lib/messages';

export interface TabHandlers {
  summary(): PageSummary;
  reveal(entityId: string): Promise<boolean>;
  next(): Promise<boolean>;
  announce(): number;
  noteFromSelection(): boolean;
}

/** Answers the popup and the background (keyboard commands). Only the extension can message a content script. */
export function answerTabRequests(handlers: TabHandlers, signal: AbortSignal): void {
  const listener = (message: unknown, _sender: unknown, sendResponse: (response: unknown) => void) => {
    const reply = respond(message as TabRequest, handlers);
    if (!reply) return false;
    void reply.then(sendResponse);
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener));
}

function respond(request: TabRequest, handlers: TabHandlers): Promise<TabResponses[TabRequest['type']]> | undefined {
  switch (request?.type) {
    case 'page.summary':
      return Promise.resolve(handlers.summary());
    case 'page.reveal':
      return typeof request.entityId === 'string' ? handlers.reveal(request.entityId).then((found) => ({ found })) : undefined;
    case 'page.next':
      return handlers.next().then((found) => ({ found }));
    case 'page.announce':
      return Promise.resolve({ total: handlers.announce() });
    case 'notes.fromSelection':
      return Promise.resolve({ opened: handlers.noteFromSelection() });
    default:
      return undefined;
  }
}
