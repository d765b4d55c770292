import { browser } from 'wxt/browser';
import type { ContentRoutes, PageRoutes } from '../core/protocol/background';
import type { AnyRoutes, MessageOf, Reply, ResponseOf } from '../core/protocol/route';
import type { TabHandlers, TabRequest, TabResponse, TabRoutes } from '../core/protocol/tab';

/** A typed sender for one protocol: the answer's type follows the request's type; the background's error rejects. */
function createClient<P extends AnyRoutes>() {
  return async <K extends keyof P & string>(message: MessageOf<P, K>): Promise<ResponseOf<P, K>> => {
    const reply = (await browser.runtime.sendMessage(message)) as Reply<ResponseOf<P, K>> | undefined;
    if (!reply?.ok) throw new Error(reply?.error ?? 'Watchwords could not reach its background page.');
    return reply.value;
  };
}

/** Content scripts ask the background (for the page in their tab). */
export const ask = createClient<ContentRoutes>();
/** Extension pages (popup, options, notes manager, overlay frame) ask the background. */
export const askBackground = createClient<PageRoutes>();

/**
 * Sends a request to the content script in a tab and returns its typed answer. Rejects when no content script
 * answers (a browser page, or one that has not loaded yet): Chrome rejects by itself, Firefox resolves undefined.
 */
export async function askTab<K extends keyof TabRoutes>(tabId: number, type: K, request: TabRoutes[K]['request']): Promise<TabResponse<K>> {
  const reply = (await browser.tabs.sendMessage(tabId, { ...request, type })) as TabResponse<K> | undefined;
  if (reply === undefined || reply === null) throw new Error('No content script answered.');
  return reply;
}

/** Answers tab requests in a content script until `signal` aborts. Only the extension can message a content script. */
export function answerTabRequests(handlers: TabHandlers, signal: AbortSignal): void {
  const listener = (message: unknown, _sender: unknown, sendResponse: (response: unknown) => void) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return false;
    const { type: _, ...request } = message as TabRequest;
    void Promise.resolve((handlers[type as keyof TabRoutes] as (request: unknown) => unknown)(request)).then(sendResponse, () => sendResponse(undefined));
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener));
}
