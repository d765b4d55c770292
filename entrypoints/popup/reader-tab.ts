import { browser } from 'wxt/browser';
import type { PageSummary } from '../../core/protocol/tab';
import { askTab } from '../../lib/messaging';

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

export const askSummary = (tabId: number): Promise<PageSummary> => askTab(tabId, 'page.summary', {});
