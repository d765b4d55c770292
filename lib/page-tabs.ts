import type { Note } from '../core/notes/note';

/** What the registry needs of the browser (a fake in tests). */
export interface TabsApi {
  update(tabId: number, change: { active: true }): Promise<unknown>;
  create(options: { url: string }): Promise<{ id?: number; windowId?: number }>;
  focusWindow(windowId: number): Promise<unknown>;
  /** Asks a tab's content script to show one of its notes; resolves whether it could. */
  reveal(tabId: number, noteId: string): Promise<boolean>;
  /** Keeps the registry across restarts of the background (Chrome stops its service worker when idle). */
  store?: { load(): Promise<unknown>; save(value: unknown): Promise<void> };
}

type Saved = { shown: [number, { addresses: string[]; windowId?: number }][]; pending: [number, string][] };

/**
 * Which tab shows which page, as the tabs' own content scripts say (each asks for its page's notes when its page
 * loads or changes), so that "Open" in the notes manager can find the tab that already shows a note's page — with
 * no permission to read every tab's address — bring it forward and show the note; or open the page in a new tab
 * and show the note once that page has found its notes.
 */
export function createPageTabs(api: TabsApi) {
  const shown = new Map<number, { addresses: Set<string>; windowId?: number }>();
  /** Tabs opened to show a note, and that note. */
  const pending = new Map<number, string>();
  const loaded = (async () => {
    const saved = (await api.store?.load().catch(() => undefined)) as Saved | undefined;
    for (const [tabId, page] of saved?.shown ?? []) if (!shown.has(tabId)) shown.set(tabId, { addresses: new Set(page.addresses), windowId: page.windowId });
    for (const [tabId, noteId] of saved?.pending ?? []) if (!pending.has(tabId)) pending.set(tabId, noteId);
  })();
  const save = () => {
    const value: Saved = { shown: [...shown].map(([tabId, page]) => [tabId, { addresses: [...page.addresses], windowId: page.windowId }]), pending: [...pending] };
    void api.store?.save(value).catch(() => undefined);
  };

  const reveal = async (tabId: number, noteId: string, tries: number) => {
    for (let attempt = 0; attempt < tries; attempt++) {
      if (await api.reveal(tabId, noteId).catch(() => false)) return true;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    return false;
  };

  return {
    /** A tab's content script shows the page with these addresses (its key and alternates). */
    record(tab: { id?: number; windowId?: number }, addresses: string[]): void {
      if (tab.id === undefined) return;
      shown.set(tab.id, { addresses: new Set(addresses), windowId: tab.windowId });
      save();
    },
    forget(tabId: number): void {
      shown.delete(tabId);
      pending.delete(tabId);
      save();
    },
    /** A tab's page has found (or not) its notes: show the note it was opened for. */
    async anchored(tabId: number): Promise<void> {
      await loaded;
      const noteId = pending.get(tabId);
      if (noteId === undefined) return;
      pending.delete(tabId);
      save();
      await reveal(tabId, noteId, 10);
    },
    /**
     * Shows a page note: in the tab that shows its page (brought forward), else in a new tab. Resolves how:
     * 'shown' (scrolled to and opened), 'opened' (a tab is loading the page; the note is shown when it is found).
     */
    async open(note: Note): Promise<'shown' | 'opened'> {
      if (note.target.kind !== 'page') throw new Error('Only notes on a page can be opened.');
      await loaded;
      const addresses = [note.target.url, ...note.target.alternateUrls];
      const match = [...shown].find(([, page]) => addresses.some((address) => page.addresses.has(address)));
      if (match) {
        const [tabId, page] = match;
        await api.update(tabId, { active: true });
        if (page.windowId !== undefined) await api.focusWindow(page.windowId).catch(() => undefined);
        if (await reveal(tabId, note.id, 5)) return 'shown';
        // Not anchored (yet): shown when the page next reports its notes.
        pending.set(tabId, note.id);
        save();
        return 'opened';
      }
      const tab = await api.create({ url: note.target.url });
      if (tab.id !== undefined) {
        pending.set(tab.id, note.id);
        // It shows that page from now on: a second "Open" before it has loaded brings it forward, not another tab.
        shown.set(tab.id, { addresses: new Set(addresses), windowId: tab.windowId });
      }
      save();
      return 'opened';
    },
  };
}
export type PageTabs = ReturnType<typeof createPageTabs>;
