import type { Matcher, Mention } from '../../core/matcher/matcher';
import { isBlockElement, isSkippedElement, textUnits, type PageText } from '../../lib/page-text';

/** One mention on the page and the DOM range it covers. */
export interface MentionRecord {
  mention: Mention;
  range: Range;
}

/** Where mentions are shown; the scanner tells it what appeared and what went away. */
export interface MentionDisplay {
  add(records: MentionRecord[]): void;
  remove(records: MentionRecord[]): void;
  /** The display changes the DOM (wrapping): the scanner ignores the mutations it causes. */
  readonly changesDom: boolean;
}

/** Time one slice of scanning may take before it yields to the page, in ms. */
const sliceBudget = 8;

/**
 * Keeps the page's mentions up to date: one pass over the page's text in small slices when it loads, then only
 * the blocks that changed (a batched MutationObserver), and everything again after a single-page-app navigation.
 * Our own UI lives outside `document.body` and never triggers a rescan.
 */
export class PageScanner {
  private readonly records = new Set<MentionRecord>();
  private readonly byNode = new Map<Node, MentionRecord[]>();
  private readonly nodesOfRecord = new Map<MentionRecord, Node[]>();
  private readonly byRange = new Map<AbstractRange, MentionRecord>();
  /** Entities named in full somewhere on the page: their acronyms stand anywhere on it. */
  private readonly named = new Set<string>();
  private readonly observer: MutationObserver;
  private pendingRoots = new Set<Node>();
  /** Text was removed: forget the mentions that went with it. */
  private pruneNeeded = false;
  private work: Generator<PageText> | undefined;
  private scheduled = false;
  private settled: Promise<void> = Promise.resolve();
  private resolveSettled: (() => void) | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly matcher: Matcher,
    private readonly accept: (mention: Mention) => boolean,
    private readonly display: MentionDisplay,
    private readonly onChange: () => void,
    signal: AbortSignal,
  ) {
    this.observer = new MutationObserver((mutations) => this.queue(mutations));
    signal.addEventListener('abort', () => this.stop());
  }

  /** Scans the whole page from scratch (also after a navigation or a settings change). */
  start(): void {
    this.clear();
    this.observer.observe(this.root, { childList: true, subtree: true, characterData: true });
    this.work = textUnits(this.root);
    this.schedule();
  }

  stop(): void {
    this.observer.disconnect();
    this.work = undefined;
    this.pendingRoots.clear();
    this.clear();
  }

  /** Resolves when no scan work is left. */
  idle(): Promise<void> {
    return this.settled;
  }

  /** The entities mentioned on the page (unordered: cheap enough to ask after every slice). */
  entityIds(): string[] {
    return [...new Set([...this.records].map((record) => record.mention.entity.id))];
  }

  /** Every current mention, in document order. */
  mentions(): MentionRecord[] {
    return [...this.records].sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
  }

  /** Whether mentions are CSS highlights, which the browser can hit-test by their ranges. */
  get usesHighlights(): boolean {
    return !this.display.changesDom;
  }

  recordOf(range: AbstractRange): MentionRecord | undefined {
    return this.byRange.get(range);
  }

  /** The mentions whose text includes a node (a caret's node), if any. */
  recordsAt(node: Node): MentionRecord[] {
    for (let current: Node | null = node; current && current !== this.root; current = current.parentNode) {
      const found = this.byNode.get(current);
      if (found) return found;
    }
    return [];
  }

  /** Forgets mentions the reader dismissed or that settings now hide, without rescanning. */
  drop(predicate: (record: MentionRecord) => boolean): void {
    const dropped = [...this.records].filter(predicate);
    this.forget(dropped);
    if (dropped.length) this.onChange();
  }

  private clear(): void {
    this.forget([...this.records]);
    this.named.clear();
  }

  private forget(records: MentionRecord[]): void {
    if (!records.length) return;
    for (const record of records) {
      this.records.delete(record);
      this.byRange.delete(record.range);
      for (const node of this.nodesOfRecord.get(record) ?? []) {
        const list = this.byNode.get(node)?.filter((other) => other !== record);
        if (list?.length) this.byNode.set(node, list);
        else this.byNode.delete(node);
      }
      this.nodesOfRecord.delete(record);
    }
    this.withoutObserving(() => this.display.remove(records));
  }

  private queue(mutations: MutationRecord[]): void {
    for (const mutation of mutations) {
      for (const root of changedRoots(mutation, this.root)) this.pendingRoots.add(root);
      if (mutation.removedNodes.length) this.pruneNeeded = true;
    }
    if (this.pendingRoots.size || this.pruneNeeded) this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    if (!this.resolveSettled) this.settled = new Promise((resolve) => (this.resolveSettled = resolve));
    const run = () => {
      this.scheduled = false;
      this.runSlice();
    };
    if ('requestIdleCallback' in window) requestIdleCallback(run, { timeout: 200 });
    else setTimeout(run, 16);
  }

  /** Scans units until the slice's budget is spent, then yields to the page. */
  private runSlice(): void {
    const deadline = performance.now() + sliceBudget;
    let changed = false;
    if (!this.work && (this.pendingRoots.size || this.pruneNeeded)) this.work = this.rescanChanged();
    while (this.work && performance.now() < deadline) {
      const next = this.work.next();
      if (next.done) {
        this.work = this.pendingRoots.size ? this.rescanChanged() : undefined;
        continue;
      }
      changed = this.scanUnit(next.value) || changed;
    }
    if (changed) this.onChange();
    if (this.work) return this.schedule();
    this.resolveSettled?.();
    this.resolveSettled = undefined;
  }

  /** Forgets the mentions in the changed blocks (and in removed text), then walks those blocks again. */
  private *rescanChanged(): Generator<PageText> {
    const roots = outermost([...this.pendingRoots].filter((node) => node.isConnected));
    this.pendingRoots = new Set();
    this.pruneNeeded = false;
    const stale = [...this.records].filter(
      (record) => !record.range.startContainer.isConnected || record.range.collapsed || roots.some((root) => root.contains(record.range.startContainer)),
    );
    this.forget(stale);
    if (stale.length) this.onChange();
    for (const root of roots) yield* textUnits(root);
  }

  private scanUnit(unit: PageText): boolean {
    const found = this.matcher.scan(unit.text, this.named).filter(this.accept);
    if (!found.length) return false;
    const records = found.map((mention) => ({ mention, range: rangeIn(unit, mention.start, mention.end) }));
    // Displayed first: a display that wraps text moves the ranges onto its own elements.
    this.withoutObserving(() => this.display.add(records));
    for (const record of records) {
      this.records.add(record);
      this.byRange.set(record.range, record);
      const nodes = nodesOf(record.range);
      this.nodesOfRecord.set(record, nodes);
      for (const node of nodes) this.byNode.set(node, [...(this.byNode.get(node) ?? []), record]);
    }
    return true;
  }

  /** Runs a DOM change of our own and drops the mutation records it caused. */
  private withoutObserving(change: () => void): void {
    if (!this.display.changesDom) return change();
    this.queue(this.observer.takeRecords());
    change();
    this.observer.takeRecords();
  }
}

/**
 * What to rescan for one mutation. Added blocks are scanned on their own (appending a paragraph costs that
 * paragraph, not the page); added or removed text and inline content change the units of their enclosing block;
 * skipped content (scripts, styles, form fields) is never read.
 */
function changedRoots(mutation: MutationRecord, root: Node): Node[] {
  const enclosing = changedBlock(mutation.target, root);
  if (!enclosing) return [];
  if (mutation.type !== 'childList') return [enclosing];
  const roots: Node[] = [];
  let enclosingChanged = false;
  for (const node of mutation.addedNodes) {
    const shape = shapeOf(node);
    if (shape === 'block') roots.push(node);
    else if (shape === 'inline') enclosingChanged = true;
  }
  // Removed blocks only take their own mentions with them (pruned); removed inline content rejoins text.
  if ([...mutation.removedNodes].some((node) => shapeOf(node) === 'inline')) enclosingChanged = true;
  return enclosingChanged ? [...roots, enclosing] : roots;
}

function shapeOf(node: Node): 'block' | 'inline' | 'skipped' {
  if (node.nodeType === Node.TEXT_NODE) return 'inline';
  if (node.nodeType !== Node.ELEMENT_NODE) return 'skipped';
  const element = node as Element;
  if (isSkippedElement(element)) return 'skipped';
  return isBlockElement(element) ? 'block' : 'inline';
}

/** The block to rescan for a change at `node`: its nearest block ancestor, unless the change is in skipped content. */
function changedBlock(node: Node, root: Node): Node | undefined {
  let block: Node | undefined;
  for (let current: Node | null = node; current; current = current.parentNode) {
    if (current.nodeType === Node.ELEMENT_NODE) {
      const element = current as Element;
      if (isSkippedElement(element)) return undefined;
      if (!block && isBlockElement(element)) block = element;
    }
    if (current === root) return block ?? root;
  }
  return undefined;
}

/** The given nodes without those inside another of them. */
function outermost(nodes: Node[]): Node[] {
  return nodes.filter((node) => !nodes.some((other) => other !== node && other.contains(node)));
}

/** The DOM range of [start, end) in a unit (or in the whole page text). */
export function rangeIn(unit: PageText, start: number, end: number): Range {
  const range = document.createRange();
  const [startNode, startOffset] = pointIn(unit, start, false);
  const [endNode, endOffset] = pointIn(unit, end, true);
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  return range;
}

function pointIn(unit: PageText, offset: number, isEnd: boolean): [Text, number] {
  let low = 0;
  let high = unit.starts.length - 1;
  // The last node starting at or before the offset (for an end, strictly before, so it stays inside its node).
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    const start = unit.starts[mid]!;
    if (isEnd ? start < offset : start <= offset) low = mid;
    else high = mid - 1;
  }
  const node = unit.nodes[low]!;
  return [node, Math.min(Math.max(0, offset - unit.starts[low]!), node.data.length)];
}

/** The text nodes a range touches. */
function nodesOf(range: Range): Node[] {
  const common = range.commonAncestorContainer;
  if (common.nodeType === Node.TEXT_NODE) return [common];
  const nodes: Node[] = [];
  const walker = document.createTreeWalker(common, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (range.intersectsNode(node)) nodes.push(node);
    else if (nodes.length) break;
  }
  return nodes;
}
