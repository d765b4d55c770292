import { ask } from '../../lib/ask';
import type { OverlayStore } from './overlay-store';
import { offsetOf, type PageMentions } from './page-mentions';
import type { UiHost } from './ui-host';

/** W3C TextQuoteSelector context length. */
const contextLength = 32;

/**
 * Selecting text shows an "Add note" button next to it; the button opens the note editor; saving sends the quote
 * and note to the background, which stores it for this tab's page.
 */
export function setupAddNote(options: { mentions: () => PageMentions | undefined; store: OverlayStore; ui: UiHost; signal: AbortSignal }) {
  const { store, ui, signal } = options;

  const offerForSelection = () => {
    if (store.get().editor) return;
    const selection = document.getSelection();
    const page = options.mentions()?.page;
    if (!selection || selection.isCollapsed || !selection.rangeCount || !page) return store.update({ addNote: undefined });
    const range = selection.getRangeAt(0).cloneRange();
    const start = offsetOf(page, range.startContainer, range.startOffset);
    const end = offsetOf(page, range.endContainer, range.endOffset);
    if (start === undefined || end === undefined || end <= start || !page.text.slice(start, end).trim()) {
      return store.update({ addNote: undefined });
    }
    store.update({
      addNote: {
        range,
        draft: {
          quote: {
            exact: page.text.slice(start, end),
            prefix: page.text.slice(Math.max(0, start - contextLength), start),
            suffix: page.text.slice(end, end + contextLength),
          },
          position: { start, end },
        },
      },
    });
  };

  for (const type of ['pointerup', 'keyup'] as const) {
    document.addEventListener(type, (event) => { if (!ui.contains(event)) setTimeout(offerForSelection); }, { signal });
  }
  document.addEventListener('selectionchange', () => {
    if (store.get().addNote && document.getSelection()?.isCollapsed) store.update({ addNote: undefined });
  }, { signal });

  let toastTimer: ReturnType<typeof setTimeout> | undefined;
  signal.addEventListener('abort', () => clearTimeout(toastTimer));

  return {
    openEditor() {
      const offer = store.get().addNote;
      if (offer) store.update({ addNote: undefined, editor: { range: offer.range, draft: offer.draft } });
    },
    cancelEditor() {
      store.update({ editor: undefined });
    },
    async saveNote(body: string) {
      const editor = store.get().editor;
      if (!editor) return;
      try {
        await ask({ type: 'notes.add', draft: { ...editor.draft, body, tags: [] } });
        store.update({ editor: undefined, toast: { range: editor.range, text: 'Note saved' } });
        clearTimeout(toastTimer);
        toastTimer = setTimeout(() => store.update({ toast: undefined }), 2500);
      } catch (error) {
        store.update({ editor: { ...editor, error: (error as Error).message } });
      }
    },
  };
}
