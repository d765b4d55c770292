import { useLiveQuery } from 'dexie-react-hooks';
import { NoteList } from '../../components/NoteList';
import type { NotesDatabase } from '../../lib/notes-db';

/**
 * "Notes on this page": the notes kept under any of the page's addresses (its canonical address and the tab's,
 * as the page itself finds them), orphans marked. `addresses` undefined: still looking up the tab; null: not a
 * web page.
 */
export function PageNotes({ db, addresses }: { db: NotesDatabase; addresses: string[] | null | undefined }) {
  const key = addresses?.join(' ');
  const notes = useLiveQuery(async () => {
    if (!addresses?.length) return [];
    const found = await Promise.all(addresses.map((url) => db.pageNotes(url)));
    return [...new Map(found.flat().map((note) => [note.id, note])).values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }, [key]);
  const orphaned = useLiveQuery(async () => {
    const ids = notes?.map((note) => note.id) ?? [];
    const states = await db.anchoring.bulkGet(ids);
    return new Set(states.flatMap((state) => (state?.state === 'orphaned' ? [state.noteId] : [])));
  }, [notes]);
  return (
    <section className="page-notes" aria-labelledby="page-notes-title">
      <h2 id="page-notes-title">Notes on this page</h2>
      {addresses === null ? (
        <p className="empty">Notes can be kept on web pages only.</p>
      ) : notes === undefined || addresses === undefined ? (
        <p className="empty">Loading…</p>
      ) : (
        <NoteList notes={notes} orphaned={orphaned} empty="No notes on this page yet. Select text on the page and choose “Add note”." />
      )}
    </section>
  );
}
