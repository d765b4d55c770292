import type { Kind } from '../dataset/kinds';
import type { Entry, TermRule } from '../dataset/schema';
import { termsOf } from '../dataset/terms';
import { AhoCorasick } from './aho-corasick';
import { contextTest, contextWindow, inCapitalisedRun, isWordChar } from './context';
import { foldTerm, foldText, normaliseKeepingCase } from './fold';
import { citationEntity, createCitationFinder } from './official-numbers';
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
export type MatchableEntry = Pick<Entry, 'id' | 'name' | 'kind' | 'aliases' | 'identifiers'>;

interface CompiledTerm {
  entity: EntityRef;
  /** Exact form to compare with when the term is case-sensitive. */
  exact?: string;
  requires?: (window: string) => boolean;
  excludes?: (window: string) => boolean;
  afterLongForm: boolean;
  /** All-capital terms ("ICE") are not trusted inside capitalised runs of text. */
  shouted: boolean;
  startsWithWordChar: boolean;
  endsWithWordChar: boolean;
}

interface Candidate {
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
}

export function createMatcher(entries: readonly MatchableEntry[]): Matcher {
  const termsByPattern = new Map<string, CompiledTerm[]>();
  const entities: EntityRef[] = [];
  for (const entry of entries) {
    const entity: EntityRef = { id: entry.id, name: entry.name, kind: entry.kind };
    entities.push(entity);
    for (const rule of termsOf(entry)) {
      if (rule.matchAlone === false) continue;
      const pattern = foldTerm(rule.text);
      const list = termsByPattern.get(pattern) ?? [];
      list.push(compileTerm(entity, rule));
      termsByPattern.set(pattern, list);
    }
  }
  const byId = new Map(entities.map((entity) => [entity.id, entity]));
  const findCitations = createCitationFinder(entries);
  const patterns = [...termsByPattern.keys()];
  const termLists = patterns.map((pattern) => termsByPattern.get(pattern)!);
  const automaton = new AhoCorasick(patterns);

  function scan(text: string, named: Set<string> = new Set()): Mention[] {
    const folded = foldText(text);
    const candidates: Candidate[] = [];
    automaton.search(folded.text, (pattern, foldedStart, foldedEnd) => {
      const start = folded.origin[foldedStart]!;
      const end = folded.origin[foldedEnd - 1]! + 1;
      let window: string | undefined;
      let inAddress: boolean | undefined;
      for (const term of termLists[pattern]!) {
        if (term.startsWithWordChar && isWordChar(text[start - 1])) continue;
        if (term.endsWithWordChar && isWordChar(text[end])) continue;
        if (term.exact !== undefined && normaliseKeepingCase(text.slice(start, end)) !== term.exact) continue;
        if (term.shouted && inCapitalisedRun(text, start, end)) continue;
        inAddress ??= insideAddress(text, start, end);
        if (inAddress) return;
        window ??= contextWindow(folded.text, text, folded.origin, foldedStart, foldedEnd);
        if (term.excludes?.(window)) continue;
        // An acronym without context words stands only after its long form.
        const contextMet = term.requires ? term.requires(window) : !term.afterLongForm;
        if (!contextMet && !term.afterLongForm) continue;
        candidates.push({ start, end, entity: term.entity, afterLongForm: term.afterLongForm, contextMet });
      }
    });
    const sentenceAround = (start: number, end: number) =>
      contextWindow(folded.text, text, folded.origin, foldedIndex(folded.origin, start), foldedIndex(folded.origin, end));
    for (const citation of findCitations(text, sentenceAround)) {
      if (insideAddress(text, citation.start, citation.end)) continue;
      const entity = citation.entryId ? byId.get(citation.entryId)! : citationEntity(citation.unknown!);
      candidates.push({ start: citation.start, end: citation.end, entity, afterLongForm: false, contextMet: true });
    }
    return selectLongest(acceptAcronyms(candidates, named)).map(({ start, end, entity }) => ({
      start,
      end,
      text: text.slice(start, end),
      entity,
    }));
  }

  return { entities, scan };
}

function compileTerm(entity: EntityRef, rule: TermRule): CompiledTerm {
  const text = rule.text.trim();
  const exact = rule.caseSensitive ? normaliseKeepingCase(text) : undefined;
  return {
    entity,
    exact,
    requires: rule.requiresContext && contextTest(rule.requiresContext.map(foldTerm)),
    excludes: rule.excludeContext && contextTest(rule.excludeContext.map(foldTerm)),
    afterLongForm: rule.afterLongForm === true,
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

/** Longest match wins; among equal lengths the earlier one; the result never overlaps and is in text order. */
export function selectLongest<T extends { start: number; end: number }>(candidates: T[]): T[] {
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

/** The folded index of an original index (the first folded character at or after it). */
function foldedIndex(origin: Int32Array, index: number): number {
  let low = 0;
  let high = origin.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (origin[mid]! < index) low = mid + 1;
    else high = mid;
  }
  return low;
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
