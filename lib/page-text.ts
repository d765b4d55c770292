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
export function isBlockElement(element: Element): boolean {
  return blockTags.has(element.tagName.toUpperCase());
}

export function isSkippedElement(element: Element): boolean {
  if (skippedTags.has(element.tagName.toUpperCase())) return true;
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
  const flush = function* (): Generator<PageText> {
    if (!unit.nodes.length) return;
    unit.text = parts.join('');
    yield unit;
    unit = { text: '', nodes: [], starts: [] };
    parts.length = 0;
  };
  let length = 0;
  // Iterative walk: [node, leaving] pairs, so that a long page never overflows the stack.
  const stack: [Node, boolean][] = [[root, false]];
  while (stack.length) {
    const [node, leaving] = stack.pop()!;
    if (node.nodeType === TEXT_NODE) {
      const data = (node as Text).data;
      if (!data) continue;
      if (!unit.nodes.length) length = 0;
      unit.nodes.push(node as Text);
      unit.starts.push(length);
      parts.push(data);
      length += data.length;
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const element = node as Element;
    const edge = blockTags.has(element.tagName.toUpperCase());
    if (leaving) {
      if (edge) yield* flush();
      continue;
    }
    if (isSkippedElement(element)) {
      // Skipped content still separates what is around it: no mention is stitched together across it.
      yield* flush();
      continue;
    }
    if (edge) yield* flush();
    stack.push([element, true]);
    const children: Node[] = [];
    for (let child = element.firstChild; child; child = child.nextSibling) children.push(child);
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, false]);
  }
  yield* flush();
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
