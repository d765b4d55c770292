import type { RelatedEntity, EntityNoteSummary } from '../../components/ContextCard';
import type { Entry } from '../../core/dataset/schema';
import type { Note, NoteDraft } from '../../core/notes/note';
import type { MentionRecord } from './page-scanner';

export interface CardState {
  record: MentionRecord;
  entry: Entry;
  related: RelatedEntity[];
  notes: EntityNoteSummary[];
  /** Entries the reader came through by following related links, for "Back". */
  trail: Entry[];
  /** Opened from the keyboard: stays until closed, whatever the pointer does. */
  pinned: boolean;
}

/** The page a note is written on, as it was when the reader selected the quote. */
export interface NotePage {
  writtenAt: string;
  title: string;
  canonicalUrl?: string;
}

export type EditorTarget =
  | { kind: 'page'; draft: Omit<NoteDraft, 'body' | 'tags'>; page: NotePage }
  | { kind: 'entity'; entityId: string; name: string };

/** What the overlay shows; the content script's features change it, the React overlay renders it. */
export interface OverlayState {
  card?: CardState;
  addNote?: { range: Range; draft: Omit<NoteDraft, 'body' | 'tags'>; page: NotePage };
  editor?: { range: Range; target: EditorTarget; error?: string };
  toast?: { range: Range; text: string };
  /** One of the reader's notes, shown over its quote. */
  note?: { note: Note; range: Range; pinned: boolean };
  /** Said by the live region. */
  announcement?: string;
  /** Bumped to move keyboard focus into the card. */
  focusCard?: number;
}

export class OverlayStore {
  private state: OverlayState = {};
  private readonly listeners = new Set<() => void>();

  get = (): OverlayState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  update(change: Partial<OverlayState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener();
  }
}
