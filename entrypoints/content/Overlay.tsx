import { useEffect, useState, useSyncExternalStore } from 'react';
import { ContextCard } from '../../components/ContextCard';
import { FloatingNearRange } from '../../components/Floating';
import { NoteEditor } from '../../components/NoteEditor';
import { NotePopover } from '../../components/NotePopover';
import type { OverlayStore } from './overlay-store';

export interface OverlayActions {
  closeCard(): void;
  pointerOnCard(on: boolean): void;
  openRelated(id: string): void;
  back(): void;
  addEntityNote(): void;
  notThis(): void;
  pauseSite(): void;
  openSelectionEditor(): void;
  saveNote(body: string, tags: string[]): void;
  cancelEditor(): void;
  closeNote(): void;
  pointerOnNote(on: boolean): void;
}

/** Everything Watchwords draws over the page: the card, the "Add note" button, the note editor, a live region. */
export function Overlay({ store, actions }: { store: OverlayStore; actions: OverlayActions }) {
  const { card, addNote, editor, toast, note, announcement, focusCard } = useSyncExternalStore(store.subscribe, store.get);
  return (
    <>
      {card && (
        <FloatingNearRange
          range={card.record.range}
          label={card.entry.name}
          focusKey={card.pinned ? focusCard : undefined}
          onPointerEnter={() => actions.pointerOnCard(true)}
          onPointerLeave={() => actions.pointerOnCard(false)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              actions.closeCard();
            }
          }}
        >
          <ContextCard
            entry={card.entry}
            related={card.related}
            notes={card.notes}
            onOpenRelated={actions.openRelated}
            onBack={card.trail.length ? actions.back : undefined}
            onAddNote={actions.addEntityNote}
            onNotThis={actions.notThis}
            onPauseSite={actions.pauseSite}
            onClose={actions.closeCard}
          />
        </FloatingNearRange>
      )}
      {note && !card && (
        <FloatingNearRange
          range={note.range}
          label="Your note"
          focusKey={note.pinned ? 0 : undefined}
          onPointerEnter={() => actions.pointerOnNote(true)}
          onPointerLeave={() => actions.pointerOnNote(false)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              actions.closeNote();
            }
          }}
        >
          <NotePopover note={note.note} onClose={actions.closeNote} />
        </FloatingNearRange>
      )}
      {addNote && !editor && (
        <FloatingNearRange range={addNote.range} label="Watchwords" role="group">
          <button type="button" className="button primary add-note-button" onClick={actions.openSelectionEditor}>
            Add note
          </button>
        </FloatingNearRange>
      )}
      {editor && (
        <FloatingNearRange range={editor.range} label={editor.target.kind === 'entity' ? `Add a note on ${editor.target.name}` : 'Add a note'}>
          <NoteEditor
            quote={editor.target.kind === 'page' ? editor.target.draft.quote.exact : undefined}
            subject={editor.target.kind === 'entity' ? editor.target.name : undefined}
            error={editor.error}
            onSave={actions.saveNote}
            onCancel={actions.cancelEditor}
          />
        </FloatingNearRange>
      )}
      {toast && (
        <FloatingNearRange range={toast.range} label="Watchwords" role="status">
          <p className="toast">{toast.text}</p>
        </FloatingNearRange>
      )}
      <LiveRegion text={announcement} />
    </>
  );
}

/**
 * A polite live region. Screen readers speak a change of its text, not what it already held when it appeared, so
 * the text follows one task later: the first announcement (which may be what adds our UI to the page) is spoken too.
 */
function LiveRegion({ text }: { text?: string }) {
  const [shown, setShown] = useState<string>();
  useEffect(() => {
    const timer = setTimeout(() => setShown(text), 0);
    return () => clearTimeout(timer);
  }, [text]);
  return (
    <div className="visually-hidden" role="status" aria-live="polite">
      {shown}
    </div>
  );
}
