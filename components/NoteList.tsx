import type { Note } from '../core/notes/note';

/** Notes as a list of quotes with what the reader wrote about them. */
export function NoteList({ notes, empty }: { notes: Note[]; empty: string }) {
  if (!notes.length) return <p className="empty">{empty}</p>;
  return (
    <ul className="note-list">
      {notes.map((note) => (
        <li key={note.id} className="note-item">
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
