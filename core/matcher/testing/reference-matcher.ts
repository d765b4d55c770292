// Test support: the matcher as first written — a folded copy of the whole text, every term found with indexOf,
// context windows cut from the folded copy and tested with regular expressions, citations found by scanning the
// whole text with their patterns, the longest match chosen by sorting. Slow and plain; the fast matcher must
// agree with it on every text.
import { matchTermsOf, termsOf, variantsOf } from '../../dataset/terms';
import { contextTest, contextRadius, inCapitalisedRun, isWordChar } from '../context';
import { foldTerm, foldText, normaliseKeepingCase, paragraphBreak } from '../fold';
import { definedForAnother, DocumentMemory, organisationWordAfter, type Candidate, type EntityRef, type MatchableEntry, type Mention } from '../matcher';
import { billPattern, citationEntity, congressIn, legislativeContext, needsContext, publicLawPattern, billTypeOf, usCodePattern, billLabel } from '../official-numbers';
import { insideAddress } from '../urls';

const abbreviations = new Set(
  'mr mrs ms dr st jr sr gen sen rep gov lt col sgt dept co corp inc ltd no nos vs v pub res stat ct art sec para fig jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '),
);

function endsSentence(folded: string, original: string, origin: Int32Array, i: number): boolean {
  const char = folded[i];
  if (char === paragraphBreak) return true;
  if (char !== '.' && char !== '!' && char !== '?' && char !== ';') return false;
  let next = i + 1;
  while (folded[next] === '"' || folded[next] === "'" || folded[next] === ')') next++;
  if (folded[next] !== ' ') return false;
  const following = original[origin[next + 1]!];
  if (following === undefined || !/[\p{Lu}\p{N}"'“‘(]/u.test(following)) return false;
  if (char !== '.') return true;
  let wordStart = i;
  while (wordStart > 0 && /[\p{L}\p{N}.]/u.test(folded[wordStart - 1]!)) wordStart--;
  const word = folded.slice(wordStart, i);
  return !(abbreviations.has(word) || /^\p{L}$/u.test(word) || word.includes('.'));
}

/** The folded text of the sentence around folded [start, end), at most contextRadius either side. */
export function referenceWindow(folded: string, original: string, origin: Int32Array, start: number, end: number): string {
  const lowest = Math.max(0, start - contextRadius);
  const highest = Math.min(folded.length, end + contextRadius);
  let from = start;
  while (from > lowest && !endsSentence(folded, original, origin, from - 1)) from--;
  let to = end;
  while (to < highest && !endsSentence(folded, original, origin, to)) to++;
  return folded.slice(from, to);
}

export function referenceMatcher(entries: readonly MatchableEntry[]) {
  const terms = new Map<string, { entity: EntityRef; rule: ReturnType<typeof matchTermsOf>[number] }[]>();
  const related = new Map<string, Set<string>>();
  const ids = new Set(entries.map((entry) => entry.id));
  for (const entry of entries) {
    for (const id of Object.values(entry.relations ?? {}).flat()) {
      if (!id || !ids.has(id) || id === entry.id) continue;
      related.set(entry.id, (related.get(entry.id) ?? new Set()).add(id));
      related.set(id, (related.get(id) ?? new Set()).add(entry.id));
    }
  }
  const nameWords = new Map(entries.map((entry) => [entry.id, new Set(matchTermsOf(entry).filter((rule) => rule.text.includes(' ')).flatMap((rule) => foldTerm(rule.text).split(' ')))]));
  const allPhrases = new Set<string>();
  const add = (entity: EntityRef, rule: ReturnType<typeof matchTermsOf>[number]) => {
    for (const phrase of [...(rule.requiresContext ?? []), ...(rule.excludeContext ?? []), ...(rule.documentContext ?? [])]) allPhrases.add(foldTerm(phrase));
    if (rule.matchAlone === false) return;
    const pattern = foldTerm(rule.text);
    terms.set(pattern, [...(terms.get(pattern) ?? []), { entity, rule }]);
  };
  const entityOf = (entry: MatchableEntry) => ({ id: entry.id, name: entry.name, kind: entry.kind });
  for (const entry of entries) for (const rule of termsOf(entry)) add(entityOf(entry), rule);
  const taken = new Set(terms.keys());
  for (const entry of entries) for (const rule of variantsOf(entry)) if (!taken.has(foldTerm(rule.text))) add(entityOf(entry), rule);
  const bills = new Map<string, { id: string; congress: number }[]>();
  const laws = new Map<string, string>();
  const code = new Map<string, string>();
  for (const { id, identifiers } of entries) {
    for (const bill of identifiers?.bills ?? []) bills.set(`${bill.type}${bill.number}`, [...(bills.get(`${bill.type}${bill.number}`) ?? []), { id, congress: bill.congress }]);
    for (const law of identifiers?.publicLaws ?? []) laws.set(`${law.congress}-${law.number}`, id);
    for (const c of identifiers?.usCode ?? []) code.set(`${c.title}/${c.section.toLowerCase()}`, id);
  }
  const byId = new Map(entries.map((entry) => [entry.id, { id: entry.id, name: entry.name, kind: entry.kind }]));

  /** Two or more other entities, one of them not a vendor. */
  const twoOthers = (named: string[], self: string) => {
    const others = [...new Set(named)].filter((id) => id !== self);
    return others.length >= 2 && others.some((id) => byId.get(id)!.kind !== 'vendor');
  };
  return function scan(text: string, named: Set<string> = new DocumentMemory()): Mention[] {
    const memory = named instanceof DocumentMemory ? named : undefined;
    const { text: folded, origin } = foldText(text);
    const evidenceAt = new Map<string, number>();
    const claimedAt = new Map<string, number>();
    const lastEnd = new Map<string, number>();
    const foldedIndex = (index: number) => {
      let i = 0;
      while (i < origin.length - 1 && origin[i]! < index) i++;
      return i;
    };
    const candidates: Candidate[] = [];
    const found: { pattern: string; at: number }[] = [];
    for (const pattern of terms.keys()) for (let at = folded.indexOf(pattern); at >= 0; at = folded.indexOf(pattern, at + 1)) found.push({ pattern, at });
    found.sort((a, b) => a.at + a.pattern.length - (b.at + b.pattern.length));
    for (const { pattern, at } of found) {
      const start = origin[at]!;
      const end = origin[at + pattern.length - 1]! + 1;
      const window = referenceWindow(folded, text, origin, at, at + pattern.length);
      const address = insideAddress(text, start, end);
      for (const { entity, rule } of terms.get(pattern)!) {
        const written = rule.text.trim();
        const exact = rule.caseSensitive ? normaliseKeepingCase(written) : undefined;
        if (isWordChar(written[0]) && isWordChar(text[start - 1])) continue;
        if (isWordChar(written[written.length - 1]) && isWordChar(text[end])) continue;
        if (exact !== undefined && normaliseKeepingCase(text.slice(start, end)) !== exact) continue;
        const shouted = exact !== undefined && /\p{Lu}/u.test(exact) && exact === exact.toUpperCase();
        if (shouted && inCapitalisedRun(text, start, end)) continue;
        if (address) break;
        if (shouted) {
          if (memory?.claimed.has(exact) || (claimedAt.get(exact) ?? Infinity) < start) continue;
          if (definedForAnother(text, start, end, lastEnd.get(entity.id), nameWords.get(entity.id)!)) {
            if (!claimedAt.has(exact)) claimedAt.set(exact, start);
            continue;
          }
          if (organisationWordAfter(text, end)) continue;
        }
        if (rule.excludeContext && contextTest(rule.excludeContext.map(foldTerm))(window)) continue;
        let contextMet = rule.requiresContext ? contextTest(rule.requiresContext.map(foldTerm))(window) : !rule.afterLongForm;
        if (!contextMet && rule.requiresContext && (rule.contextFromDocument || rule.documentContext)) {
          // Earlier in the document: one of its words, a related entity named, or (any) two other entities named.
          const before = (id: string) => memory?.evidence.has(id) || (evidenceAt.get(id) ?? Infinity) < start;
          const words = (rule.documentContext ?? []).map(foldTerm);
          contextMet =
            words.some((phrase) => memory?.phrases.has(phrase)) ||
            (words.length > 0 && contextTest(words)(folded.slice(0, at))) ||
            (rule.contextFromDocument !== undefined && [...(related.get(entity.id) ?? [])].some(before)) ||
            (rule.contextFromDocument === 'any' && twoOthers([...(memory?.evidence ?? []), ...[...evidenceAt].filter(([, s]) => s < start).map(([id]) => id)], entity.id));
        }
        if (!contextMet && !rule.afterLongForm) continue;
        candidates.push({ start, end, entity, afterLongForm: rule.afterLongForm === true, contextMet });
        lastEnd.set(entity.id, end);
        const evidence = !rule.requiresContext && !rule.afterLongForm && !rule.contextFromDocument && !rule.documentContext;
        if (evidence && !evidenceAt.has(entity.id)) evidenceAt.set(entity.id, start);
      }
    }
    const sentence = (start: number, end: number) => referenceWindow(folded, text, origin, foldedIndex(start), foldedIndex(end));
    const citations: { start: number; end: number; entity: EntityRef }[] = [];
    for (const match of text.matchAll(billPattern)) {
      const type = billTypeOf(match[1]!);
      const around = sentence(match.index, match.index + match[0].length);
      if (needsContext.has(match[1] === 'HR' ? 'hr-bare' : type) && !legislativeContext.test(around)) continue;
      const number = Number(match[2]);
      const congress = congressIn(around);
      const ids = new Set((bills.get(`${type}${number}`) ?? []).filter((bill) => congress === undefined || bill.congress === congress).map((bill) => bill.id));
      const entity = ids.size === 1 ? byId.get([...ids][0]!)! : citationEntity({ label: `${billLabel(type)} ${number}`, kind: 'bill', type, number, congress });
      citations.push({ start: match.index, end: match.index + match[0].length, entity });
    }
    for (const match of text.matchAll(publicLawPattern)) {
      const [congress, number] = [Number(match[1]), Number(match[2])];
      const id = laws.get(`${congress}-${number}`);
      const entity = id ? byId.get(id)! : citationEntity({ label: `Pub. L. ${congress}-${number}`, kind: 'public-law', number, congress });
      citations.push({ start: match.index, end: match.index + match[0].length, entity });
    }
    for (const match of text.matchAll(usCodePattern)) {
      const id = code.get(`${Number(match[1])}/${match[2]!.toLowerCase()}`);
      if (id) citations.push({ start: match.index, end: match.index + match[0].length, entity: byId.get(id)! });
    }
    for (const citation of citations) if (!insideAddress(text, citation.start, citation.end)) candidates.push({ ...citation, afterLongForm: false, contextMet: true });

    if (memory) {
      for (const id of evidenceAt.keys()) memory.evidence.add(id);
      for (const exact of claimedAt.keys()) memory.claimed.add(exact);
      for (const phrase of allPhrases) if (contextTest([phrase])(folded)) memory.phrases.add(phrase);
    }
    const firstLongForm = new Map<string, number>();
    for (const id of named) firstLongForm.set(id, -1);
    for (const c of candidates) if (!c.afterLongForm && !(firstLongForm.get(c.entity.id)! <= c.start)) firstLongForm.set(c.entity.id, c.start);
    for (const id of firstLongForm.keys()) named.add(id);
    const accepted = candidates.filter((c) => !c.afterLongForm || c.contextMet || (firstLongForm.has(c.entity.id) && firstLongForm.get(c.entity.id)! < c.start));
    const chosen: Candidate[] = [];
    for (const c of [...accepted].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)) {
      if (chosen.some((other) => other.start < c.end && c.start < other.end)) continue;
      chosen.push(c);
    }
    return chosen.sort((a, b) => a.start - b.start).map(({ start, end, entity }) => ({ start, end, text: text.slice(start, end), entity }));
  };
}
