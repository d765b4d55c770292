import type { RelatedEntity } from '../../components/ContextCard';
import type { Entry } from '../../core/dataset/schema';
import { relationNames } from '../../core/dataset/relations';
import { ask } from '../../lib/messaging';
import type { EntryCache } from './entry-cache';
import type { OverlayStore } from './overlay-store';
import type { MentionRecord } from './page-scanner';

export interface Cards {
  open(record: MentionRecord, how: { pinned: boolean }): Promise<void>;
  close(): void;
  openRelated(id: string): Promise<void>;
  back(): void;
  refreshNotes(): Promise<void>;
}

/**
 * The context card: which entry it shows, the entries it links to, the reader's notes on it, and where keyboard
 * focus goes back to when it closes.
 */
export function createCards(store: OverlayStore, entries: EntryCache): Cards {
  let returnFocusTo: Element | null = null;

  const show = async (record: MentionRecord, entry: Entry, trail: Entry[], pinned: boolean) => {
    store.update({ card: { record, entry, related: [], notes: [], trail, pinned } });
    const [related, notes] = await Promise.all([relatedOf(entry, entries), notesOn(entry.id)]);
    const card = store.get().card;
    if (card?.entry.id === entry.id) store.update({ card: { ...card, related, notes } });
  };

  return {
    async open(record, { pinned }) {
      const entry = await entries.get(record.mention.entity.id);
      if (!entry) return;
      if (pinned) {
        // From one card to the next (focus is then in our UI), focus still goes back to where it was before the first.
        const active = document.activeElement;
        if (active?.localName !== 'watchwords-ui') returnFocusTo = active;
        store.update({ focusCard: (store.get().focusCard ?? 0) + 1 });
      }
      await show(record, entry, [], pinned);
    },
    close() {
      if (!store.get().card) return;
      const wasPinned = store.get().card?.pinned;
      store.update({ card: undefined });
      if (wasPinned && returnFocusTo instanceof HTMLElement) returnFocusTo.focus();
      returnFocusTo = null;
    },
    async openRelated(id) {
      const card = store.get().card;
      const entry = await entries.get(id);
      if (!card || !entry) return;
      // Following a link is a deliberate act: the card stays open until closed.
      await show(card.record, entry, [...card.trail, card.entry], true);
    },
    back() {
      const card = store.get().card;
      const previous = card?.trail.at(-1);
      if (card && previous) void show(card.record, previous, card.trail.slice(0, -1), card.pinned);
    },
    async refreshNotes() {
      const card = store.get().card;
      if (!card) return;
      const notes = await notesOn(card.entry.id);
      if (store.get().card?.entry.id === card.entry.id) store.update({ card: { ...store.get().card!, notes } });
    },
  };
}

async function relatedOf(entry: Entry, entries: EntryCache): Promise<RelatedEntity[]> {
  const links = relationNames.flatMap((relation) => (entry.relations[relation] ?? []).map((id) => ({ relation, id })));
  entries.prefetch(links.map((link) => link.id));
  const resolved = await Promise.all(links.map(async ({ relation, id }) => ({ relation, entry: await entries.get(id) })));
  return resolved.flatMap(({ relation, entry: target }) => (target ? [{ id: target.id, name: target.name, kind: target.kind, relation }] : []));
}

async function notesOn(entityId: string) {
  try {
    const { notes } = await ask({ type: 'notes.forEntity', entityId });
    return notes.map(({ id, body, createdAt }) => ({ id, body, createdAt }));
  } catch {
    return [];
  }
}
