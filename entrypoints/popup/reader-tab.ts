import { browser } from 'wxt/browser';
import type { PageSummary, TabRequest, TabResponses } from '../../lib/messages';

export interface ReaderTab {
  id: number;
  url: string;
}

/**
 * The tab the reader is on: the active tab, or, when this page itself is open in a tab, the tab they used last.
 */
export async function readerTab(): Promise<ReaderTab | undefined> {
  const own = browser.runtime.getURL('/');
  const tabs = await browser.tabs.query({ currentWindow: true });
  const pages = tabs.filter((tab) => tab.url && !tab.url.startsWith(own));
  const active = pages.find((tab) => tab.active);
  const latest = active ?? pages.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
  return latest?.id !== undefined && latest.url ? { id: latest.id, url: latest.url } : undefined;
}

/**
 * Sends a request to the content script in a tab and returns its typed answer. Rejects when no content script
 * answers (a browser page, or one that has not loaded yet): Chrome rejects by itself, Firefox resolves undefined.
 */
export async function askTab<T extends TabRequest['type']>(tabId: number, request: Extract<TabRequest, { type: T }>): Promise<TabResponses[T]> {
  const reply = (await browser.tabs.sendMessage(tabId, request)) as TabResponses[T] | undefined;
  if (reply === undefined || reply === null) throw new Error('No content script answered.');
  return reply;
}

export const askSummary = (tabId: number): Promise<PageSummary> => askTab(tabId, { type: 'page.summary' });
