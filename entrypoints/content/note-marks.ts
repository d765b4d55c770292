import type { UiHost } from './ui-host';
import { createElement } from './dom';

/**
 * The reader's notes are marked on the page by boxes drawn in our closed shadow root, not by CSS highlights.
 *
 * Why: the `CSS.highlights` registry is shared with the page. Any page script can list its ranges and read their
 * text, so registering note ranges there tells the page which passages the reader annotated (and, with the ranges'
 * positions, when they were written about). Boxes in a closed shadow root say nothing: the page cannot reach them,
 * and they take no pointer events, so hit tests (`elementsFromPoint`) do not find them either.
 *
 * The trade-off: a box is drawn over the text rather than painted with it. It is placed in document coordinates
 * (scrolling the page moves one layer, not every box), and placed again, at most once a frame, when the layout may have moved the
 * text (a resize, a change of the page's size, scrolling inside an element, a font loading). In between, text that
 * moves without changing the page's size (an animation, a sticky header sliding over it) can leave a box a little
 * off until the next layout change; boxes sit above the page's own layers, so a header covering the text may show
 * the box over it. Mentions (the dataset's names, not reader data) keep using CSS highlights.
 */
export interface NoteMarks {
  set(id: string, range: Range): void;
  delete(id: string): void;
  clear(): void;
  /** Places every box again (after the page's layout changed). */
  update(): void;
}

/** At most this many boxes per note (a quote spanning many lines). */
const maxBoxesPerNote = 200;

export function createNoteMarks(ui: UiHost, signal: AbortSignal): NoteMarks {
  const ranges = new Map<string, Range>();
  const groups = new Map<string, HTMLElement>();
  let frame = 0;

  /** The layer follows the page's scroll: one style change per frame, whatever the number of boxes. */
  const follow = () => {
    ui.marks.style.transform = `translate(${-scrollX}px, ${-scrollY}px)`;
  };
  const place = () => {
    frame = 0;
    follow();
    const origin = ui.marks.getBoundingClientRect();
    for (const [id, range] of ranges) {
      const group = groups.get(id)!;
      const rects = range.startContainer.isConnected ? [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0).slice(0, maxBoxesPerNote) : [];
      while (group.childElementCount > rects.length) group.lastElementChild!.remove();
      while (group.childElementCount < rects.length) {
        const box = createElement('div');
        box.className = 'mark';
        group.append(box);
      }
      rects.forEach((rect, i) => {
        const box = group.children[i] as HTMLElement;
        box.style.transform = `translate(${rect.left - origin.left}px, ${rect.top - origin.top}px)`;
        box.style.width = `${rect.width}px`;
        box.style.height = `${rect.height}px`;
      });
    }
  };
  const schedule = () => {
    if (!frame && ranges.size) frame = requestAnimationFrame(place);
  };

  // Layout changes that can move text: the window, the page's size, scrolling inside an element (the document's
  // own scrolling moves our boxes with it), web fonts.
  addEventListener('resize', schedule, { passive: true, signal });
  let scrolled = 0;
  addEventListener('scroll', (event) => {
    if (!ranges.size) return;
    if (event.target !== document) return schedule();
    if (!scrolled) scrolled = requestAnimationFrame(() => ((scrolled = 0), follow()));
  }, { capture: true, passive: true, signal });
  // Observed only while there are notes to place: a resize observer's callback runs inside the page's rendering
  // (each time the page grows while it loads, each time a paragraph is added), for nothing when no note is marked.
  const resized = new ResizeObserver(schedule);
  let observing = false;
  const observeSizes = (on: boolean) => {
    if (on === observing) return;
    observing = on;
    if (!on) return resized.disconnect();
    resized.observe(document.documentElement);
    if (document.body) resized.observe(document.body);
  };
  // Web fonts by their event: reading document.fonts.ready makes Chromium bring the whole page's style up to date
  // at once (1.2 s in one task on a 10,000-deep page, before anything else of ours had run).
  document.fonts?.addEventListener('loadingdone', schedule, { signal });
  signal.addEventListener('abort', () => {
    resized.disconnect();
    cancelAnimationFrame(frame);
    cancelAnimationFrame(scrolled);
    for (const group of groups.values()) group.remove();
    groups.clear();
    ranges.clear();
  });

  return {
    set(id, range) {
      if (signal.aborted) return;
      ranges.set(id, range);
      observeSizes(true);
      if (!groups.has(id)) {
        const group = createElement('div');
        groups.set(id, group);
        ui.marks.append(group);
      }
      schedule();
    },
    delete(id) {
      ranges.delete(id);
      if (!ranges.size) observeSizes(false);
      groups.get(id)?.remove();
      groups.delete(id);
    },
    clear() {
      for (const id of [...ranges.keys()]) this.delete(id);
    },
    update: schedule,
  };
}
