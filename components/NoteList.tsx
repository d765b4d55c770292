import type { Note } from '../core/notes/note';

/**
 * Notes as a list of quotes with what the reader wrote about them. `orphaned`: notes whose quote was not found on
 * the page the last time it was read, marked as such.
 */
export function NoteList({ notes, empty, orphaned }: { notes: Note[]; empty: string; orphaned?: ReadonlySet<string> }) {
  if (!notes.length) return <p className="empty">{empty}</p>;
  return (
    <ul className="note-list">
      {notes.map((note) => (
        <li key={note.id} className="note-item">
          {orphaned?.has(note.id) && (
            <p className="note-item-orphan">Not found on the page: its quote is no longer there (the note is kept).</p>
          )}
          {note.target.kind === 'page' && <blockquote className="note-item-quote">{note.target.quote.exact}</blockquote>}
          {note.body && <p className="note-item-body">{note.body}</p>}
          <time className="note-item-time" dateTime={note.createdAt}>
            {new Date(note.createdAt).toLocaleString()}
          </time>
        </li>
      ))}
    </ul>
  );
}
