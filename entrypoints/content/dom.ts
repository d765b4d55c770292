/**
 * The document's methods, called through their prototypes. A page can shadow `document.createElement` and the like
 * with named elements (`<img name="createElement">`), and Firefox's content-script view of the document shows those
 * named elements too; calling through `Document.prototype` reaches the browser's own methods whatever the page
 * named. Looked up at each call (this module is also loaded at build time, in Node, where there is no Document).
 */
type CaretDocument = Document & {
  caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?(x: number, y: number): Range | null;
};

const proto = () => Document.prototype as CaretDocument;

export function createElement<K extends keyof HTMLElementTagNameMap>(tag: K): HTMLElementTagNameMap[K];
export function createElement(tag: string): HTMLElement;
export function createElement(tag: string): HTMLElement {
  return proto().createElement.call(document, tag);
}
export const createTreeWalker = (root: Node, whatToShow?: number, filter?: NodeFilter | null): TreeWalker =>
  proto().createTreeWalker.call(document, root, whatToShow, filter);
export const createRange = (): Range => proto().createRange.call(document);
export const getSelection = (): Selection | null => proto().getSelection.call(document);
export const elementFromPoint = (x: number, y: number): Element | null => proto().elementFromPoint.call(document, x, y);
export const elementsFromPoint = (x: number, y: number): Element[] => proto().elementsFromPoint.call(document, x, y);
export const querySelector = (selectors: string): Element | null => proto().querySelector.call(document, selectors);

/** The text node (and offset) under a viewport point, by whichever caret API the browser has. */
export function caretNodeAt(x: number, y: number): Node | undefined {
  const doc = proto();
  if (doc.caretPositionFromPoint) return doc.caretPositionFromPoint.call(document, x, y)?.offsetNode ?? undefined;
  return doc.caretRangeFromPoint?.call(document, x, y)?.startContainer ?? undefined;
}

/** `document.addEventListener`, through EventTarget's prototype. */
export const listenOnDocument = <K extends keyof DocumentEventMap>(type: K, listener: (event: DocumentEventMap[K]) => void, options?: AddEventListenerOptions | boolean): void =>
  EventTarget.prototype.addEventListener.call(document, type, listener as EventListener, options);
