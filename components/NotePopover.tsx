import type { Note } from '../core/notes/note';

/** One of the reader's notes, shown over the text it was written on. */
export function NotePopover({ note, onClose }: { note: Note; onClose: () => void }) {
  return (
    <section className="note-popover" aria-label="Your note">
      <header className="note-popover-header">
        <h2 className="note-popover-title">Your note</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      {note.body ? <p className="note-popover-body">{note.body}</p> : <p className="note-popover-body note-hint">(no text)</p>}
      {note.tags.length > 0 && (
        <ul className="note-popover-tags" aria-label="Tags">
          {note.tags.map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      )}
      <time className="note-popover-time" dateTime={note.createdAt}>
        {new Date(note.createdAt).toLocaleString()}
      </time>
    </section>
  );
}
