import { ask } from '../../lib/messaging';
import { collectPageText } from '../../lib/page-text';
import { quoteContextLength } from '../../core/notes/limits';
import type { Note } from '../../core/notes/note';
import type { EditorTarget, OverlayStore } from './overlay-store';
import { canonicalUrl } from './page-notes';
import { offsetOf } from './page-offsets';
import type { UiHost } from './ui-host';


/**
 * Selecting text shows an "Add note" button next to it; the button opens the note editor; saving sends the note
 * to the background, which stores it for this tab's page. Notes on an entity start from its card.
 */
export function setupNotes(options: {
  store: OverlayStore;
  ui: UiHost;
  onEntityNoteSaved(): void;
  onPageNoteSaved(note: Note, range: Range): void;
  signal: AbortSignal;
}) {
  const { store, ui, signal } = options;

  const offerForSelection = () => {
    if (store.get().editor) return;
    const selection = document.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount || !document.body) return store.update({ addNote: undefined });
    const range = selection.getRangeAt(0).cloneRange();
    // Positions are offsets into the whole page's text as Watchwords reads it, so notes re-anchor the same way.
    const page = collectPageText(document.body);
    const start = offsetOf(page, range.startContainer, range.startOffset);
    const end = offsetOf(page, range.endContainer, range.endOffset);
    if (start === undefined || end === undefined || end <= start || !page.text.slice(start, end).trim()) {
      return store.update({ addNote: undefined });
    }
    const draft = {
      quote: {
        exact: page.text.slice(start, end),
        prefix: page.text.slice(Math.max(0, start - quoteContextLength), start),
        suffix: page.text.slice(end, end + quoteContextLength),
      },
      position: { start, end },
    };
    // Where the note is being written, as it is now: a single-page app may move on before it is saved.
    const writtenOn = { writtenAt: location.href, title: document.title, canonicalUrl: canonicalUrl() };
    store.update({ addNote: { range, draft, page: writtenOn } });
  };

  for (const type of ['pointerup', 'keyup'] as const) {
    document.addEventListener(type, (event) => { if (!ui.contains(event)) setTimeout(offerForSelection); }, { signal });
  }
  document.addEventListener('selectionchange', () => {
    if (store.get().addNote && document.getSelection()?.isCollapsed) store.update({ addNote: undefined });
  }, { signal });

  let toastTimer: ReturnType<typeof setTimeout> | undefined;
  signal.addEventListener('abort', () => clearTimeout(toastTimer));
  const open = (range: Range, target: EditorTarget) => store.update({ addNote: undefined, editor: { range, target } });

  return {
    /** The context-menu item and the keyboard shortcut: a note on whatever is selected now. */
    fromSelection() {
      offerForSelection();
      this.openSelectionEditor();
    },
    openSelectionEditor() {
      const offer = store.get().addNote;
      if (offer) open(offer.range, { kind: 'page', draft: offer.draft, page: offer.page });
    },
    openEntityEditor(range: Range, entityId: string, name: string) {
      store.update({ card: undefined });
      open(range, { kind: 'entity', entityId, name });
    },
    cancel() {
      store.update({ editor: undefined });
    },
    async save(body: string, tags: string[]) {
      const editor = store.get().editor;
      if (!editor) return;
      try {
        if (editor.target.kind === 'page') {
          const { page } = editor.target;
          const { note } = await ask({ type: 'notes.add', draft: { ...editor.target.draft, body, tags }, ...page });
          options.onPageNoteSaved(note, editor.range);
        } else await ask({ type: 'notes.addForEntity', draft: { entityId: editor.target.entityId, body, tags } });
        store.update({ editor: undefined, toast: { range: editor.range, text: 'Note saved' } });
        if (editor.target.kind === 'entity') options.onEntityNoteSaved();
        clearTimeout(toastTimer);
        toastTimer = setTimeout(() => store.update({ toast: undefined }), 2500);
      } catch (error) {
        store.update({ editor: { ...editor, error: (error as Error).message } });
      }
    },
  };
}
