import { draftKey, draftsOnPage, indexWith, type Draft, type DraftIndexEntry } from '../core/notes/drafts';
import { notePageAddress } from '../core/notes/page-url';
import type { DraftSummary, EditorTarget } from '../core/protocol/frame';
import type { StorageArea } from './settings';

const indexKey = 'drafts';
const storageKeyOf = (key: string) => `draft:${key}`;

/**
 * The reader's unsaved notes, in the extension's storage.local (never the page's storage). The background is the
 * one writer: the overlay frame saves as the reader types, the content script asks which drafts a page has (their
 * targets, never their text). Writes run one at a time. The index holds everything but the text.
 */
export function createDraftStore(area: StorageArea, now: () => Date = () => new Date()) {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };
  const readIndex = async (): Promise<DraftIndexEntry[]> => {
    const stored = ((await (area.get as (keys: string[]) => Promise<Record<string, unknown>>)([indexKey])) ?? {})[indexKey];
    return Array.isArray(stored) ? (stored as DraftIndexEntry[]) : [];
  };
  const writeIndex = async (entry: DraftIndexEntry | undefined, removedKey: string | undefined, extra: Record<string, unknown> = {}) => {
    const { index, dropped } = indexWith(await readIndex(), entry, removedKey, now());
    await area.set({ ...extra, [indexKey]: index });
    const gone = [...dropped, ...(removedKey ? [removedKey] : [])].map(storageKeyOf);
    if (gone.length) await area.remove(gone);
  };

  return {
    save: (target: EditorTarget, body: string, tagText: string, tabUrl: string) =>
      serial(async () => {
        const where = draftKey(target, tabUrl);
        if (!where) return undefined;
        const savedAt = now().toISOString();
        // Nothing written: no draft (and an emptied one goes).
        if (!body.trim() && !tagText.trim()) {
          await writeIndex(undefined, where.key);
          return undefined;
        }
        const draft: Draft = { key: where.key, target, body, tagText, savedAt, pages: where.pages };
        await writeIndex({ key: where.key, target, savedAt, pages: where.pages }, undefined, { [storageKeyOf(where.key)]: draft });
        return savedAt;
      }),
    get: async (target: EditorTarget, tabUrl: string): Promise<Draft | undefined> => {
      const where = draftKey(target, tabUrl);
      if (!where) return undefined;
      const stored = ((await (area.get as (keys: string[]) => Promise<Record<string, unknown>>)([storageKeyOf(where.key)])) ?? {})[storageKeyOf(where.key)];
      return stored && typeof stored === 'object' ? (stored as Draft) : undefined;
    },
    discard: (target: EditorTarget, tabUrl: string) =>
      serial(async () => {
        const where = draftKey(target, tabUrl);
        if (where) await writeIndex(undefined, where.key);
      }),
    /** The drafts written on the page in a tab (under its address or its canonical one). */
    forPage: async (tabUrl: string, canonicalUrl?: string): Promise<DraftSummary[]> => {
      const address = notePageAddress(tabUrl, canonicalUrl);
      if (!address) return [];
      return draftsOnPage(await readIndex(), [address.url, ...address.alternateUrls]);
    },
  };
}
export type DraftStore = ReturnType<typeof createDraftStore>;
