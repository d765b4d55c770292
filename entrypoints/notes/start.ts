import { readRecentNotes } from '../../lib/recent-notes';
import './notes-manager.css';

/** How many notes the first screen is read with: more than fit, even in a tall window. */
const firstScreen = 40;

/**
 * Starts the notes manager (the full page, the side panel, the Firefox sidebar). The first screen of notes is
 * read at once, with IndexedDB itself, while Dexie and the interface load (the page fetches their modules with
 * its own: scripts/preload-page-modules.ts); every note is read after that, and the dataset, for the names of
 * entity notes' entries, once the first rows are on screen.
 */
export function startNotesManager(mode: 'page' | 'panel'): void {
  // Benchmark mark (scripts/bench-notes.ts): where the manager's own work starts.
  performance.mark('notes-start');
  const recent = readRecentNotes(firstScreen);
  void import('./mount').then(({ mountNotesManager }) => mountNotesManager({ mode, recent }));
}
