import { useLiveQuery } from 'dexie-react-hooks';
import { NoteList } from '../../components/NoteList';
import type { NotesDatabase } from '../../lib/notes-db';

/** "Notes on this page". `pageUrl` undefined: still looking up the tab; null: not a web page. */
export function PageNotes({ db, pageUrl }: { db: NotesDatabase; pageUrl: string | null | undefined }) {
  const notes = useLiveQuery(() => (pageUrl ? db.pageNotes(pageUrl) : []), [pageUrl]);
  return (
    <section className="page-notes" aria-labelledby="page-notes-title">
      <h2 id="page-notes-title">Notes on this page</h2>
      {pageUrl === null ? (
        <p className="empty">Notes can be kept on web pages only.</p>
      ) : notes === undefined || pageUrl === undefined ? (
        <p className="empty">Loading…</p>
      ) : (
        <NoteList notes={notes} empty="No notes on this page yet. Select text on the page and choose “Add note”." />
      )}
    </section>
  );
}
