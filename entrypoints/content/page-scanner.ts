import { DocumentMemory, type Matcher, type Mention } from '../../core/matcher/matcher';
import { blockSeparator, isBlockElement, isSkippedElement, textUnits, type PageText } from '../../lib/page-text';
import { createRange, createTreeWalker } from './dom';

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
  /** CSS highlights only: whether ours are still the ones in the registry (the page can empty or replace it). */
  intact?(): boolean;
  /**
   * A capped display: whether it has refused a mention and holds as many as it takes. The rest of the page's first
   * walk is then skipped: nothing it found could be shown (see `runSlice`).
   */
  full?(): boolean;
}

/** Time one slice of scanning may take before it yields to the page, in ms. */
const sliceBudget = 8;
/**
 * About the longest step of the matcher's compilation, in ms (cold code on a loaded machine): no step starts
 * later than this before a slice's deadline, so that a slice of compilation ends about on time.
 */
const longestCompileStep = 2;
/** Text scanned in one matcher call at most: many small blocks together, or one piece of a very long one. */
const longestBatch = 65_536;
const shortestBatch = 2_048;
/**
 * During the page's first walk, mentions are shown when the first slice finds some, then at most this often, and
 * at the end: each change to the highlights makes the browser walk the whole page's layout again before painting
 * (25 to 40 ms a time on a 1 MB article, in the page's next frame), so ten slices' worth at once costs one walk.
 */
const showEveryMs = 250;

/**
 * Keeps the page's mentions up to date: one pass over the page's text in small slices when it loads, then only
 * the blocks that changed (a batched MutationObserver), and everything again after a single-page-app navigation.
 * Our own UI lives outside `document.body` and never triggers a rescan.
 *
 * Blocks are scanned many at a time (joined by a blank line, which no mention crosses and which ends every
 * sentence), a block longer than a batch piece by piece; a batch is sized from the speed measured so far to fit
 * in a slice. Mentions found in a slice are displayed together at its end (during the page's first walk, those of
 * several slices: see showEveryMs).
 */
export class PageScanner {
  private readonly records = new Set<MentionRecord>();
  private readonly byNode = new Map<Node, MentionRecord[]>();
  private readonly nodesOfRecord = new Map<MentionRecord, Node[]>();
  private readonly byRange = new Map<AbstractRange, MentionRecord>();
  /** How many current mentions each entity has. */
  private readonly entityCounts = new Map<string, number>();
  /** What the page has said so far (names in full, evidence, claimed acronyms): read by every later block. */
  private named = new DocumentMemory();
  private readonly observer: MutationObserver;
  private pendingRoots = new Set<Node>();
  /** Text was removed: forget the mentions that went with it. */
  private pruneNeeded = false;
  private work: Generator<PageText> | undefined;
  /** `work` is the walk of the whole page (not a rescan of changed blocks). */
  private walkingPage = false;
  /** A block read from `work` but not scanned yet. */
  private waiting: PageText | undefined;
  /**
   * A block longer than a batch, scanned piece by piece from `next`; its mentions are shown when it is done
   * (`found`): each change to a text node's highlights costs the browser a repaint of the whole node, and wrapping
   * would split the text nodes that the pieces still to come are read from.
   */
  private long: { unit: PageText; next: number; found: MentionRecord[] } | undefined;
  /**
   * Characters scanned per ms, as measured (a first guess until then). The guess is low: the first slice runs code
   * the engine has not compiled yet, several times slower than it will be, and a guess made for warm code made
   * it the longest task of the scan.
   */
  private speed = 400;
  private scheduled = false;
  /** Whether the matcher has compiled its terms (see runSlice). */
  private compiled = false;
  /** Found by the page's walk, not shown yet (see showEveryMs), and when mentions were last shown. */
  private unshown: MentionRecord[] = [];
  private lastShown = -Infinity;
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
    this.setWork(textUnits(this.root));
    this.walkingPage = true;
    this.schedule();
  }

  stop(): void {
    this.observer.disconnect();
    this.setWork(undefined);
    this.pendingRoots.clear();
    this.clear();
  }

  /** Resolves when no scan work is left. */
  idle(): Promise<void> {
    return this.settled;
  }

  /** The entities mentioned on the page (unordered: cheap enough to ask after every slice). */
  entityIds(): string[] {
    return [...this.entityCounts.keys()];
  }

  /** Every current mention, in document order. */
  mentions(): MentionRecord[] {
    return [...this.records].sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
  }

  /** Every current mention in no particular order (putting thousands of ranges in order takes milliseconds). */
  unorderedMentions(): ReadonlySet<MentionRecord> {
    return this.records;
  }

  /** Whether mentions are CSS highlights, which the browser can hit-test by their ranges. */
  get usesHighlights(): boolean {
    return !this.display.changesDom;
  }

  /** Whether the highlight registry still holds our highlights as we registered them. */
  get highlightsIntact(): boolean {
    return this.display.intact?.() ?? true;
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
    // Those found but not shown yet are shown first, then dropped with the others (the display counts them).
    if (this.unshown.length) this.showUnshown();
    const dropped = [...this.records].filter(predicate);
    this.forget(dropped);
    if (dropped.length) this.onChange();
  }

  /** Whether scan work is left: blocks to walk, one read ahead, or a long one part-scanned. */
  private get busy(): boolean {
    return this.work !== undefined || this.waiting !== undefined || this.long !== undefined;
  }

  private setWork(work: Generator<PageText> | undefined): void {
    this.work = work;
    this.walkingPage = false;
    this.waiting = undefined;
    this.long = undefined;
  }

  private clear(): void {
    // Never shown: dropped (the display, and the cap's count of what it accepted, go with this activation).
    this.unshown = [];
    this.lastShown = -Infinity;
    this.forget([...this.records]);
    this.named = new DocumentMemory();
  }

  private forget(records: MentionRecord[]): void {
    if (!records.length) return;
    const gone = new Set(records);
    const touched = new Set<Node>();
    for (const record of records) {
      this.records.delete(record);
      this.byRange.delete(record.range);
      const id = record.mention.entity.id;
      const count = (this.entityCounts.get(id) ?? 1) - 1;
      if (count) this.entityCounts.set(id, count);
      else this.entityCounts.delete(id);
      for (const node of this.nodesOfRecord.get(record) ?? []) touched.add(node);
      this.nodesOfRecord.delete(record);
    }
    for (const node of touched) {
      const list = this.byNode.get(node)?.filter((other) => !gone.has(other));
      if (list?.length) this.byNode.set(node, list);
      else this.byNode.delete(node);
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

  /**
   * Runs the next slice: scanning starts in an idle period; once started, the next slice comes as a background
   * task where the browser has them (they wait for input and rendering, not for the next frame's idle time).
   */
  private schedule(continuing = false): void {
    if (this.scheduled) return;
    this.scheduled = true;
    if (!this.resolveSettled) this.settled = new Promise((resolve) => (this.resolveSettled = resolve));
    const run = () => {
      this.scheduled = false;
      this.runSlice();
    };
    const scheduler = (globalThis as { scheduler?: { postTask?(task: () => void, options: { priority: string }): Promise<void> } }).scheduler;
    if (continuing && scheduler?.postTask) void scheduler.postTask(run, { priority: 'background' }).catch(() => undefined);
    else if ('requestIdleCallback' in window) requestIdleCallback(run, { timeout: 200 });
    else setTimeout(run, 16);
  }

  /** Scans batches until the slice's budget is spent, shows what it found, then yields to the page. */
  private runSlice(): void {
    const started = performance.now();
    const deadline = started + sliceBudget;
    if (!this.compiled) {
      // The matcher compiles its terms before its first scan (tens of milliseconds for the dataset): in slices of
      // their own, so that no task takes longer than a slice and the first scan's slice measures the scan's speed.
      // Not for a page whose walk finds no text.
      if (this.work && !this.waiting && !this.long) this.waiting = this.nextUnit();
      if (this.busy || this.pendingRoots.size) {
        this.compiled = this.matcher.compile(() => performance.now() >= deadline - longestCompileStep);
        return this.schedule(true);
      }
    }
    const found: MentionRecord[] = [];
    if (!this.busy && (this.pendingRoots.size || this.pruneNeeded)) this.setWork(this.rescanChanged());
    for (let now = started; this.busy && now < deadline; ) {
      // Sized to take about half of what is left of the slice at the speed measured so far.
      const size = Math.max(shortestBatch, Math.min(longestBatch, Math.round(((deadline - now) / 2) * this.speed)));
      const scanned = this.scanBatch(size, deadline, found);
      const after = performance.now();
      if (scanned > 0 && after > now) this.speed = Math.max(200, (this.speed + scanned / (after - now)) / 2);
      now = after;
      if (this.walkingPage && this.display.full?.()) this.endPageWalk(found);
    }
    for (const record of found) this.unshown.push(record);
    // A display that wraps text shows at once: the next slices read text nodes that wrapping splits.
    const batching = this.walkingPage && this.busy && !this.display.changesDom;
    if (this.unshown.length && (!batching || performance.now() - this.lastShown >= showEveryMs)) this.showUnshown();
    if (this.busy || this.pendingRoots.size || this.pruneNeeded) return this.schedule(this.busy);
    this.resolveSettled?.();
    this.resolveSettled = undefined;
  }

  /**
   * The display is full: the rest of the page's walk is skipped (a long article or a hostile page costs no more
   * than the mentions that can be shown). A long block's mentions found so far were accepted: they are shown.
   * Changed blocks are still rescanned, as before: their stale mentions go, and new ones are shown if there is room.
   */
  private endPageWalk(found: MentionRecord[]): void {
    if (this.long) found.push(...this.long.found);
    this.setWork(undefined);
  }

  /**
   * Scans about `size` characters of blocks (or of one long block); returns how many, or 0 when work is done. The
   * blocks are gathered until they hold `size` characters or the slice's deadline has passed: walking markup that
   * holds little text (menus, link lists, tables of figures) takes time that no count of characters foresees.
   */
  private scanBatch(size: number, deadline: number, found: MentionRecord[]): number {
    if (this.long) return this.scanPiece(size, found);
    const units: PageText[] = [];
    let length = 0;
    while (length < size && (units.length % 16 !== 15 || performance.now() < deadline)) {
      const unit = this.waiting ?? this.nextUnit();
      this.waiting = undefined;
      if (!unit) break;
      if (unit.text.length > size) {
        // Too long for a batch: after the blocks gathered so far, on its own, in pieces.
        if (units.length) this.waiting = unit;
        else {
          this.long = { unit, next: 0, found: [] };
          return this.scanPiece(size, found);
        }
        break;
      }
      units.push(unit);
      length += unit.text.length + blockSeparator.length;
    }
    if (!units.length) return 0;
    // One scan of the blocks joined by blank lines finds what scanning each (with one `named` set) would.
    const joined = units.length === 1 ? units[0]!.text : units.map((unit) => unit.text).join(blockSeparator);
    let unitIndex = 0;
    let unitStart = 0;
    for (const mention of this.matcher.scan(joined, this.named)) {
      while (mention.start >= unitStart + units[unitIndex]!.text.length) unitStart += units[unitIndex++]!.text.length + blockSeparator.length;
      this.found(units[unitIndex]!, mention, unitStart, found);
    }
    return length;
  }

  private scanPiece(size: number, found: MentionRecord[]): number {
    const long = this.long!;
    const from = long.next;
    const { mentions, next } = this.matcher.scanPiece(long.unit.text, from, from + size, this.named);
    for (const mention of mentions) this.found(long.unit, mention, 0, long.found);
    long.next = next;
    if (next >= long.unit.text.length) {
      found.push(...long.found);
      this.long = undefined;
    }
    return next - from;
  }

  /**
   * The next block of the current work. Changed blocks are rescanned from the next slice on, once what this one
   * found is shown: the rescan first forgets the mentions in those blocks.
   */
  private nextUnit(): PageText | undefined {
    const next = this.work?.next();
    if (next && !next.done) return next.value;
    this.work = undefined;
    return undefined;
  }

  /** A mention found in a block's text, `shift` characters after the block's start in what was scanned. */
  private found(unit: PageText, mention: Mention, shift: number, found: MentionRecord[]): void {
    const local: Mention = shift ? { ...mention, start: mention.start - shift, end: mention.end - shift } : mention;
    if (!this.accept(local)) return;
    const record: MentionRecord = { mention: local, range: createRange() };
    const [first, last] = setRange(record.range, unit, local.start, local.end);
    // Highlights leave the DOM as it is: the record's text nodes are known now. Wrapping moves them (see show).
    if (!this.display.changesDom) this.nodesOfRecord.set(record, unit.nodes.slice(first, last + 1));
    found.push(record);
  }

  private showUnshown(): void {
    const records = this.unshown;
    this.unshown = [];
    this.show(records);
    this.lastShown = performance.now();
    this.onChange();
  }

  /** Displays a slice's mentions at once and indexes them. */
  private show(records: MentionRecord[]): void {
    // Displayed first: a display that wraps text moves the ranges onto its own elements.
    this.withoutObserving(() => this.display.add(records));
    for (const record of records) {
      this.records.add(record);
      this.byRange.set(record.range, record);
      const id = record.mention.entity.id;
      this.entityCounts.set(id, (this.entityCounts.get(id) ?? 0) + 1);
      let nodes = this.nodesOfRecord.get(record);
      if (!nodes) {
        nodes = nodesOf(record.range);
        this.nodesOfRecord.set(record, nodes);
      }
      for (const node of nodes) {
        const list = this.byNode.get(node);
        if (list) list.push(record);
        else this.byNode.set(node, [record]);
      }
    }
  }

  /** Forgets the mentions in the changed blocks (and in removed text), then walks those blocks again. */
  private *rescanChanged(): Generator<PageText> {
    const roots = outermost([...this.pendingRoots].filter((node) => node.isConnected));
    this.pendingRoots = new Set();
    const prune = this.pruneNeeded;
    this.pruneNeeded = false;
    const stale = new Set<MentionRecord>();
    // The mentions in the changed blocks, found through their text nodes (a new block has none).
    for (const root of roots) {
      const walker = createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) for (const record of this.byNode.get(node) ?? []) stale.add(record);
    }
    // Text was removed: mentions left without their text.
    if (prune) for (const record of this.records) if (!record.range.startContainer.isConnected || record.range.collapsed) stale.add(record);
    this.forget([...stale]);
    if (stale.size) this.onChange();
    for (const root of roots) yield* textUnits(root);
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
  const range = createRange();
  setRange(range, unit, start, end);
  return range;
}

/** Sets a range to [start, end) of a unit (no layout is read); returns the indices of its first and last nodes. */
function setRange(range: Range, unit: PageText, start: number, end: number): [number, number] {
  const first = nodeIndex(unit, start, false);
  const last = nodeIndex(unit, end, true);
  range.setStart(unit.nodes[first]!, offsetIn(unit, first, start));
  range.setEnd(unit.nodes[last]!, offsetIn(unit, last, end));
  return [first, last];
}

/** The last node starting at or before the offset (for an end, strictly before, so it stays inside its node). */
function nodeIndex(unit: PageText, offset: number, isEnd: boolean): number {
  let low = 0;
  let high = unit.starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    const start = unit.starts[mid]!;
    if (isEnd ? start < offset : start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

function offsetIn(unit: PageText, index: number, offset: number): number {
  // The node's length, not its data: reading `data` makes a string of the node's text for each mention.
  return Math.min(Math.max(0, offset - unit.starts[index]!), unit.nodes[index]!.length);
}

/** The text nodes a range touches. */
function nodesOf(range: Range): Node[] {
  const common = range.commonAncestorContainer;
  if (common.nodeType === Node.TEXT_NODE) return [common];
  const nodes: Node[] = [];
  const walker = createTreeWalker(common, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (range.intersectsNode(node)) nodes.push(node);
    else if (nodes.length) break;
  }
  return nodes;
}
