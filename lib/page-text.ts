/**
 * The readable text of a page as Watchwords scans it, with a map back to its text nodes. Written against the
 * plain DOM interfaces so that the content script (real DOM) and the `scan` CLI (linkedom) see the same text.
 */
export interface PageText {
  text: string;
  nodes: Text[];
  /** starts[i] is where nodes[i] begins in `text`. */
  starts: number[];
}

/** Never scanned: code, form fields, editable regions, non-rendered content and our own UI. */
const skippedTags = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON', 'CODE', 'PRE',
  'KBD', 'SAMP', 'VAR', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'CANVAS', 'HEAD', 'TITLE', 'WATCHWORDS-UI',
]);

/** Elements that start a new block: no mention runs across their edges. */
const blockTags = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP',
  'HR', 'LEGEND', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH',
  'THEAD', 'TR', 'UL', 'BR',
]);

/** What separates two blocks in the scanned text: a blank line, which the matcher treats as a paragraph break. */
export const blockSeparator = '\n\n';

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Elements whose edges end a unit of text. */
/** An element's tag in capitals (HTML documents give them so; other documents as written). */
function upperTag(element: Element): string {
  const tag = element.tagName;
  const first = tag.charCodeAt(0);
  return first >= 97 && first <= 122 ? tag.toUpperCase() : tag;
}

export function isBlockElement(element: Element): boolean {
  return blockTags.has(upperTag(element));
}

export function isSkippedElement(element: Element): boolean {
  return skippedTags.has(upperTag(element)) || hiddenOrEditable(element);
}

function hiddenOrEditable(element: Element): boolean {
  if (element.hasAttribute('hidden')) return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/**
 * The page's text in units: runs of text nodes with no block edge or skipped element between them. A mention never
 * spans two units, so units can be scanned one at a time (in slices, or only those a change touched).
 */
export function* textUnits(root: Node): Generator<PageText> {
  let unit: PageText = { text: '', nodes: [], starts: [] };
  const parts: string[] = [];
  let length = 0;
  /** Ends the unit: it, when it holds text, to be yielded (no generator made for each block edge). */
  const take = (): PageText | undefined => {
    if (!unit.nodes.length) return undefined;
    const done = unit;
    done.text = parts.length === 1 ? parts[0]! : parts.join('');
    unit = { text: '', nodes: [], starts: [] };
    parts.length = 0;
    length = 0;
    return done;
  };
  // Depth first through first-child and next-sibling links (no stack, nothing allocated per node): entering a
  // block or skipped element ends the unit before it, leaving a block ends the unit inside it. Each link and tag
  // is read once (the walk reads every node of the page).
  let node: Node | null = root;
  while (node) {
    if (node.nodeType === TEXT_NODE) {
      const data = (node as Text).data;
      if (data) {
        unit.nodes.push(node as Text);
        unit.starts.push(length);
        parts.push(data);
        length += data.length;
      }
    } else if (node.nodeType === ELEMENT_NODE) {
      const element = node as Element;
      const tag = upperTag(element);
      // Skipped content still separates what is around it: no mention is stitched together across it.
      const skipped = skippedTags.has(tag) || hiddenOrEditable(element);
      if (skipped || blockTags.has(tag)) {
        const done = take();
        if (done) yield done;
      }
      const child = skipped ? null : element.firstChild;
      if (child) {
        node = child;
        continue;
      }
    }
    // Leave the node, and every ancestor it was the last child of, up to the root.
    let next: Node | null = null;
    while (node !== root) {
      next = node.nextSibling;
      if (next) break;
      node = node.parentNode;
      if (!node) break;
      if (node.nodeType === ELEMENT_NODE && blockTags.has(upperTag(node as Element))) {
        const done = take();
        if (done) yield done;
      }
    }
    node = node && node !== root ? next : null;
  }
  const done = take();
  if (done) yield done;
}

/** The whole page's text, units joined by `blockSeparator`, as the `scan` CLI and note positions see it. */
export function collectPageText(root: Node): PageText {
  const page: PageText = { text: '', nodes: [], starts: [] };
  const texts: string[] = [];
  let offset = 0;
  for (const unit of textUnits(root)) {
    if (texts.length) offset += blockSeparator.length;
    texts.push(unit.text);
    unit.nodes.forEach((node, i) => {
      page.nodes.push(node);
      page.starts.push(offset + unit.starts[i]!);
    });
    offset += unit.text.length;
  }
  page.text = texts.join(blockSeparator);
  return page;
}
