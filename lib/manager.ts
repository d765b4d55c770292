import { browser } from 'wxt/browser';

type SidePanel = { open(options: { windowId: number }): Promise<void> };
type SidebarAction = { open(): Promise<void> };

/**
 * Opens the notes manager: Chrome's side panel, Firefox's sidebar, or (where neither can open) a tab of its own.
 * Both browsers let these open only in answer to something the reader did, so call this straight from a click or
 * a command handler, before any `await`. `windowId`: the reader's window (Chrome's side panel needs it).
 */
export function openNotesManager(windowId?: number): Promise<void> {
  const api = browser as unknown as { sidePanel?: SidePanel; sidebarAction?: SidebarAction };
  const inTab = () => browser.tabs.create({ url: browser.runtime.getURL('/notes.html') }).then(() => undefined);
  try {
    if (api.sidebarAction) return api.sidebarAction.open().catch(inTab);
    if (api.sidePanel && windowId !== undefined) return api.sidePanel.open({ windowId }).catch(inTab);
  } catch {
    // Not allowed here (no user gesture): a tab instead.
  }
  return inTab();
}

/** Opens the browser's page for changing extension shortcuts. */
export function openShortcutSettings(): Promise<unknown> {
  const commands = browser.commands as unknown as { openShortcutSettings?: () => Promise<void> };
  if (commands.openShortcutSettings) return commands.openShortcutSettings();
  return browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}

/** Opens the Watchlist page (the reader's own entries, packs and reports) in a tab. */
export function openWatchlist(): Promise<unknown> {
  return browser.tabs.create({ url: browser.runtime.getURL('/watchlist.html') });
}
