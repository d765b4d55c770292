import type { EditorTarget } from '../../../core/protocol/frame';
import { notePlace, selectorsOf } from '../page-quotes';
import type { ContentFeature } from './context';
import { createElement, getSelection, listenOnDocument } from '../dom';

/**
 * Selecting text shows an "Add note" button beside it (in our shadow root: it holds nothing of the reader's);
 * pressing it, the context-menu item or the keyboard command opens the note editor in the frame. A card's "Add
 * note" opens it on the card's entity. Only the reader's own selecting and pressing count (trusted events).
 */
export const addNote: ContentFeature = {
  name: 'add note',
  start(context) {
    const { overlay, signal, ui } = context;
    let offer: { range: Range; target: Extract<EditorTarget, { kind: 'page' }> } | undefined;
    const button = createElement('button');
    button.type = 'button';
    button.className = 'add-note';
    button.textContent = 'Add note';
    button.hidden = true;
    ui.controls.append(button);
    signal.addEventListener('abort', () => button.remove());

    const withdraw = () => {
      offer = undefined;
      button.hidden = true;
    };

    /** What the current selection would be a note on, if anything. */
    const selectionTarget = () => {
      const selection = getSelection();
      if (!selection || selection.isCollapsed || !selection.rangeCount || !document.body) return undefined;
      const range = selection.getRangeAt(0).cloneRange();
      // Not a selection inside our own UI (the page cannot select in our shadow root, nor in the frame).
      if (ui.host.contains(range.commonAncestorContainer)) return undefined;
      const selectors = selectorsOf(range);
      return selectors ? { range, target: { kind: 'page' as const, ...selectors, page: notePlace() } } : undefined;
    };

    const place = () => {
      if (!offer) return;
      const rects = [...offer.range.getClientRects()];
      const last = rects.at(-1) ?? offer.range.getBoundingClientRect();
      button.hidden = false;
      const width = button.offsetWidth || 90;
      button.style.left = `${Math.max(8, Math.min(last.left, innerWidth - width - 8))}px`;
      button.style.top = `${last.bottom + 6 + 36 > innerHeight ? Math.max(8, last.top - 42) : last.bottom + 6}px`;
    };
    const offerForSelection = () => {
      if (overlay.shown.kind === 'editor') return withdraw();
      offer = selectionTarget();
      if (!offer) return withdraw();
      place();
    };

    const open = (found: NonNullable<typeof offer>) => {
      withdraw();
      overlay.openEditor(found.target, found.range);
    };

    for (const type of ['pointerup', 'keyup'] as const) {
      listenOnDocument(type, (event) => {
        if (event.isTrusted && !ui.contains(event)) setTimeout(offerForSelection);
      }, { signal });
    }
    listenOnDocument('selectionchange', () => {
      if (offer && getSelection()?.isCollapsed) withdraw();
    }, { signal });
    button.addEventListener('click', (event) => {
      if (event.isTrusted && offer) open(offer);
    }, { signal });
    addEventListener('scroll', place, { passive: true, signal });

    return {
      tabHandlers: {
        // The context-menu item and the keyboard command: a note on whatever is selected now.
        'notes.fromSelection': () => {
          const found = selectionTarget();
          if (found) open(found);
          return { opened: found !== undefined };
        },
      },
      cardActions: [
        {
          id: 'add-note',
          label: 'Add note',
          primary: true,
          title: (card) => `Write a note on ${card.entityName}`,
          run(card) {
            overlay.openEditor({ kind: 'entity', entityId: card.entityId, name: card.entityName }, card.record.range);
          },
        },
      ],
    };
  },
};
