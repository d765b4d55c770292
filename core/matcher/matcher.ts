import type { Kind } from '../dataset/kinds';
import type { Entry, TermRule } from '../dataset/schema';
import { matchTermsOf, termsOf, variantsOf } from '../dataset/terms';
import { AhoCorasick, paragraphBreakState } from './aho-corasick';
import { contextRadius, contextTest, inCapitalisedRun, isWordChar, isWordCode, windowBounds, windowEnd, windowStart, type WindowBounds } from './context';
import { foldedCodeAt, foldSlice, foldTerm, isInvisibleCode, isSpaceCode, nextFoldedStart, normaliseKeepingCase, previousFoldedStart, sameKeepingCase } from './fold';
import { citationEntity, citationTriggers, createCitationFinder, type CitationKind, type CitationStarts } from './official-numbers';
import { IntList } from './int-list';
import type { Steps } from './steps';
import { insideAddress } from './urls';

export interface EntityRef {
  id: string;
  name: string;
  kind: Kind;
}

/** One highlighted mention: [start, end) are JavaScript string indices into the scanned text. */
export interface Mention {
  start: number;
  end: number;
  text: string;
  entity: EntityRef;
}

/** What the matcher needs of an entry; the content script gets only this, not the card text. */
export type MatchableEntry = Pick<Entry, 'id' | 'name' | 'kind' | 'aliases' | 'identifiers'> & { relations?: Entry['relations'] };

/**
 * What a document has said so far, carried from one part of it to the next (the blocks of a page, the paragraphs
 * of a file): the set holds the entities named in full (their acronyms stand); besides, the entities named by a
 * term that needs no context (evidence for names that are ambiguous alone), the context words seen, and the
 * acronyms another organisation's long form claimed. A plain set of names works too, carrying names only.
 */
export class DocumentMemory extends Set<string> {
  readonly evidence = new Set<string>();
  readonly phrases = new Set<string>();
  readonly claimed = new Set<string>();
}

/** Context words of a rule: the phrases (which the automaton finds too) and the same test on a window's text. */
interface Phrases {
  ids: number[];
  test: (window: string) => boolean;
  /** Per phrase id: 1 when it is one of these (made when first needed). */
  member?: Uint8Array;
}

interface CompiledTerm {
  entity: EntityRef;
  /** Its entity's index among the matcher's entities (the first with its id): per-entity facts of a scan are kept by it. */
  key: number;
  /** Exact form to compare with when the term is case-sensitive. */
  exact?: string;
  requires?: Phrases;
  excludes?: Phrases;
  afterLongForm: boolean;
  /** `requiresContext` may be met earlier in the document (see the schema): by entities named, or these words. */
  fromDocument?: 'related' | 'any';
  documentWords?: Phrases;
  /** A match of this term is evidence that the document names its entity (it needs no context). */
  evidence: boolean;
  /** All-capital terms ("ICE") are not trusted inside capitalised runs of text. */
  shouted: boolean;
  startsWithWordChar: boolean;
  endsWithWordChar: boolean;
}

/** A match whose rules held, before acronyms and overlaps are settled. */
export interface Candidate {
  start: number;
  end: number;
  entity: EntityRef;
  afterLongForm: boolean;
  /** The context requirement held (only consulted for afterLongForm terms). */
  contextMet: boolean;
}

export interface Matcher {
  readonly entities: readonly EntityRef[];
  /**
   * The mentions in a text. When a page is scanned in parts, pass the same `named` set to each call: it holds the
   * entities already named in full, so their acronyms stand in later parts.
   */
  scan(text: string, named?: Set<string>): Mention[];
  /**
   * One piece of a long text: scans from `from` (0, or the `next` of the previous piece) to about `until`, and
   * returns the mentions that start in [from, next). The pieces end where nothing can span them, so scanning a
   * text piece by piece with one `named` set finds exactly what one scan of it finds.
   */
  scanPiece(text: string, from: number, until: number, named: Set<string>): { mentions: Mention[]; next: number };
  /**
   * Compiles the terms, or part of them, ahead of the first scan (which otherwise compiles them all at once): works
   * in steps of a fraction of a millisecond until `enough()` says so (asked after each step) or the work is done;
   * returns whether it is done. Called again, it goes on where it stopped; a scan finishes what is left.
   */
  compile(enough: () => boolean): boolean;
}

/** Per phrase id of `count`: 1 for those of `ids`. */
function memberTable(ids: readonly number[], count: number): Uint8Array {
  const table = new Uint8Array(count);
  for (const id of ids) table[id] = 1;
  return table;
}

/** The first index in [low, high) of the ascending `values` whose value is above `value`, or `high`. */
function firstAbove(values: Int32Array, low: number, high: number, value: number): number {
  while (low < high) {
    const middle = (low + high) >> 1;
    if (values[middle]! <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The index of the first (phrase, end) pair of `hits` (in order of end) whose end is after `position`, searched
 * from `near` outwards (an earlier answer: the scan asks about places near each other, one match after another, so
 * a few steps find the range that a search of the whole list would take a dozen cache misses to narrow down).
 */
export function firstHitAfter(hits: IntList, position: number, near = 0): number {
  const count = hits.length >> 1;
  const values = hits.values;
  let low: number;
  let high: number;
  const from = Math.min(Math.max(near, 0), count);
  if (from < count && values[2 * from + 1]! <= position) {
    // Later than `from`: [low, high) holds the answer once endAt(high) > position or high is the end.
    low = from + 1;
    let step = 1;
    for (high = low; high < count && values[2 * high + 1]! <= position; step *= 2) {
      low = high + 1;
      high = Math.min(count, high + step);
    }
  } else {
    // At `from` or before: the answer is in [low, high] once low is 0 or endAt(low - 1) ≤ position.
    high = from;
    let step = 1;
    for (low = from; low > 0 && values[2 * low - 1]! > position; step *= 2) {
      high = low - 1;
      low = Math.max(0, low - step);
    }
  }
  while (low < high) {
    const middle = (low + high) >> 1;
    if (values[2 * middle + 1]! <= position) low = middle + 1;
    else high = middle;
  }
  return low;
}

// The flags of a pattern: some term has it; every term starts (ends) with a letter or digit.
const hasTerms = 2;
const wordStart = 4;
const wordEnd = 8;

/** No citation is longer than this; a piece never ends this close after a place where one may start. */
const longestCitation = 40;

export function createMatcher(entries: readonly MatchableEntry[]): Matcher {
  const entities: EntityRef[] = entries.map((entry) => ({ id: entry.id, name: entry.name, kind: entry.kind }));
  // Compiled when a text is first scanned, or ahead of it in steps (`compile`): a content script that never scans
  // (a paused site, a page without text, a matcher replaced by one with the reader's entries before the page was
  // read) never pays for it.
  let scanRange: ScanRange | undefined;
  let compiling: Steps<ScanRange> | undefined;
  /** Compiles until `enough()` (asked after each step), or to the end; whether it is done. */
  const compileUntil = (enough: () => boolean): boolean => {
    if (scanRange) return true;
    compiling ??= compileMatcher(entries, entities);
    try {
      do {
        const step = compiling.next();
        if (step.done) {
          scanRange = step.value;
          return true;
        }
      } while (!enough());
    } catch (error) {
      // (Too many patterns: every later call fails the same way, as the compilation starts again.)
      compiling = undefined;
      throw error;
    }
    return false;
  };
  const compiled = (): ScanRange => {
    compileUntil(() => false);
    return scanRange!;
  };
  return {
    entities,
    scan: (text, named = new DocumentMemory()) => compiled()(text, 0, text.length, named).mentions,
    scanPiece: (text, from, until, named) => compiled()(text, from, until, named),
    compile: compileUntil,
  };
}

type ScanRange = (text: string, from: number, until: number, named: Set<string>) => { mentions: Mention[]; next: number };

/** Entries compiled between two yields. */
const entriesPerStep = 16;

/** The matcher's compiled terms and automaton, and the scan that uses them, made in steps (see `Matcher.compile`). */
function* compileMatcher(entries: readonly MatchableEntry[], entities: readonly EntityRef[]): Steps<ScanRange> {
  const termsByPattern = new Map<string, CompiledTerm[]>();
  // Context phrases: each is also a pattern, so that one pass finds where they are.
  const phraseIds = new Map<string, number>();
  const phrases = (list: string[] | undefined): Phrases | undefined => {
    if (!list) return undefined;
    const folded = list.map(foldTerm);
    for (const phrase of folded) if (!phraseIds.has(phrase)) phraseIds.set(phrase, phraseIds.size);
    // The regular expression is only needed for windows that reach outside what was scanned: compiled then.
    let test: ((window: string) => boolean) | undefined;
    // (member made when first needed, but there from the start: every Phrases object keeps one shape.)
    return { ids: [...new Set(folded.map((phrase) => phraseIds.get(phrase)!))], test: (window) => (test ??= contextTest(folded))(window), member: undefined };
  };
  // Each entity's key: the index of the first entity with its id.
  const keyOfId = new Map<string, number>();
  for (let i = entities.length - 1; i >= 0; i--) keyOfId.set(entities[i]!.id, i);
  const add = (entity: EntityRef, rule: TermRule) => {
    if (rule.matchAlone === false) return;
    const pattern = foldTerm(rule.text);
    const list = termsByPattern.get(pattern) ?? [];
    list.push(compileTerm(entity, keyOfId.get(entity.id)!, rule, phrases));
    termsByPattern.set(pattern, list);
  };
  for (let i = 0; i < entries.length; i++) {
    for (const rule of termsOf(entries[i]!)) add(entities[i]!, rule);
    if (i % entriesPerStep === entriesPerStep - 1) yield;
  }
  // Then the variants of names texts write (matchTermsOf), where no entry has that term itself.
  const taken = new Set(termsByPattern.keys());
  yield;
  for (let i = 0; i < entries.length; i++) {
    for (const rule of variantsOf(entries[i]!)) if (!taken.has(foldTerm(rule.text))) add(entities[i]!, rule);
    if (i % entriesPerStep === entriesPerStep - 1) yield;
  }
  const byId = new Map(entities.map((entity) => [entity.id, entity]));
  // Entities related either way (a maker, a product, a parent, ...): evidence for each other's ambiguous names.
  const related = new Map<string, Set<string>>();
  const relate = (a: string, b: string) => {
    if (!byId.has(a) || !byId.has(b) || a === b) return;
    related.set(a, (related.get(a) ?? new Set()).add(b));
    related.set(b, (related.get(b) ?? new Set()).add(a));
  };
  yield;
  for (let i = 0; i < entries.length; i++) {
    for (const ids of Object.values(entries[i]!.relations ?? {})) for (const id of ids ?? []) relate(entries[i]!.id, id);
    if (i % entriesPerStep === entriesPerStep - 1) yield;
  }
  // The words of each entity's longer names: a parenthesised acronym after them is defined as ours. (Worked out
  // for an entity the first time one of its acronyms is weighed.)
  const entryOf = new Map(entries.map((entry) => [entry.id, entry]));
  const nameWords = new Map<string, Set<string>>();
  const nameWordsOf = (id: string) => {
    let words = nameWords.get(id);
    if (!words) {
      words = new Set<string>();
      for (const rule of matchTermsOf(entryOf.get(id)!)) if (rule.text.includes(' ')) for (const word of foldTerm(rule.text).split(' ')) words.add(word);
      nameWords.set(id, words);
    }
    return words;
  };
  yield;
  const findCitations = createCitationFinder(entries);
  yield;
  // Places where citations may start are patterns too, marked with their kind.
  const triggerOf = new Map<string, CitationKind>();
  for (const [kind, triggers] of Object.entries(citationTriggers) as [CitationKind, readonly string[]][]) {
    for (const trigger of triggers) triggerOf.set(trigger, kind);
  }
  const patterns = [...new Set([...termsByPattern.keys(), ...phraseIds.keys(), ...triggerOf.keys()])];
  yield;
  const termLists = patterns.map((pattern) => termsByPattern.get(pattern) ?? []);
  yield;
  const triggers = patterns.map((pattern) => triggerOf.get(pattern));
  const phraseOf = Int32Array.from(patterns, (pattern) => phraseIds.get(pattern) ?? -1);
  yield;
  const phraseLengths = new Int32Array(phraseIds.size);
  const phraseTexts: string[] = [];
  for (const [phrase, id] of phraseIds) {
    phraseLengths[id] = phrase.length;
    phraseTexts[id] = phrase;
  }
  // Every term of the pattern starts (ends) with a letter or digit: a letter or digit before (after) the match
  // rules them all out, before anything else is looked at.
  const wholeWordStart = termLists.map((terms) => terms.length > 0 && terms.every((term) => term.startsWithWordChar));
  const wholeWordEnd = termLists.map((terms) => terms.length > 0 && terms.every((term) => term.endsWithWordChar));
  yield;
  // Term and context-phrase occurrences count only at the start of a word (a letter or digit before the match
  // rules a term out, and a context word must start a word of its window), and so do bills and public laws (their
  // patterns look behind them): the automaton may skip those cheaply. A U.S. Code citation starts with digits.
  const wordStartOnly = patterns.map((pattern, i) => (termLists[i]!.length === 0 || wholeWordStart[i]!) && triggers[i] !== 'usCode' && (termLists[i]!.length > 0 || phraseOf[i]! >= 0 || triggers[i] !== undefined));
  yield;
  const automaton = yield* AhoCorasick.build(patterns, wordStartOnly.map((only) => ({ wordStartOnly: only })));
  const lengths = automaton.lengths;
  // What onHit asks of each pattern, in one byte.
  const flags = Uint8Array.from(patterns, (pattern, i) => (termLists[i]!.length ? hasTerms : 0) | (wholeWordStart[i] ? wordStart : 0) | (wholeWordEnd[i] ? wordEnd : 0));

  // Per scan, reused: term matches to weigh (pattern, last index, start), where each context phrase ends,
  // paragraph breaks, places where citations may start.
  const termHits = new IntList();
  /** Every context phrase recorded (at the start of a word), in order of end: (phrase, end) pairs. */
  const phraseHits = new IntList();
  /** Per phrase: where it first ends (-1: not found); the phrases found are `touched`. */
  const firstEnd = new Int32Array(phraseIds.size).fill(-1);
  // The ends of each phrase, [byPhraseStart[id], byPhraseStart[id + 1]) of byPhraseEnds: made from phraseHits when
  // a stretch holds too many phrases to read one by one.
  const byPhraseStart = new Int32Array(phraseIds.size + 1);
  let byPhraseEnds: Int32Array | undefined;
  const touched = new IntList();
  const breaks = new IntList();
  // Per entity key: where its latest match in this text ends, and where this text first names it by a term that
  // needs no context (-1: not yet); the keys set, in that order.
  const lastEnd = new Int32Array(entities.length).fill(-1);
  const lastEndKeys = new IntList();
  const evidenceAt = new Int32Array(entities.length).fill(-1);
  const evidenceKeys = new IntList();
  /** The last answer of firstHitAfter in this scan: the next question is about a place near it. */
  let nearHit = 0;

  function scanRange(text: string, from: number, until: number, named: Set<string>): { mentions: Mention[]; next: number } {
    const memory = named instanceof DocumentMemory ? named : undefined;
    termHits.clear();
    for (let k = 0; k < touched.length; k++) firstEnd[touched.values[k]!] = -1;
    touched.clear();
    phraseHits.clear();
    nearHit = 0;
    byPhraseEnds = undefined;
    breaks.clear();
    const starts: CitationStarts = { bill: [], publicLaw: [], usCode: [] };
    let lastTrigger = -longestCitation;

    const onHit = (state: number, index: number, lastLook: number) => {
      if (state === paragraphBreakState) {
        breaks.push(index);
        return;
      }
      for (let k = automaton.firstOutput(state), last = automaton.lastOutput(state); k < last; k++) {
        const pattern = automaton.output(k);
        const flag = flags[pattern]!;
        // Where the match starts: right there when it is made of exactly its code units (no closer look among
        // them: the automaton looks closer at a run of spaces).
        const length = lengths[pattern]!;
        const start = index - length >= lastLook ? index - length + 1 : previousFoldedStart(text, index, length - 1);
        const phrase = phraseOf[pattern]!;
        if (phrase >= 0 && startsWord(text, start, -1)) {
          if (firstEnd[phrase]! < 0) {
            firstEnd[phrase] = index + 1;
            touched.push(phrase);
          }
          phraseHits.push2(phrase, index + 1);
        }
        const trigger = triggers[pattern];
        if (trigger !== undefined) {
          const at = start;
          const first = text.charCodeAt(at);
          // Citations are written in capitals: "H.R.", "S.", "Pub. L.", "U.S.C.".
          if (trigger === 'bill' ? first === 72 || first === 83 : trigger === 'publicLaw' ? first === 80 : first === 85) {
            starts[trigger].push(at);
            lastTrigger = at;
          }
        }
        if (!(flag & hasTerms) || (flag & wordEnd && isWordCode(text.charCodeAt(index + 1)))) continue;
        if (flag & wordStart && isWordCode(text.charCodeAt(start - 1))) continue;
        termHits.push3(pattern, index, start);
      }
    };
    // A piece may end at p when no citation can span it: none starts shortly before, and no digit of a
    // "50 U.S.C." is cut from its letters. (The automaton only stops where no pattern spans p.)
    const canStop = (p: number) => {
      const code = text.charCodeAt(p);
      if (isSpaceCode(code) || isInvisibleCode(code) || p - lastTrigger < longestCitation) return false;
      for (let q = Math.max(0, p - 3); q < p; q++) if (text.charCodeAt(q) >= 48 && text.charCodeAt(q) <= 57) return false;
      return true;
    };
    const next = automaton.scan(text, onHit, from, until, canStop);

    // Context phrases are known where the automaton has read: [from, next). A window inside it is tested by where
    // its phrases are; one that reaches outside, by its text.
    const phraseIndex = () => {
      if (byPhraseEnds) return byPhraseEnds;
      const values = phraseHits.values;
      const count = phraseHits.length >> 1;
      byPhraseStart.fill(0);
      for (let k = 0; k < count; k++) byPhraseStart[values[2 * k]! + 1]!++;
      for (let id = 0; id < phraseIds.size; id++) byPhraseStart[id + 1]! += byPhraseStart[id]!;
      const filled = byPhraseStart.slice(0, phraseIds.size);
      const ends = new Int32Array(count);
      for (let k = 0; k < count; k++) ends[filled[values[2 * k]!]!++] = values[2 * k + 1]!;
      return (byPhraseEnds = ends);
    };
    /**
     * The end of the first of the phrases that ends in (after, high] and, when `startLow` ≥ 0, starts at or after
     * it; -1 if none does. Read through the few phrases recorded in the stretch (most windows and paragraphs); -2
     * when it holds many more than the rule has phrases (then look each of them up).
     */
    const firstPhraseEnd = (phrases: Phrases, after: number, high: number, startLow: number) => {
      const member = (phrases.member ??= memberTable(phrases.ids, phraseIds.size));
      const values = phraseHits.values;
      const count = phraseHits.length >> 1;
      let k = (nearHit = firstHitAfter(phraseHits, after, nearHit));
      for (const limit = k + 4 * phrases.ids.length + 64; k < count && values[2 * k + 1]! <= high; k++) {
        if (k === limit) return -2;
        const id = values[2 * k]!;
        if (member[id] && (startLow < 0 || previousFoldedStart(text, values[2 * k + 1]! - 1, phraseLengths[id]! - 1) >= startLow)) return values[2 * k + 1]!;
      }
      return -1;
    };
    /** Whether one of the phrases ends in (low, high] — and, when `within`, starts at or after `low` too. */
    const phraseIn = (phrases: Phrases, low: number, high: number, within: boolean) => {
      const found = firstPhraseEnd(phrases, low, high, within ? low : -1);
      if (found !== -2) return found >= 0;
      const ends = phraseIndex();
      for (const id of phrases.ids) {
        for (let e = firstAbove(ends, byPhraseStart[id]!, byPhraseStart[id + 1]!, low); e < byPhraseStart[id + 1]! && ends[e]! <= high; e++) {
          if (!within || previousFoldedStart(text, ends[e]! - 1, phraseLengths[id]! - 1) >= low) return true;
        }
      }
      return false;
    };
    // The paragraph breaks around the last match weighed (none yet: an empty stretch).
    let breakBefore = 0;
    let breakAfter = 0;
    // The window of the match being weighed, found when a rule first needs it.
    let windowFrom = -1;
    let bounds: WindowBounds | undefined;
    let windowText: string | undefined;
    const holds = (phrases: Phrases, start: number, end: number) => {
      // The paragraph around the match (no window crosses a paragraph break) holds none of the phrases at the
      // start of a word, and the window does not start inside a word (where its text would let one start).
      // (Most matches weighed in a row lie in one paragraph: the breaks around the last one are those around this
      // one when it lies between them, since no break lies inside a match.)
      if (!(breakBefore < start && end - 1 < breakAfter)) {
        breakBefore = breaks.lastBelow(start);
        breakAfter = breaks.firstAfter(end - 1);
      }
      const before = breakBefore;
      const after = breakAfter;
      const paragraphFrom = before >= 0 ? before : from === 0 ? 0 : -1;
      const paragraphTo = after <= text.length ? after : next === text.length ? text.length : -1;
      if (paragraphFrom >= 0 && paragraphTo >= 0 && !phraseIn(phrases, paragraphFrom, paragraphTo, false)) {
        // Fewer than contextRadius characters since the paragraph began: the window starts after the end of a
        // sentence or the paragraph break, at the start of a word, and not inside a surrogate pair (whose halves
        // would have to be split by the window's start, which only the radius does).
        if (windowFrom < 0 && start - paragraphFrom <= contextRadius) return false;
        if (windowFrom < 0) windowFrom = windowStart(text, start);
        if (startsPlainly(text, windowFrom)) return false;
      }
      if (windowFrom < 0) windowFrom = windowStart(text, start);
      // A window that starts a word, inside what was read: the phrases that end by the match's end lie in it when
      // they start in it; of those that end after it, the first that starts in it lies in it when the window
      // reaches its end, which is walked to no further than that (most windows' ends are never needed).
      if (!bounds && windowFrom >= from && next === text.length && startsPlainly(text, windowFrom)) {
        if (phraseIn(phrases, windowFrom, end, true)) return true;
        const phraseEnd = firstPhraseEnd(phrases, end, paragraphTo >= 0 ? paragraphTo : text.length, windowFrom);
        if (phraseEnd === -1) return false;
        if (phraseEnd >= 0) return windowEnd(text, end, phraseEnd) >= phraseEnd;
        // (Too many phrases recorded after the match to read one by one: the window's end is worked out whole.)
      }
      bounds ??= { from: windowFrom, to: windowEnd(text, end) };
      if (bounds.from >= from && bounds.to <= next) {
        // Context words start words: those recorded, and any the window's own start makes one.
        if (phraseIn(phrases, bounds.from, bounds.to, true)) return true;
        for (const at of windowOnlyWordStarts(text, bounds)) {
          for (const id of phrases.ids) if (phraseAt(text, at, phraseTexts[id]!, bounds.to)) return true;
        }
        return false;
      }
      return phrases.test((windowText ??= foldSlice(text, bounds.from, bounds.to)));
    };

    // What this text says as it goes: where each entity is first named by a term that needs no context, where an
    // acronym was claimed by another organisation, and where each entity's latest match ends.
    const claimedAt = new Map<string, number>();
    for (let k = 0; k < lastEndKeys.length; k++) lastEnd[lastEndKeys.values[k]!] = -1;
    lastEndKeys.clear();
    for (let k = 0; k < evidenceKeys.length; k++) evidenceAt[evidenceKeys.values[k]!] = -1;
    evidenceKeys.clear();
    const evidenceBefore = (key: number, start: number) => evidenceAt[key]! >= 0 && evidenceAt[key]! < start;
    /** `requiresContext` met earlier in the document: one of its words, a related entity, or (any) two others named. */
    const fromDocument = (term: CompiledTerm, start: number) => {
      for (const id of term.documentWords?.ids ?? []) {
        if (memory?.phrases.has(phraseTexts[id]!)) return true;
        const first = firstEnd[id]!;
        if (first >= 0 && first <= start) return true;
      }
      if (!term.fromDocument) return false;
      for (const id of related.get(term.entity.id) ?? []) if (memory?.evidence.has(id) || evidenceBefore(keyOfId.get(id)!, start)) return true;
      if (term.fromDocument !== 'any') return false;
      // Company names alone fill business news too: one of the two must be an agency, a tool, a law...
      const others = new Set(memory?.evidence);
      for (let k = 0; k < evidenceKeys.length; k++) if (evidenceBefore(evidenceKeys.values[k]!, start)) others.add(entities[evidenceKeys.values[k]!]!.id);
      others.delete(term.entity.id);
      return others.size >= 2 && [...others].some((id) => byId.get(id)?.kind !== 'vendor');
    };
    const candidates: Candidate[] = [];
    for (let h = 0; h < termHits.length; h += 3) {
      const pattern = termHits.values[h]!;
      const end = termHits.values[h + 1]! + 1;
      const start = termHits.values[h + 2]!;
      windowFrom = -1;
      bounds = undefined;
      windowText = undefined;
      let inAddress: boolean | undefined;
      for (const term of termLists[pattern]!) {
        if (term.startsWithWordChar && isWordCode(text.charCodeAt(start - 1))) continue;
        if (term.endsWithWordChar && isWordCode(text.charCodeAt(end))) continue;
        if (term.exact !== undefined && !sameKeepingCase(text, start, end, term.exact)) continue;
        if (term.shouted && inCapitalisedRun(text, start, end)) continue;
        inAddress ??= insideAddress(text, start, end);
        if (inAddress) break;
        if (term.shouted) {
          // An acronym another organisation claimed is not ours: defined after its long form ("the National
          // Sheriffs' Association (NSA)"), from then on; or part of its name ("ICE Futures").
          const exact = term.exact!;
          if (memory?.claimed.has(exact) || (claimedAt.get(exact) ?? Infinity) < start) continue;
          if (definedForAnother(text, start, end, lastEnd[term.key]! >= 0 ? lastEnd[term.key] : undefined, nameWordsOf(term.entity.id))) {
            if (!claimedAt.has(exact)) claimedAt.set(exact, start);
            continue;
          }
          if (organisationWordAfter(text, end)) continue;
        }
        if (term.excludes && holds(term.excludes, start, end)) continue;
        // An acronym without context words stands only after its long form.
        const contextMet = term.requires ? holds(term.requires, start, end) || ((term.fromDocument !== undefined || term.documentWords !== undefined) && fromDocument(term, start)) : !term.afterLongForm;
        if (!contextMet && !term.afterLongForm) continue;
        candidates.push({ start, end, entity: term.entity, afterLongForm: term.afterLongForm, contextMet });
        if (lastEnd[term.key]! < 0) lastEndKeys.push(term.key);
        lastEnd[term.key] = end;
        if (term.evidence && evidenceAt[term.key]! < 0) {
          evidenceAt[term.key] = start;
          evidenceKeys.push(term.key);
        }
      }
    }

    const sentenceAround = (start: number, end: number) => {
      const bounds = windowBounds(text, start, end);
      return foldSlice(text, bounds.from, bounds.to);
    };
    const cited: Candidate[] = [];
    for (const citation of findCitations(text, sentenceAround, starts)) {
      if (insideAddress(text, citation.start, citation.end)) continue;
      const entity = citation.entryId ? byId.get(citation.entryId)! : citationEntity(citation.unknown!);
      cited.push({ start: citation.start, end: citation.end, entity, afterLongForm: false, contextMet: true });
    }
    if (memory) {
      for (let k = 0; k < evidenceKeys.length; k++) memory.evidence.add(entities[evidenceKeys.values[k]!]!.id);
      for (const exact of claimedAt.keys()) memory.claimed.add(exact);
      for (let k = 0; k < touched.length; k++) memory.phrases.add(phraseTexts[touched.values[k]!]!);
    }
    const mentions = selectLongest(acceptAcronyms(mergeByStart(inStartOrder(candidates), inStartOrder(cited)), named)).map(({ start, end, entity }) => ({
      start,
      end,
      text: text.slice(start, end),
      entity,
    }));
    return { mentions, next };
  }

  return scanRange;
}

/** Small words a name may hold between its capitalised ones ("Immigration and Customs Enforcement"). */
const nameConnectors = new Set(['of', 'and', 'for', 'the', 'on', 'in', 'to', 'de', 'du', 'des', 'la', 'le', 'y', '&']);

/**
 * Whether a parenthesised acronym at [start, end) is defined for another organisation: it follows two or more
 * capitalised words (a name) that are neither our long form, matched right before it (`ourEnd`), nor mostly
 * words of our names (a spelling our terms do not have).
 */
export function definedForAnother(text: string, start: number, end: number, ourEnd: number | undefined, ourWords: Set<string>): boolean {
  if (text[start - 1] !== '(' || text[end] !== ')') return false;
  let at = start - 1;
  while (at > 0 && /\s/.test(text[at - 1]!)) at--;
  if (ourEnd !== undefined && ourEnd === at) return false;
  const words = text.slice(Math.max(0, at - 120), at).split(/\s+/).filter(Boolean).slice(-8);
  const name: string[] = [];
  for (let k = words.length - 1; k >= 0; k--) {
    const word = words[k]!.replace(/^[("“‘]+/, '');
    if (/^\p{Lu}/u.test(word)) name.push(word.toLowerCase().replace(/['’]s?$|[.,]$/g, ''));
    else if (!nameConnectors.has(word.toLowerCase()) || !name.length) break;
  }
  if (name.length < 2 || !/^\p{Lu}/u.test(words.at(-1) ?? '')) return false;
  const ours = name.filter((word) => ourWords.has(word)).length;
  return ours * 2 < name.length;
}

/** Words that make an acronym before them part of an organisation's name ("ICE Futures", "ICE Clear Europe"). */
const organisationWords = new Set(['futures', 'exchange', 'exchanges', 'markets', 'group', 'holdings', 'inc', 'corp', 'corporation', 'ltd', 'llc', 'plc', 'co', 'company', 'bank', 'capital', 'partners', 'clear', 'endex', 'benchmark']);

/** Whether a capitalised organisation word follows [.., end) after one space. */
export function organisationWordAfter(text: string, end: number): boolean {
  if (text[end] !== ' ') return false;
  // (An ASCII character other than a capital starts no such word.)
  const next = text.charCodeAt(end + 1);
  if (next < 128 && !(next >= 65 && next <= 90)) return false;
  if (next < 128) {
    // An ASCII capital: its word read by code unit while ASCII letters follow (anything else in ASCII ends it; a
    // character beyond ASCII, which may be a letter, leaves the word to the pattern below).
    const limit = Math.min(text.length, end + 24);
    let at = end + 2;
    for (let code = text.charCodeAt(at); at < limit && ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)); code = text.charCodeAt(++at));
    if (at >= limit || text.charCodeAt(at) < 128) return organisationWords.has(text.slice(end + 1, at).toLowerCase());
  }
  const word = /^\p{Lu}[\p{L}]*/u.exec(text.slice(end + 1, end + 24))?.[0];
  return word !== undefined && organisationWords.has(word.toLowerCase());
}

/**
 * Whether a context phrase starting at `at` starts a word, as the pattern's (?<![\p{L}\p{N}]) sees the folded
 * text of a window beginning at `windowFrom` (-1: the whole text): by code point, and nothing before the window.
 */
function startsWord(text: string, at: number, windowFrom: number): boolean {
  if (at === windowFrom) return true;
  // After an ASCII code unit (most of the time): it is the folded character before, as it is or lower-cased (no
  // ASCII character is invisible, and ASCII whitespace is neither a letter nor a digit).
  const before = text.charCodeAt(at - 1);
  if (before < 128) return !isWordCode(before);
  const previous = previousFoldedStart(text, at, 1);
  if (previous < 0) return true;
  const code = foldedCodeAt(text, previous);
  if (code >= 0xdc00 && code <= 0xdfff && previous > windowFrom) {
    const before = previousFoldedStart(text, previous, 1);
    const high = before >= 0 && before >= windowFrom ? foldedCodeAt(text, before) : -1;
    if (high >= 0xd800 && high <= 0xdbff) return !letterOrNumber.test(String.fromCharCode(high, code));
  }
  return !isWordCode(code);
}

/**
 * Whether a window starting at `from` starts a word as the whole text has it: after no letter or digit, and not
 * on the low half of a surrogate pair (then no context word starts in its text where none starts in the text's).
 */
function startsPlainly(text: string, from: number): boolean {
  const first = foldedCodeAt(text, from);
  return startsWord(text, from, -1) && !(first >= 0xdc00 && first <= 0xdfff);
}

/**
 * Places where a window's text lets a context word start though the whole text does not: the window's first
 * folded character after a letter or digit, and its second when the first is the low half of a letter's
 * surrogate pair split by the window's start.
 */
function windowOnlyWordStarts(text: string, bounds: WindowBounds): number[] {
  const found: number[] = [];
  if (bounds.from >= bounds.to) return found;
  if (!startsWord(text, bounds.from, -1)) found.push(bounds.from);
  const first = foldedCodeAt(text, bounds.from);
  if (first >= 0xdc00 && first <= 0xdfff) {
    const second = nextFoldedStart(text, bounds.from);
    if (second < bounds.to && startsWord(text, second, bounds.from) && !startsWord(text, second, -1)) found.push(second);
  }
  return found;
}

/** Whether the folded text at `at` starts with `phrase`, ending at or before `limit`. */
function phraseAt(text: string, at: number, phrase: string, limit: number): boolean {
  let position = at;
  for (let k = 0; k < phrase.length; k++) {
    if (position >= limit || foldedCodeAt(text, position) !== phrase.charCodeAt(k)) return false;
    position = nextFoldedStart(text, position);
  }
  return true;
}

const letterOrNumber = /^[\p{L}\p{N}]$/u;

function compileTerm(entity: EntityRef, key: number, rule: TermRule, phrases: (list: string[] | undefined) => Phrases | undefined): CompiledTerm {
  const text = rule.text.trim();
  const exact = rule.caseSensitive ? normaliseKeepingCase(text) : undefined;
  return {
    entity,
    key,
    exact,
    requires: phrases(rule.requiresContext),
    excludes: phrases(rule.excludeContext),
    afterLongForm: rule.afterLongForm === true,
    fromDocument: rule.contextFromDocument,
    documentWords: phrases(rule.documentContext),
    evidence: !rule.requiresContext && !rule.afterLongForm && !rule.contextFromDocument && !rule.documentContext,
    shouted: exact !== undefined && /\p{Lu}/u.test(exact) && exact === exact.toUpperCase(),
    startsWithWordChar: isWordChar(text[0]),
    endsWithWordChar: isWordChar(text[text.length - 1]),
  };
}

/**
 * An acronym stands when its context was met or its entity was named in full earlier: in this text, or in an
 * earlier part (`named`, which this adds the text's full names to).
 */
function acceptAcronyms(candidates: Candidate[], named: Set<string>): Candidate[] {
  const firstLongForm = new Map<string, number>();
  for (const id of named) firstLongForm.set(id, -1);
  for (const { entity, afterLongForm, start } of candidates) {
    if (afterLongForm) continue;
    const seen = firstLongForm.get(entity.id);
    if (seen === undefined || start < seen) firstLongForm.set(entity.id, start);
  }
  for (const id of firstLongForm.keys()) named.add(id);
  return candidates.filter(({ entity, afterLongForm, start, contextMet }) => {
    if (!afterLongForm || contextMet) return true;
    const longForm = firstLongForm.get(entity.id);
    return longForm !== undefined && longForm < start;
  });
}

/**
 * Two lists in order of start as one (those of the first before those of the second at the same start, as a
 * stable sort of the two joined has them), so that selectLongest need not sort.
 */
function mergeByStart<T extends { start: number }>(first: T[], second: T[]): T[] {
  if (!second.length) return first;
  const merged: T[] = [];
  let b = 0;
  for (const candidate of first) {
    while (b < second.length && second[b]!.start < candidate.start) merged.push(second[b++]!);
    merged.push(candidate);
  }
  while (b < second.length) merged.push(second[b++]!);
  return merged;
}

/** Longest match wins; among equal lengths the earlier one; the result never overlaps and is in text order. */
export function selectLongest<T extends { start: number; end: number }>(candidates: T[]): T[] {
  // Only overlapping candidates compete: split them into chains of overlaps and choose within each chain (most
  // hold one candidate). In order of start by a stable sort, candidates with the same start (the only ones whose
  // order can decide a choice) keep the order given.
  const list = inStartOrder(candidates);
  const chosen: T[] = [];
  for (let first = 0; first < list.length; ) {
    let last = first + 1;
    let reach = list[first]!.end;
    while (last < list.length && list[last]!.start < reach) reach = Math.max(reach, list[last++]!.end);
    if (last === first + 1) chosen.push(list[first]!);
    else if (last === first + 2) {
      // Two that overlap (most chains): the longer, or the earlier of two as long, or the first given.
      const one = list[first]!;
      const other = list[first + 1]!;
      const longer = other.end - other.start - (one.end - one.start) || one.start - other.start;
      chosen.push(longer > 0 ? other : one);
    } else chosen.push(...selectLongestAmong(list.slice(first, last)));
    first = last;
  }
  return chosen;
}

/** The candidates in order of start, a stable sort (a copy; the same array when already in order). */
function inStartOrder<T extends { start: number }>(candidates: T[]): T[] {
  if (inOrder(candidates)) return candidates;
  const count = candidates.length;
  // Nearly in order (a longer match found after a shorter one inside it): an insertion sort, while it moves few.
  const sorted = candidates.slice();
  let moves = 0;
  for (let i = 1; i < count && moves <= 4 * count + 64; i++) {
    const candidate = sorted[i]!;
    let j = i - 1;
    for (; j >= 0 && sorted[j]!.start > candidate.start; j--, moves++) sorted[j + 1] = sorted[j]!;
    sorted[j + 1] = candidate;
  }
  if (moves <= 4 * count + 64) return sorted;
  // Each as one number, start · count + index, sorted as numbers (much faster than a comparison function) when
  // every such number is a safe integer.
  let highest = 0;
  for (const { start } of candidates) highest = Number.isInteger(start) && start >= 0 && highest >= 0 ? Math.max(highest, start) : -1;
  if (highest < 0 || (highest + 1) * count > Number.MAX_SAFE_INTEGER) return candidates.map((_, i) => i).sort((a, b) => candidates[a]!.start - candidates[b]!.start || a - b).map((i) => candidates[i]!);
  const keys = new Float64Array(count);
  for (let i = 0; i < count; i++) keys[i] = candidates[i]!.start * count + i;
  keys.sort();
  for (let i = 0; i < count; i++) sorted[i] = candidates[keys[i]! % count]!;
  return sorted;
}

function inOrder(candidates: readonly { start: number }[]): boolean {
  for (let i = 1; i < candidates.length; i++) if (candidates[i - 1]!.start > candidates[i]!.start) return false;
  return true;
}

/** The greedy choice within one chain of three or more overlapping candidates (given in their original order). */
function selectLongestAmong<T extends { start: number; end: number }>(candidates: T[]): T[] {
  const byPriority = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const chosen: T[] = [];
  for (const candidate of byPriority) {
    const at = insertionPoint(chosen, candidate.start);
    const before = chosen[at - 1];
    const after = chosen[at];
    if (before && before.end > candidate.start) continue;
    if (after && after.start < candidate.end) continue;
    chosen.splice(at, 0, candidate);
  }
  return chosen;
}

function insertionPoint(sorted: { start: number }[], start: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]!.start < start) low = mid + 1;
    else high = mid;
  }
  return low;
}
