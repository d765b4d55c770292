import { isWordCode } from './context';
import { foldCode, isInvisibleCode, isSpaceCode, paragraphBreak, previousFoldedStart } from './fold';
import { IntList } from './int-list';
import { runSteps, type Steps } from './steps';

/**
 * Aho–Corasick automaton over folded text, run directly on the original text: every occurrence of every pattern
 * in one pass, whatever the number of patterns, with no folded copy of the text. Each code unit is folded on the
 * fly through a table (case, curly quotes and dashes; invisible characters skipped; a whitespace run read as one
 * space, or as a paragraph break when it holds a blank line), exactly as `foldText` folds.
 *
 * Transitions are a dense table over the characters the patterns use: one row per state, failure links already
 * followed, so an ordinary code unit costs two table reads and one test. Characters no pattern uses share one
 * column. Whitespace other than a plain space, invisible characters, characters not seen before and pattern
 * characters beyond the dense columns have columns of their own whose entries only say "look closer", so the
 * loop has a single branch. A long text is read as two halves at once (the second starting a little early, so
 * that it is in the right state when its half begins): two independent chains of table reads run in parallel.
 */

/** Dense columns at most (the last few of 256 are the "look closer" ones). */
const maxDenseColumns = 248;
// Code units that need a closer look, by kind; their columns follow the dense ones.
const newline = 0;
const otherSpace = 1;
const invisible = 2;
/** Not classified yet (outside ASCII): classified on first sight, then remembered. */
const unknown = 3;
/** A pattern character beyond the dense columns. */
const rare = 4;
const specialKinds = 5;
/** Texts shorter than this are read in one pass. */
const twoPassLength = 16_384;

const paragraphBreakCode = paragraphBreak.charCodeAt(0);
/** Reported to `onHit` for a whitespace run that is a paragraph break, at the run's start. */
export const paragraphBreakState = -1;

/**
 * `lastLook` is the last index at or before `index` that needed a closer look (whitespace other than a single
 * space, a space after a space inside a match, an invisible or first-seen character): a match that starts after
 * it is made of exactly its code units.
 */
export type HitListener = (state: number, index: number, lastLook: number) => void;

export interface PatternOptions {
  /**
   * Occurrences of this pattern that start right after a letter or digit (a code unit of one) need not be
   * reported: a hint that lets the automaton skip them without a call.
   */
  wordStartOnly?: boolean;
}

export class AhoCorasick {
  /** Folded length of each pattern. */
  readonly lengths: Int32Array;
  /** The longest pattern, in folded characters. */
  readonly depth: number;
  /** Per code unit of text: its column. */
  private readonly columns: Uint8Array;
  private readonly columnOf: Map<number, number>;
  /** Every folded code the patterns use (dense or rare). */
  private readonly patternCodes: Set<number>;
  /** A row is 2^shift columns: state = row >> shift. */
  private readonly shift: number;
  /** The first "look closer" column. */
  private readonly special: number;
  /**
   * The transitions, filled as the text needs them (most states are never reached): delta[row + column] is
   * (row of the next state << 1) | 1 for an ordinary step, and (row of the next state << 1) when the next state has
   * outputs or the column needs a closer look. 0 is "not known yet" (or a closer look at the root: both go the
   * slow way). A row is 2^shift entries, given to a state when the text first reaches it; row 0 is the root's.
   */
  private delta: Int32Array;
  /** Where each state's row starts in delta (-1: none yet), and which state each row belongs to. */
  private readonly rowOf: Int32Array;
  private stateOfRow: Int32Array;
  private rows = 0;
  /** The folded code of each dense column (0 for "no pattern's character"). */
  private readonly codeOfColumn: Int32Array;
  /** Patterns ending at each state, including through failure links: outputs[outputStart[s] .. outputStart[s+1]). */
  private readonly outputStart: Int32Array;
  private readonly outputs: Int32Array;
  /**
   * Per state: L > 0 when every output may be skipped if the L code units before the end are the match itself
   * (no closer look among them) and the one before them is a letter or digit.
   */
  private readonly skipAfterWord: Int32Array;
  /** The trie: the children of state s are childCode/childState[childStart[s] .. childStart[s+1]). */
  private readonly childStart: Int32Array;
  private readonly childCode: Uint16Array;
  private readonly childState: Int32Array;
  private readonly fail: Int32Array;
  /** States reached by a space (and the root): more whitespace leaves them as they are. */
  private readonly viaSpace: Uint8Array;
  private readonly spaceColumn: number;

  /**
   * The automaton of the patterns. `tables` are its fixed tables when already built (see `build`); by default they
   * are built here, at once.
   */
  constructor(patterns: readonly string[], options: readonly PatternOptions[] = [], tables: AutomatonTables = runSteps(buildTables(patterns, options))) {
    this.lengths = tables.lengths;
    this.depth = tables.depth;
    this.columnOf = tables.columnOf;
    this.patternCodes = tables.patternCodes;
    this.codeOfColumn = tables.codeOfColumn;
    this.special = tables.special;
    this.shift = tables.shift;
    this.spaceColumn = tables.spaceColumn;
    this.viaSpace = tables.viaSpace;
    this.childStart = tables.childStart;
    this.childCode = tables.childCode;
    this.childState = tables.childState;
    this.fail = tables.fail;
    this.outputStart = tables.outputStart;
    this.outputs = tables.outputs;
    this.skipAfterWord = tables.skipAfterWord;
    this.columns = new Uint8Array(65536).fill(this.special + unknown);
    for (let code = 0; code < 128; code++) this.classify(code);
    // Zeroed: the memory of rows never reached is never touched. The root's row is known at once.
    this.rowOf = new Int32Array(this.fail.length).fill(-1);
    this.delta = new Int32Array(64 << this.shift);
    this.stateOfRow = new Int32Array(64);
    this.rowFor(0);
    for (let column = 0; column < 1 << this.shift; column++) this.delta[column] = this.step(0, column);
  }

  /**
   * The same automaton built in small steps (a few hundred patterns, states or characters each), for a caller that
   * spreads the work over several tasks.
   */
  static *build(patterns: readonly string[], options: readonly PatternOptions[] = []): Steps<AhoCorasick> {
    const tables = yield* buildTables(patterns, options);
    return new AhoCorasick(patterns, options, tables);
  }

  /** The entry of delta for (state, column), worked out from the trie and the failure links. */
  private step(state: number, column: number): number {
    let target: number;
    // A space after a space, past the root, is one more code unit in a match than its pattern has: flagged, so
    // that the hit listener's `lastLook` marks it (see `flagged`).
    let spaceRun = false;
    if (column >= this.special) target = state;
    else if (column === 0) target = 0;
    else {
      const code = this.codeOfColumn[column]!;
      spaceRun = code === 32 && this.viaSpace[state] === 1 && state !== 0;
      target = spaceRun ? state : this.goto(state, code);
    }
    const closer = spaceRun || column >= this.special || this.outputStart[target + 1]! > this.outputStart[target]!;
    return (this.rowFor(target) << 1) | (closer ? 0 : 1);
  }

  /** A state's row in delta, given a new (empty) one the first time. */
  private rowFor(state: number): number {
    let row = this.rowOf[state]!;
    if (row >= 0) return row;
    if (this.rows === this.stateOfRow.length) {
      const delta = new Int32Array(this.delta.length * 2);
      delta.set(this.delta);
      this.delta = delta;
      const states = new Int32Array(this.stateOfRow.length * 2);
      states.set(this.stateOfRow);
      this.stateOfRow = states;
    }
    row = this.rows++ << this.shift;
    this.stateOfRow[row >> this.shift] = state;
    this.rowOf[state] = row;
    return row;
  }

  private stateAt(row: number): number {
    return this.stateOfRow[row >> this.shift]!;
  }

  /** The state after reading `code` in `state` (the classic goto-or-fail walk). */
  private goto(state: number, code: number): number {
    for (let current = state; ; current = this.fail[current]!) {
      for (let k = this.childStart[current]!; k < this.childStart[current + 1]!; k++) if (this.childCode[k] === code) return this.childState[k]!;
      if (current === 0) return 0;
    }
  }

  private classify(code: number): number {
    let column: number;
    if (isInvisibleCode(code)) column = this.special + invisible;
    else if (code === 10 || code === paragraphBreakCode) column = this.special + newline;
    else if (code === 32) column = this.spaceColumn;
    else if (isSpaceCode(code)) column = this.special + otherSpace;
    else {
      // (foldText reads a lone surrogate as U+FFFD; only a pattern holding U+FFFD itself could tell.)
      const folded = foldCode(code);
      column = this.columnOf.get(folded) ?? (this.patternCodes.has(folded) ? this.special + rare : 0);
    }
    this.columns[code] = column;
    return column;
  }

  /**
   * Calls `onHit(state, index)` at every position where some pattern ends: `index` is the original index of the
   * last character of the match; firstOutput/lastOutput/output list the patterns. A paragraph break is reported
   * as `paragraphBreakState` at the start of its whitespace run. Calls come in order of `index`; nothing is
   * allocated per character or per match.
   *
   * Reads from `from` (starting in the root state) to the end, or, when `until` is given, stops at the first
   * position p ≥ until where the automaton is back at its root and `canStop(p)` agrees, and returns p. At the
   * root, no pattern occurrence spans p: what lies before it and after it can be scanned apart.
   */
  scan(text: string, onHit: HitListener, from = 0, until = text.length, canStop?: (position: number) => boolean): number {
    const bound = Math.min(until, text.length);
    let i = from;
    this.row = 0;
    if (bound - from >= twoPassLength) i = this.twoPasses(text, onHit, from, bound);
    else i = this.pass(text, onHit, from, bound, 0);
    let row = this.row;
    const length = text.length;
    const columns = this.columns;
    let delta = this.delta;
    for (; i < length; i++) {
      if (row === 0 && canStop?.(i)) return i;
      const column = columns[text.charCodeAt(i)]!;
      const entry = delta[row + column]!;
      if (entry & 1) {
        row = entry >> 1;
        continue;
      }
      i = this.flagged(text, i, column, row, entry, onHit, 0);
      row = this.row;
      delta = this.delta;
    }
    return length;
  }

  /** Reads [from, to) in state `row`; leaves the state in this.row and returns the index reached (≥ to). */
  private pass(text: string, onHit: HitListener, from: number, to: number, row: number, lastSpecial = -1): number {
    const columns = this.columns;
    let delta = this.delta;
    let i = from;
    this.lastSpecial[0] = lastSpecial;
    // The inner loop only reads the table; anything flagged is handled outside it (V8 keeps such a loop tight).
    while (i < to) {
      let entry = 0;
      let column = 0;
      for (; i < to; i++) {
        column = columns[text.charCodeAt(i)]!;
        entry = delta[row + column]!;
        if ((entry & 1) === 0) break;
        row = entry >> 1;
      }
      if (i >= to) break;
      i = this.flagged(text, i, column, row, entry, onHit, 0) + 1;
      row = this.row;
      // (A closer look may have given a state its row, and the rows more room.)
      delta = this.delta;
    }
    this.row = row;
    return i;
  }

  /**
   * Reads [from, to) as two halves at once. The second half's reader starts `depth` folded characters before its
   * half (enough to be in the state a single reader would be in there) and keeps its reports until the first
   * half is done, so that they still come in order.
   */
  private twoPasses(text: string, onHit: HitListener, from: number, to: number): number {
    let middle = from + ((to - from) >> 1);
    while (middle < to && (isSpaceCode(text.charCodeAt(middle)) || isInvisibleCode(text.charCodeAt(middle)))) middle++;
    const warmStart = Math.max(from, previousFoldedStart(text, middle, this.depth));
    const kept = this.kept;
    kept.clear();
    this.middle = middle;
    const keep: HitListener = (state, index, lastLook) => {
      if (index < middle) return;
      kept.push3(state, index, lastLook);
    };
    const columns = this.columns;
    let delta = this.delta;
    let rowA = 0;
    let rowB = 0;
    let a = from;
    let b = warmStart;
    this.lastSpecial[0] = -1;
    this.lastSpecial[1] = -1;
    while (a < middle && b < to) {
      let entryA = 0;
      let entryB = 0;
      let columnA = 0;
      let columnB = 0;
      // (Both readers step together: one index, the second reader's at a fixed offset from it, and one bound.)
      const offset = b - a;
      const stop = Math.min(middle, to - offset);
      for (; a < stop; a++) {
        columnA = columns[text.charCodeAt(a)]!;
        columnB = columns[text.charCodeAt(a + offset)]!;
        entryA = delta[rowA + columnA]!;
        entryB = delta[rowB + columnB]!;
        if ((entryA & entryB & 1) === 0) break;
        rowA = entryA >> 1;
        rowB = entryB >> 1;
      }
      b = a + offset;
      if (a >= stop) break;
      // (Each with the column it was read with: the other reader may have just classified the same character.)
      if (entryA & 1) rowA = entryA >> 1;
      else {
        a = this.flagged(text, a, columnA, rowA, entryA, onHit, 0);
        rowA = this.row;
      }
      if (entryB & 1) rowB = entryB >> 1;
      else {
        b = this.flagged(text, b, columnB, rowB, entryB, keep, 1);
        rowB = this.row;
      }
      delta = this.delta;
      a++;
      b++;
    }
    // The rest of the first half, then what the second kept, then the rest of the second.
    const lastSpecialB = this.lastSpecial[1]!;
    if (a < middle) a = this.pass(text, onHit, a, middle, rowA, this.lastSpecial[0]);
    for (let k = 0; k < kept.length; k += 3) onHit(kept.values[k]!, kept.values[k + 1]!, kept.values[k + 2]!);
    kept.clear();
    // The second reader goes on alone (still keeping what it finds before the middle to itself).
    const rest: HitListener = (state, index, lastLook) => (index >= middle ? onHit(state, index, lastLook) : undefined);
    this.row = rowB;
    if (b < to) b = this.pass(text, rest, b, to, rowB, lastSpecialB);
    else this.lastSpecial[0] = lastSpecialB;
    return b;
  }

  /** The state after a closer look. */
  private row = 0;
  /** Per reader: the last index that needed a closer look (matches since then are contiguous code units). */
  private readonly lastSpecial = new Int32Array(2);
  private readonly kept = new IntList();
  /** Where the second reader's half begins. */
  private middle = 0;

  /** The entry of delta for (row, column), worked out and kept the first time it is needed. */
  private entryAt(row: number, column: number): number {
    let entry = this.delta[row + column]!;
    if (entry === 0) {
      entry = this.step(this.stateAt(row), column);
      this.delta[row + column] = entry;
    }
    return entry;
  }

  /**
   * An entry that is not an ordinary step, read at `i` in the state of `row`: not known yet, a pattern end, or a
   * code unit that needs a closer look. Leaves the new state's row in this.row; returns the index reached.
   */
  private flagged(text: string, i: number, column: number, row: number, entry: number, onHit: HitListener, reader: number): number {
    if (entry === 0) entry = this.entryAt(row, column);
    this.row = entry >> 1;
    if (entry & 1) return i;
    if (column < this.special) {
      const state = this.stateAt(this.row);
      if (this.row === row && column === this.spaceColumn && row !== 0) {
        // A space after a space (see `step`): a closer look, and a hit only when the state has outputs.
        this.lastSpecial[reader] = i;
        if (this.outputStart[state + 1]! === this.outputStart[state]!) return i;
      }
      const skip = this.skipAfterWord[state]!;
      // A match inside a word that no pattern here wants: skipped without a call.
      if (skip > 0 && this.lastSpecial[reader]! <= i - skip && isWordCode(text.charCodeAt(i - skip))) return i;
      // (The second reader's hits, kept until the first half is read: pushed here, without a call, as `keep` would.)
      if (reader === 0) onHit(state, i, this.lastSpecial[0]!);
      else if (i >= this.middle) this.kept.push3(state, i, this.lastSpecial[1]!);
      return i;
    }
    // (The last code unit the closer look read: a whitespace run it reads as one character may be longer than the
    // characters of a match before it, which then must not be taken to start inside the run.)
    const reached = this.closer(text, i, column - this.special, row, onHit);
    this.lastSpecial[reader] = reached;
    return reached;
  }

  /** One code unit that needs a closer look, in the state of `row` (it has not moved); returns the index reached. */
  private closer(text: string, i: number, kind: number, row: number, onHit: HitListener): number {
    this.row = row;
    if (kind === unknown) {
      const column = this.classify(text.charCodeAt(i));
      const entry = this.entryAt(row, column);
      this.row = entry >> 1;
      if (entry & 1) return i;
      if (column < this.special) {
        onHit(this.stateAt(this.row), i, i);
        return i;
      }
      return this.closer(text, i, column - this.special, row, onHit);
    }
    if (kind === invisible) return i;
    if (kind === rare) {
      const state = this.goto(this.stateAt(row), foldCode(text.charCodeAt(i)));
      this.row = this.rowFor(state);
      if (this.outputStart[state + 1]! > this.outputStart[state]!) onHit(state, i, i);
      return i;
    }
    // Whitespace: the run it starts (or continues, after plain spaces) is one folded character. A paragraph break
    // is no pattern's character, so it returns to the root; a space stays put after a space.
    let newlines = 0;
    let j = i;
    for (; j < text.length; j++) {
      const code = text.charCodeAt(j);
      // (Plain spaces first: most of a long run, an indented line's, is made of them.)
      if (code === 32) continue;
      if (code === 10) newlines++;
      else if (code === paragraphBreakCode) newlines = 2;
      else if (code !== 32 && !isSpaceCode(code) && !isInvisibleCode(code)) break;
    }
    if (newlines >= 2) {
      this.row = 0;
      onHit(paragraphBreakState, i, i);
    } else this.row = this.entryAt(row, this.spaceColumn) >> 1;
    return j - 1;
  }

  /** The patterns ending at a state reported by `scan`: output(firstOutput(state)) … output(lastOutput(state) - 1). */
  firstOutput(state: number): number {
    return this.outputStart[state]!;
  }

  lastOutput(state: number): number {
    return this.outputStart[state + 1]!;
  }

  output(index: number): number {
    return this.outputs[index]!;
  }

  /** Every occurrence of every pattern as (pattern, start, end) in original indices, in order of end. */
  search(text: string, onMatch: (pattern: number, start: number, end: number) => void): void {
    this.scan(text, (state, index) => {
      if (state === paragraphBreakState) return;
      for (let k = this.firstOutput(state); k < this.lastOutput(state); k++) {
        const pattern = this.output(k);
        onMatch(pattern, previousFoldedStart(text, index, this.lengths[pattern]! - 1), index + 1);
      }
    });
  }
}

/** What an automaton is made of besides its transitions (which it works out as the text needs them). */
interface AutomatonTables {
  lengths: Int32Array;
  depth: number;
  columnOf: Map<number, number>;
  patternCodes: Set<number>;
  codeOfColumn: Int32Array;
  special: number;
  shift: number;
  spaceColumn: number;
  viaSpace: Uint8Array;
  childStart: Int32Array;
  childCode: Uint16Array;
  childState: Int32Array;
  fail: Int32Array;
  outputStart: Int32Array;
  outputs: Int32Array;
  skipAfterWord: Int32Array;
}

/** Items of a loop done between two yields: a fraction of a millisecond each way, even in code not optimised yet. */
const patternsPerStep = 128;
const statesPerStep = 2048;
const codesPerStep = 16_384;

/** The tables of the automaton of `patterns`, built in steps. */
function* buildTables(patterns: readonly string[], options: readonly PatternOptions[]): Steps<AutomatonTables> {
  if (patterns.some((pattern) => pattern.includes(paragraphBreak))) throw new Error('no pattern may hold a paragraph break');
  const lengths = Int32Array.from(patterns, (pattern) => pattern.length);
  let depth = 0;
  for (const length of lengths) depth = Math.max(depth, length);
  // Columns: the characters the patterns use, most used first (a space always has one); 0 is every other character.
  const uses = new Uint32Array(65536);
  for (let index = 0; index < patterns.length; index++) {
    const pattern = patterns[index]!;
    for (let i = 0; i < pattern.length; i++) uses[pattern.charCodeAt(i)]!++;
    if (index % patternsPerStep === patternsPerStep - 1) yield;
  }
  const used: number[] = [];
  for (let code = 0; code < 65536; code++) {
    if (uses[code] || code === 32) used.push(code);
    if (code % codesPerStep === codesPerStep - 1) yield;
  }
  const patternCodes = new Set(used);
  const byUse = used.sort((a, b) => uses[b]! - uses[a]! || a - b);
  if (byUse.indexOf(32) >= maxDenseColumns - 1) byUse.unshift(32);
  const dense = [...new Set(byUse)].slice(0, maxDenseColumns - 1);
  const columnOf = new Map<number, number>();
  dense.forEach((code, i) => columnOf.set(code, i + 1));
  const special = dense.length + 1;
  yield;

  // The trie, built from the patterns in code-unit order: a pattern shares with the one before it exactly their
  // common prefix, so every state is made once and nothing is looked up; a state's children come in order of
  // their code. (This runs on every page the content script starts on.)
  const indicesOf = new Map<string, number[]>();
  let characters = 0;
  for (let index = 0; index < patterns.length; index++) {
    const pattern = patterns[index]!;
    if (pattern) {
      characters += pattern.length;
      const indices = indicesOf.get(pattern);
      if (indices) indices.push(index);
      else indicesOf.set(pattern, [index]);
    }
    if (index % patternsPerStep === patternsPerStep - 1) yield;
  }
  // (The default sort compares strings by code unit.)
  const sorted = [...indicesOf.keys()].sort();
  yield;
  const parents = new Int32Array(characters + 1);
  const codes = new Uint16Array(characters + 1);
  let states = 1;
  const endState = new Int32Array(patterns.length).fill(-1);
  /** path[d]: the state at depth d of the pattern before. */
  const path = new Int32Array(depth + 1);
  let previous = '';
  for (let index = 0; index < sorted.length; index++) {
    const pattern = sorted[index]!;
    let common = 0;
    const shared = Math.min(previous.length, pattern.length);
    while (common < shared && previous.charCodeAt(common) === pattern.charCodeAt(common)) common++;
    let state = path[common]!;
    for (let i = common; i < pattern.length; i++) {
      const target = states++;
      parents[target] = state;
      codes[target] = pattern.charCodeAt(i);
      path[i + 1] = target;
      state = target;
    }
    for (const given of indicesOf.get(pattern)!) endState[given] = state;
    previous = pattern;
    if (index % patternsPerStep === patternsPerStep - 1) yield;
  }
  const shift = Math.ceil(Math.log2(special + specialKinds));
  if ((states << shift) * 2 > 0x7fffffff) throw new Error('too many patterns for one automaton');
  const viaSpace = new Uint8Array(states);
  const childStart = new Int32Array(states + 1);
  for (let state = 0; state < states; state++) {
    viaSpace[state] = state === 0 || codes[state] === 32 ? 1 : 0;
    if (state > 0) childStart[parents[state]! + 1]!++;
    if (state % statesPerStep === statesPerStep - 1) yield;
  }
  for (let state = 0; state < states; state++) childStart[state + 1]! += childStart[state]!;
  yield;
  const childCode = new Uint16Array(states - 1);
  const childState = new Int32Array(states - 1);
  const filled = childStart.slice(0, states);
  for (let state = 1; state < states; state++) {
    const at = filled[parents[state]!]!++;
    childCode[at] = codes[state]!;
    childState[at] = state;
    if (state % statesPerStep === statesPerStep - 1) yield;
  }
  // The patterns ending at each state, in the order they were given: ends[endStart[s] .. endStart[s+1]).
  const endStart = new Int32Array(states + 1);
  for (const state of endState) if (state >= 0) endStart[state + 1]!++;
  for (let state = 0; state < states; state++) endStart[state + 1]! += endStart[state]!;
  const ends = new Int32Array(endStart[states]!);
  const endFilled = endStart.slice(0, states);
  endState.forEach((state, index) => {
    if (state >= 0) ends[endFilled[state]!++] = index;
  });
  yield;
  const endsHere = (state: number) => endStart[state + 1]! > endStart[state]!;
  const childOf = (state: number, code: number) => childIn(childStart, childCode, childState, state, code);
  // Failure links, breadth first (a state's failure target is shallower, so known before it), and for each
  // state the nearest state on its failure chain where a pattern ends (its outputs follow its own).
  const fail = new Int32Array(states);
  const outputLink = new Int32Array(states).fill(-1);
  const order = new Int32Array(states);
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const state = order[head]!;
    for (let k = childStart[state]!; k < childStart[state + 1]!; k++) {
      const target = childState[k]!;
      const code = childCode[k]!;
      if (state !== 0) {
        let fallback = fail[state]!;
        let link = childOf(fallback, code);
        while (fallback && link < 0) {
          fallback = fail[fallback]!;
          link = childOf(fallback, code);
        }
        fail[target] = link >= 0 && link !== target ? link : 0;
      }
      const failTarget = fail[target]!;
      outputLink[target] = endsHere(failTarget) ? failTarget : outputLink[failTarget]!;
      order[tail++] = target;
    }
    if (head % patternsPerStep === patternsPerStep - 1) yield;
  }
  const outputStart = new Int32Array(states + 1);
  const outputList: number[] = [];
  const skip = new Int32Array(states);
  for (let state = 0; state < states; state++) {
    const first = outputList.length;
    for (let at = endsHere(state) ? state : outputLink[state]!; at >= 0; at = outputLink[at]!) for (let k = endStart[at]!; k < endStart[at + 1]!; k++) outputList.push(ends[k]!);
    outputStart[state + 1] = outputList.length;
    if (outputList.length > first) skip[state] = skippableLength(patterns, options, outputList.slice(first));
    if (state % patternsPerStep === patternsPerStep - 1) yield;
  }
  return {
    lengths,
    depth,
    columnOf,
    patternCodes,
    codeOfColumn: Int32Array.from([0, ...dense]),
    special,
    shift,
    spaceColumn: columnOf.get(32)!,
    viaSpace,
    childStart,
    childCode,
    childState,
    fail,
    outputStart,
    outputs: Int32Array.from(outputList),
    skipAfterWord: skip,
  };
}

/** The child of `state` by `code` in a trie's tables, or -1 (children are in order of their code). */
function childIn(childStart: Int32Array, childCode: Uint16Array, childState: Int32Array, state: number, code: number): number {
  let low = childStart[state]!;
  let high = childStart[state + 1]! - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const found = childCode[middle]!;
    if (found === code) return childState[middle]!;
    if (found < code) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/**
 * For a state's outputs (longest first: the state's own pattern, then those reached through failure links, each
 * a suffix of the one before): the length L of the longest when a letter or digit before it rules out every
 * output. That holds when each pattern is word-start-only, free of spaces (so that its match is contiguous code
 * units, given no closer look among them), and each shorter one starts right after a letter or digit of the
 * longest. 0 otherwise.
 */
function skippableLength(patterns: readonly string[], options: readonly PatternOptions[], outputs: number[]): number {
  if (!outputs.length) return 0;
  const longest = patterns[outputs[0]!]!;
  for (const index of outputs) {
    const pattern = patterns[index]!;
    if (!options[index]?.wordStartOnly || pattern.includes(' ')) return 0;
    if (pattern !== longest && !isWordCode(longest.charCodeAt(longest.length - pattern.length - 1))) return 0;
  }
  return longest.length;
}
