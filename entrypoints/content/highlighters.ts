import { kinds, kindTable, type Kind } from '../../core/dataset/kinds';
import type { Settings } from '../../core/settings/model';
import type { MentionDisplay, MentionRecord } from './page-scanner';

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
 */
export function mentionCss(style: Settings['highlightStyle'], pageIsDark: boolean): string {
  const selector = (kind: Kind) => `::highlight(${highlightName(kind)}), ${markElementName}[data-kind="${kind}"]`;
  const rules = kinds.map((kind) => {
    const { light, dark } = kindTable[kind].colour;
    if (pageIsDark) return `${selector(kind)} { ${decoration(style, dark)} }`;
    return `${selector(kind)} { ${decoration(style, light)} }
@media (prefers-color-scheme: dark) { ${selector(kind)} { ${decoration(style, dark)} } }`;
  });
  const note = pageIsDark ? '#a16207' : '#fde047';
  return `${rules.join('\n')}
::highlight(watchwords-note) { background-color: ${note}66; }
@media (prefers-color-scheme: dark) { ::highlight(watchwords-note) { background-color: #a1620766; } }
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

/**
 * A display with the mention style sheet added when the first mentions are shown or in the page's first idle
 * period (page notes use it too), whichever comes first. The page's background is read for the palette then,
 * once the browser has worked out the page's style for a frame: read at DOMContentLoaded, it makes the browser
 * compute the style of the whole page inside our task (about 100 ms on a 1 MB article). Not in an animation frame
 * callback: that would run inside the browser's rendering of the frame.
 */
export function styledOnFirstShow(display: MentionDisplay & { dispose(): void }, style: Settings['highlightStyle']): MentionDisplay & { dispose(): void } {
  let removeStyle: (() => void) | undefined;
  let disposed = false;
  const addStyle = () => {
    if (!disposed && !removeStyle) removeStyle = addPageStyle(mentionCss(style, pageIsDark()));
  };
  if ('requestIdleCallback' in window) requestIdleCallback(addStyle, { timeout: 1000 });
  else setTimeout(addStyle, 50);
  return {
    changesDom: display.changesDom,
    add(records) {
      addStyle();
      display.add(records);
    },
    remove: (records) => display.remove(records),
    dispose() {
      disposed = true;
      display.dispose();
      removeStyle?.();
    },
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
  const walker = document.createTreeWalker(common.nodeType === Node.TEXT_NODE ? common.parentNode! : common, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (!range.intersectsNode(node)) continue;
    const start = node === range.startContainer ? range.startOffset : 0;
    const end = node === range.endContainer ? range.endOffset : node.length;
    if (end > start) pieces.push([node, start, end]);
  }
  return pieces.map(([node, start, end]) => {
    const middle = start > 0 ? node.splitText(start) : node;
    if (end - start < middle.length) middle.splitText(end - start);
    const mark = document.createElement(markElementName);
    mark.dataset.kind = kind;
    middle.replaceWith(mark);
    mark.append(middle);
    return mark;
  });
}
