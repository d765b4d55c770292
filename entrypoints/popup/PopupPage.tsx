import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { NoteList } from '../../components/NoteList';
import { exportFileName, exportNotesJson } from '../../core/notes/export-json';
import { normalisePageUrl } from '../../core/notes/page-url';
import type { NotesDatabase } from '../../lib/notes-db';

/**
 * The page the reader is on: the active tab, or, when this page itself is open in a tab, the tab they used last.
 */
async function readerPageUrl(): Promise<string | undefined> {
  const own = browser.runtime.getURL('/');
  const tabs = await browser.tabs.query({ currentWindow: true });
  const pages = tabs.filter((tab) => tab.url && !tab.url.startsWith(own));
  const active = pages.find((tab) => tab.active);
  const latest = active ?? pages.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
  return latest?.url && normalisePageUrl(latest.url);
}

export function PopupPage({ db }: { db: NotesDatabase }) {
  const [pageUrl, setPageUrl] = useState<string | null>();
  useEffect(() => void readerPageUrl().then((url) => setPageUrl(url ?? null)), []);
  const notes = useLiveQuery(() => (pageUrl ? db.pageNotes(pageUrl) : []), [pageUrl]);

  const exportAll = async () => {
    const now = new Date();
    const blob = new Blob([exportNotesJson(await db.notes.toArray(), now)], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = exportFileName(now);
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  };

  return (
    <main className="popup">
      <header className="popup-header">
        <h1>Watchwords</h1>
        <button type="button" className="button" onClick={() => void exportAll()}>
          Export all notes (JSON)
        </button>
      </header>
      <section aria-labelledby="page-notes-title">
        <h2 id="page-notes-title">Notes on this page</h2>
        {pageUrl === null ? (
          <p className="empty">Notes can be kept on web pages only.</p>
        ) : notes === undefined ? (
          <p className="empty">Loading…</p>
        ) : (
          <NoteList notes={notes} empty="No notes on this page yet. Select text on the page and choose “Add note”." />
        )}
      </section>
    </main>
  );
}
