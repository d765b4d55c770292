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

export function isSkippedElement(element: Element): boolean {
  if (skippedTags.has(element.tagName.toUpperCase())) return true;
  if (element.hasAttribute('hidden')) return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

export function collectPageText(root: Node): PageText {
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  let length = 0;
  let pendingBreak = false;

  const visit = (node: Node): void => {
    if (node.nodeType === TEXT_NODE) {
      const data = (node as Text).data;
      if (!data) return;
      if (pendingBreak && length > 0) {
        parts.push(blockSeparator);
        length += blockSeparator.length;
      }
      pendingBreak = false;
      nodes.push(node as Text);
      starts.push(length);
      parts.push(data);
      length += data.length;
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const element = node as Element;
    if (isSkippedElement(element)) {
      // Skipped content still separates what is around it: no mention is stitched together across it.
      pendingBreak = true;
      return;
    }
    const block = blockTags.has(element.tagName.toUpperCase());
    if (block) pendingBreak = true;
    for (let child = element.firstChild; child; child = child.nextSibling) visit(child);
    if (block) pendingBreak = true;
  };
  visit(root);
  return { text: parts.join(''), nodes, starts };
}
