import { createRoot } from 'react-dom/client';
import type { Note } from '../../core/notes/note';
import { NotesDatabase } from '../../lib/notes-db';
import { createNotesStore } from '../../lib/notes-query-live';
import { addKindColours } from '../../components/kind-colours';
import { NotesManager, type EntityInfo } from './NotesManager';

/** Renders the notes manager into `#root` (see start.ts). */
export function mountNotesManager({ mode, recent }: { mode: 'page' | 'panel'; recent: Promise<Note[]> }): void {
  const db = new NotesDatabase();
  const notes = createNotesStore(db, { preview: recent });
  addKindColours();
  const root = createRoot(document.getElementById('root')!);
  const render = (entities: ReadonlyMap<string, EntityInfo>) => root.render(<NotesManager db={db} notes={notes} entities={entities} mode={mode} />);
  render(new Map());
  // The dataset is the largest part of the page's code: loaded once the first rows are shown (or after a while,
  // when there are none).
  let loading = false;
  const loadEntities = () => {
    if (loading) return;
    loading = true;
    observer.disconnect();
    void import('virtual:watchwords/entries').then(({ default: entries }) =>
      render(new Map(entries.map((entry) => [entry.id, { name: entry.name, kind: entry.kind }]))),
    );
  };
  const observer = new PerformanceObserver((list) => {
    if (list.getEntriesByName('notes-first-render').length) loadEntities();
  });
  observer.observe({ type: 'mark', buffered: true });
  setTimeout(loadEntities, 1500);
}
