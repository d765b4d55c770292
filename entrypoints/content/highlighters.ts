import { kinds, kindTable, type Kind } from '../../core/dataset/kinds';
import type { Settings } from '../../core/settings/model';
import type { MentionDisplay, MentionRecord } from './page-scanner';
import { createElement, createTreeWalker } from './dom';

/** Highlight names are prefixed so they never collide with the page's own highlights. */
export const highlightName = (kind: Kind) => `watchwords-${kind}`;
/** The element that marks mentions where highlights cannot be used. */
export const markElementName = 'watchwords-mark';


function decoration(style: Settings['highlightStyle'], colour: string): string {
  return style === 'underline'
    ? `text-decoration: underline 2px ${colour}; text-underline-offset: 3px; text-decoration-skip-ink: none;`
    : `background-color: ${colour}33; text-decoration: underline 1px ${colour};`;
}

/**
 * The page style sheet for our highlights (or marks): colours by kind, the dark palette on dark pages (whatever
 * the system's colour scheme), and the system's colours in forced-colours mode.
 *
 * `onRoot`: the `::highlight()` rules are written for the root element alone, where the browser's highlight
 * inheritance carries them to all the text below it (Chromium does; Firefox 153 paints them on the root's own text
 * only, so it gets them on every element). In Chromium, on the bench's 1 MB article (scripts/
 * profile-highlight-style.ts), adding the sheet then costs a style recalculation of about 54 ms instead of 76, and
 * while it is there a full style recalculation of the page costs what it costs without it (40 against 39 ms)
 * instead of 2.7 times as much (106 ms with rules on every element).
 */
export function mentionCss(style: Settings['highlightStyle'], pageIsDark: boolean, onRoot = false): string {
  const selector = (kind: Kind) => `${onRoot ? ':root' : ''}::highlight(${highlightName(kind)}), ${markElementName}[data-kind="${kind}"]`;
  const rules = kinds.map((kind) => {
    const { light, dark } = kindTable[kind].colour;
    if (pageIsDark) return `${selector(kind)} { ${decoration(style, dark)} }`;
    return `${selector(kind)} { ${decoration(style, light)} }
@media (prefers-color-scheme: dark) { ${selector(kind)} { ${decoration(style, dark)} } }`;
  });
  return `${rules.join('\n')}
${markElementName} { display: inline; font: inherit; color: inherit; }
@media (forced-colors: active) { ${kinds.map((kind) => `${selector(kind)} { text-decoration: underline 2px Highlight; background-color: transparent; }`).join(' ')} }`;
}

/** Whether the page paints light text on a dark background (its own dark theme), judged by its background. */
export function pageIsDark(): boolean {
  for (const element of [document.body, document.documentElement]) {
    if (!element) continue;
    const match = getComputedStyle(element).backgroundColor.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?/);
    if (!match || match[4] === '0') continue;
    const [r, g, b] = [match[1], match[2], match[3]].map((value) => Number(value) / 255) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.4;
  }
  return matchMedia('(prefers-color-scheme: dark)').matches;
}

/** Adds a style sheet to the page without adding an element to it; returns its remover. */
export function addPageStyle(css: string): () => void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return () => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}

export function supportsCustomHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** CSS Custom Highlight API: one highlight per kind; the page's DOM is not touched. */
export function customHighlights(): MentionDisplay & { dispose(): void } {
  const highlights = new Map<Kind, Highlight>();
  const highlightOf = (kind: Kind) => {
    let highlight = highlights.get(kind);
    if (!highlight) {
      highlight = new Highlight();
      highlights.set(kind, highlight);
      CSS.highlights.set(highlightName(kind), highlight);
    }
    return highlight;
  };
  return {
    changesDom: false,
    add(records) {
      for (const { mention, range } of records) highlightOf(mention.entity.kind).add(range);
    },
    remove(records) {
      for (const { mention, range } of records) highlights.get(mention.entity.kind)?.delete(range);
    },
    intact() {
      for (const [kind, highlight] of highlights) if (CSS.highlights.get(highlightName(kind)) !== highlight) return false;
      return true;
    },
    dispose() {
      for (const kind of highlights.keys()) CSS.highlights.delete(highlightName(kind));
      highlights.clear();
    },
  };
}

/**
 * Compatibility mode: wraps each mention's text in `<watchwords-mark>` elements (one per text node it spans).
 * Only the text nodes of mentions are split; unwrapping puts the page's text back as it was.
 */
export function wrappingMarks(): MentionDisplay & { dispose(): void } {
  const marksOf = new Map<MentionRecord, Element[]>();
  const unwrap = (record: MentionRecord) => {
    for (const mark of marksOf.get(record) ?? []) {
      const parent = mark.parentNode;
      if (!parent) continue;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      mark.remove();
      parent.normalize();
    }
    marksOf.delete(record);
  };
  return {
    changesDom: true,
    add(records) {
      // Last first, so that splitting text nodes never moves a mention that is still to be wrapped.
      for (const record of [...records].reverse()) {
        const marks = wrapRange(record.range, record.mention.entity.kind);
        marksOf.set(record, marks);
        const first = marks[0]?.firstChild;
        const last = marks.at(-1)?.lastChild;
        if (first && last) {
          record.range.setStart(first, 0);
          record.range.setEnd(last, (last as Text).length);
        }
      }
    },
    remove(records) {
      for (const record of records) unwrap(record);
    },
    dispose() {
      for (const record of [...marksOf.keys()]) unwrap(record);
    },
  };
}

function wrapRange(range: Range, kind: Kind): Element[] {
  const pieces: [Text, number, number][] = [];
  const common = range.commonAncestorContainer;
  const walker = createTreeWalker(common.nodeType === Node.TEXT_NODE ? common.parentNode! : common, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (!range.intersectsNode(node)) continue;
    const start = node === range.startContainer ? range.startOffset : 0;
    const end = node === range.endContainer ? range.endOffset : node.length;
    if (end > start) pieces.push([node, start, end]);
  }
  return pieces.map(([node, start, end]) => {
    const middle = start > 0 ? node.splitText(start) : node;
    if (end - start < middle.length) middle.splitText(end - start);
    const mark = createElement(markElementName);
    mark.dataset.kind = kind;
    middle.replaceWith(mark);
    mark.append(middle);
    return mark;
  });
}

/** At most this many mentions are highlighted on a page, unless the reader asks for all ("Show all"). */
export const highlightCap = 2000;

/**
 * A display that takes at most `cap` mentions: a page naming the same tools a hundred thousand times (or a hostile
 * one) costs the reader's browser no more than a long article. `accept` is asked before each mention is recorded:
 * past the cap it says no, and `onCapped` is called once.
 */
export function cappedDisplay(display: MentionDisplay, cap: number, onCapped: () => void) {
  let shown = 0;
  /** Accepted by the scanner but not yet handed to the display (accept comes first, add after, in one task). */
  let accepted = 0;
  let capped = false;
  return {
    display: {
      changesDom: display.changesDom,
      ...(display.intact && { intact: () => display.intact!() }),
      full: () => capped && shown + accepted >= cap,
      add(records: MentionRecord[]) {
        accepted = Math.max(0, accepted - records.length);
        shown += records.length;
        display.add(records);
      },
      remove(records: MentionRecord[]) {
        shown = Math.max(0, shown - records.length);
        display.remove(records);
      },
    } satisfies MentionDisplay,
    accept(): boolean {
      if (shown + accepted < cap) {
        accepted++;
        return true;
      }
      if (!capped) {
        capped = true;
        onCapped();
      }
      return false;
    },
    get capped() {
      return capped;
    },
  };
}
