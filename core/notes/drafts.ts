import type { DraftSummary, EditorTarget } from '../protocol/frame';
import { notePageAddress } from './page-url';

/**
 * Unsaved notes. The editor saves what the reader writes as they write it (the background keeps it in the
 * extension's storage), so nothing is lost when the page navigates, reloads, removes our frame, or the tab or the
 * browser closes; the next visit offers it back. One draft per quote of a page, and one per entity.
 */
export interface Draft {
  key: string;
  target: EditorTarget;
  body: string;
  /** The tags as typed (they may not parse yet). */
  tagText: string;
  savedAt: string;
  /** The page addresses it was written on (notes keys: the page's and its canonical one), to offer it there. */
  pages: string[];
}

/** What the background keeps in its index: everything but the text. */
export type DraftIndexEntry = Omit<Draft, 'body' | 'tagText'>;

/** Limits: long enough for any paste the editor takes (a paste over the note limit is kept, to be cut down). */
export const draftLimits = { body: 2_000_000, tagText: 20_000, count: 50, ageDays: 30 } as const;

/**
 * The key of the draft for a target written in a tab showing `tabUrl`: the page (its notes key) and the quote's
 * position for a page note, the entity for an entity note. Undefined where no note could be kept (not a web page).
 */
export function draftKey(target: EditorTarget, tabUrl: string): { key: string; pages: string[] } | undefined {
  if (target.kind === 'entity') {
    const page = notePageAddress(tabUrl);
    return { key: `entity:${target.entityId}`, pages: page ? [page.url] : [] };
  }
  const writtenAt = sameOrigin(target.page.writtenAt, tabUrl) ? target.page.writtenAt : tabUrl;
  const address = notePageAddress(writtenAt, target.page.canonicalUrl);
  if (!address) return undefined;
  return { key: `page:${address.url}#${target.position.start}-${target.position.end}`, pages: [address.url, ...address.alternateUrls] };
}

/** The index after saving `entry`: newest first, at most `draftLimits.count`, none older than `draftLimits.ageDays`. */
export function indexWith(index: readonly DraftIndexEntry[], entry: DraftIndexEntry | undefined, removedKey: string | undefined, now: Date): { index: DraftIndexEntry[]; dropped: string[] } {
  const oldest = now.getTime() - draftLimits.ageDays * 86_400_000;
  const others = index.filter((item) => item.key !== entry?.key && item.key !== removedKey);
  const all = [...(entry ? [entry] : []), ...others].sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  const kept = all.filter((item, i) => i < draftLimits.count && Date.parse(item.savedAt) >= oldest);
  const keptKeys = new Set(kept.map((item) => item.key));
  return { index: kept, dropped: all.filter((item) => !keptKeys.has(item.key)).map((item) => item.key) };
}

/** The drafts to offer on a page (its notes key and alternates), newest first. */
export function draftsOnPage(index: readonly DraftIndexEntry[], pages: readonly string[]): DraftSummary[] {
  const wanted = new Set(pages);
  return index.filter((item) => item.pages.some((page) => wanted.has(page))).map(({ target, savedAt }) => ({ target, savedAt }));
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
