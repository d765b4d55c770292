import type { EditorTarget } from '../../../core/protocol/frame';
import { ask } from '../../../lib/messaging';
import { notePlace, selectorsOf } from '../page-quotes';
import { createElement, getSelection, listenOnDocument } from '../dom';
import type { ContentFeature } from './context';

/**
 * Selecting text shows "Add note" and "Watch this name" beside it (in our shadow root: they hold nothing of the
 * reader's). "Add note", the context-menu item or the keyboard command opens the note editor in the frame; "Watch
 * this name" opens the watchlist's form with the selected words (as its context-menu item does). A card's "Add note"
 * opens the editor on the card's entity. Only the reader's own selecting and pressing count (trusted events).
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
    const watch = createElement('button');
    watch.type = 'button';
    watch.className = 'add-note secondary';
    watch.textContent = 'Watch this name';
    watch.hidden = true;
    ui.controls.append(button, watch);
    signal.addEventListener('abort', () => {
      button.remove();
      watch.remove();
    });

    const withdraw = () => {
      offer = undefined;
      button.hidden = true;
      watch.hidden = true;
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
      const left = Math.max(8, Math.min(last.left, innerWidth - width - 8));
      const top = last.bottom + 6 + 36 > innerHeight ? Math.max(8, last.top - 42) : last.bottom + 6;
      button.style.left = `${left}px`;
      button.style.top = `${top}px`;
      // "Watch this name" to its right, for a selection short enough to be a name (below it when there is no room).
      watch.hidden = offer.range.toString().trim().length > 120;
      const watchWidth = watch.offsetWidth || 130;
      const beside = left + width + 6 + watchWidth <= innerWidth - 8;
      watch.style.left = `${beside ? left + width + 6 : left}px`;
      watch.style.top = `${beside ? top : top + 42}px`;
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
    watch.addEventListener('click', (event) => {
      if (!event.isTrusted || !offer) return;
      const text = offer.range.toString().trim().slice(0, 1000);
      withdraw();
      void ask({ type: 'watch.open', text }).catch(() => undefined);
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
