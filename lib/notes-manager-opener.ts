import { browser } from 'wxt/browser';

type Opened = 'side panel' | 'sidebar' | 'tab';
interface PanelApis {
  sidePanel?: { open(options: { tabId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}
const apis = () => browser as unknown as PanelApis;

/**
 * Opens the notes manager beside the page: Chrome's side panel, Firefox's sidebar. Both need the reader's gesture,
 * so an extension page calls this synchronously from its click handler (the call starts before any await).
 * Rejects where the browser refuses.
 */
export function openManagerPanel(tabId: number | undefined): Promise<Opened> {
  const { sidePanel, sidebarAction } = apis();
  if (sidePanel?.open && tabId !== undefined) return sidePanel.open({ tabId }).then(() => 'side panel');
  if (sidebarAction?.open) return sidebarAction.open().then(() => 'sidebar');
  return Promise.reject(new Error('no side panel'));
}

/** The background's way: the panel if the browser lets it open one now, else the manager in a new tab. */
export async function openNotesManager(tabId: number | undefined): Promise<Opened> {
  try {
    return await openManagerPanel(tabId);
  } catch {
    await browser.tabs.create({ url: browser.runtime.getURL('/notes.html') });
    return 'tab';
  }
}
