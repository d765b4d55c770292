import type { CardEntry as Entry } from '../../core/watchlist/runtime';
import { ask } from '../../lib/messaging';

/** Card data comes from the background (the content script bundles only the matching terms), fetched once. */
export class EntryCache {
  private readonly entries = new Map<string, Promise<Entry | undefined>>();

  prefetch(ids: string[]): void {
    const missing = [...new Set(ids)].filter((id) => !this.entries.has(id));
    if (!missing.length) return;
    const answer = ask({ type: 'entries.get', ids: missing }).then(({ entries }) => new Map(entries.map((entry) => [entry.id, entry])));
    for (const id of missing) {
      this.entries.set(id, answer.then((found) => found.get(id), () => (this.entries.delete(id), undefined)));
    }
  }

  /** Forgets every entry (the reader's entries or packs changed). */
  clear(): void {
    this.entries.clear();
  }

  get(id: string): Promise<Entry | undefined> {
    this.prefetch([id]);
    return this.entries.get(id)!;
  }
}
