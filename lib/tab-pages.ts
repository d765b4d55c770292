/** The part of a storage area used here (browser.storage.session). */
interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** Where a tab is, to bring it to the front: its id and its window. */
export interface TabPlace {
  id: number;
  windowId: number;
}

/**
 * Which page each tab shows, as its content script told the background (the addresses its notes are kept under).
 * This is how "Open" in the notes manager finds a tab showing a note's page without the "tabs" permission, which
 * would let Watchwords read the address of every tab. Kept in session storage: the service worker may be stopped
 * between a page's load and the reader's "Open"; nothing of it outlives the browser session.
 */
export interface TabPages {
  record(place: TabPlace, urls: string[]): Promise<void>;
  forget(tabId: number): Promise<void>;
  /** The tab that last reported one of `urls`, if it still shows it. */
  find(urls: readonly string[]): Promise<TabPlace | undefined>;
}

type Stored = Record<string, { windowId: number; urls: string[]; at: number }>;
const key = 'tabPages';

/** Keeps the table in `area` (session storage), or in memory when there is none. */
export function createTabPages(area?: StorageArea): TabPages {
  let memory: Stored = {};
  const read = async (): Promise<Stored> => (area ? (((await area.get(key))[key] as Stored | undefined) ?? {}) : memory);
  const write = async (table: Stored) => {
    if (area) await area.set({ [key]: table });
    else memory = table;
  };
  // One change at a time: two tabs reporting at once must not overwrite each other.
  let queue: Promise<unknown> = Promise.resolve();
  const change = (fn: (table: Stored) => Stored) => {
    const next = queue.then(async () => write(fn(await read())));
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    record: (place, urls) => change((table) => ({ ...table, [place.id]: { windowId: place.windowId, urls: [...urls], at: Date.now() } })),
    forget: (tabId) =>
      change((table) => {
        const { [tabId]: _, ...rest } = table;
        return rest;
      }),
    async find(urls) {
      const wanted = new Set(urls);
      const matches = Object.entries(await read())
        .filter(([, entry]) => entry.urls.some((url) => wanted.has(url)))
        .sort(([, a], [, b]) => b.at - a.at);
      const [id, entry] = matches[0] ?? [];
      return id !== undefined && entry ? { id: Number(id), windowId: entry.windowId } : undefined;
    },
  };
}
