import type { Entry } from '../../core/dataset/schema';
import type { NoteDraft } from '../../core/notes/note';

/** What the overlay shows; the content script's features change it, the React overlay renders it. */
export interface OverlayState {
  card?: { range: Range; entry: Entry };
  addNote?: { range: Range; draft: Omit<NoteDraft, 'body' | 'tags'> };
  editor?: { range: Range; draft: Omit<NoteDraft, 'body' | 'tags'>; error?: string };
  toast?: { range: Range; text: string };
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
