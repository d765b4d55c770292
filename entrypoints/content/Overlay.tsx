import { useSyncExternalStore } from 'react';
import { ContextCard } from '../../components/ContextCard';
import { FloatingNearRange } from '../../components/Floating';
import { NoteEditor } from '../../components/NoteEditor';
import type { OverlayStore } from './overlay-store';

export interface OverlayActions {
  closeCard(): void;
  pointerOnCard(on: boolean): void;
  openEditor(): void;
  saveNote(body: string): void;
  cancelEditor(): void;
}

/** Everything Watchwords draws over the page: the context card, the "Add note" button, the note editor. */
export function Overlay({ store, actions }: { store: OverlayStore; actions: OverlayActions }) {
  const { card, addNote, editor, toast } = useSyncExternalStore(store.subscribe, store.get);
  return (
    <>
      {card && (
        <FloatingNearRange
          range={card.range}
          label={card.entry.name}
          onPointerEnter={() => actions.pointerOnCard(true)}
          onPointerLeave={() => actions.pointerOnCard(false)}
        >
          <ContextCard entry={card.entry} onClose={actions.closeCard} />
        </FloatingNearRange>
      )}
      {addNote && !editor && (
        <FloatingNearRange range={addNote.range} label="Watchwords" role="group">
          <button type="button" className="button primary add-note-button" onClick={actions.openEditor}>
            Add note
          </button>
        </FloatingNearRange>
      )}
      {editor && (
        <FloatingNearRange range={editor.range} label="Add a note">
          <NoteEditor quote={editor.draft.quote.exact} error={editor.error} onSave={actions.saveNote} onCancel={actions.cancelEditor} />
        </FloatingNearRange>
      )}
      {toast && (
        <FloatingNearRange range={toast.range} label="Watchwords" role="status">
          <p className="toast">{toast.text}</p>
        </FloatingNearRange>
      )}
    </>
  );
}
