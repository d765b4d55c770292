import { browser } from 'wxt/browser';
import type { PageSummary } from '../../core/protocol/tab';
import { askTab } from '../../lib/messaging';

export interface ReaderTab {
  id: number;
  url: string;
}

/**
 * The tab the reader is on: the active tab, or, when this page itself is open in a tab, the tab they used last.
 * Without the "tabs" permission the browser does not say what a tab shows: its content script does (no content
 * script, as on a browser page: no reader tab).
 */
export async function readerTab(): Promise<ReaderTab | undefined> {
  const own = await browser.tabs.getCurrent();
  const tabs = (await browser.tabs.query({ currentWindow: true })).filter((tab) => tab.id !== undefined && tab.id !== own?.id);
  const latest = tabs.find((tab) => tab.active) ?? tabs.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
  if (latest?.id === undefined) return undefined;
  const url = await askSummary(latest.id).then(
    (summary) => summary.url,
    () => undefined,
  );
  return url ? { id: latest.id, url } : undefined;
}

export const askSummary = (tabId: number): Promise<PageSummary> => askTab(tabId, 'page.summary', {});
