import type { BillType, Entry, Identifiers } from '../dataset/schema';
import type { EntityRef } from './matcher';

/**
 * Bill, public-law and U.S. Code citations ("H.R. 4639", "S. 3779", "Pub. L. 118-49", "50 U.S.C. 1881a"), linked
 * to the entries that carry those identifiers. Court citations ("138 S. Ct. 2206", "585 U.S. 296") and initials
 * ("S. Jones") are never read as bills.
 */
export interface Citation {
  start: number;
  end: number;
  /** The entry cited, or undefined when no entry has this number. */
  entryId?: string;
  /** For bills and public laws no entry has: how to name and link them. */
  unknown?: UnknownCitation;
}

export interface UnknownCitation {
  label: string;
  kind: 'bill' | 'public-law';
  type?: BillType;
  number: number;
  congress?: number;
}

interface Numbered {
  id: string;
  identifiers?: Identifiers;
}

const billPrefix = String.raw`H\.\s?R\.|H\.\s?Res\.|S\.\s?Res\.|H\.\s?J\.\s?Res\.|S\.\s?J\.\s?Res\.|H\.\s?Con\.\s?Res\.|S\.\s?Con\.\s?Res\.|S\.|HR|H\.R`;
export const billPattern = new RegExp(String.raw`(?<![\p{L}\p{N}.])(${billPrefix})\s?(\d{1,5})(?![\p{L}\p{N}]|[.,]\d)`, 'gu');
export const publicLawPattern = /(?<![\p{L}\p{N}])(?:Pub(?:lic)?\.?\s?L(?:aw)?\.?|P\.\s?L\.)\s?(?:No\.\s?)?(\d{1,3})\s?[-–‑]\s?(\d{1,4})(?![\p{N}])/gu;
export const usCodePattern = /(?<![\p{N}])(\d{1,2})\s?U\.\s?S\.\s?C\.?\s?(?:§§?\s?)?(\d{1,5}[a-z]{0,3})(?![\p{L}\p{N}])/gu;

/** "S." and "HR" are also initials and abbreviations: they count as bills only in a sentence about legislation. */
export const needsContext = new Set(['s', 'hr-bare']);
export const legislativeContext = /\b(bills?|act|acts|congress|senate|senators?|sen\.|house|representatives?|rep\.|sponsor(?:s|ed)?|cosponsor(?:s|ed)?|introduced|legislation|passed|vote[ds]?|amendments?|resolutions?|lawmakers?)\b/i;
const congressOrdinal = /\b(\d{2,3})(?:st|nd|rd|th)\s+congress\b/i;
const year = /\b(1[89]\d\d|20\d\d)\b/;

const billLabels: Record<BillType, string> = {
  hr: 'H.R.', s: 'S.', hres: 'H.Res.', sres: 'S.Res.', hjres: 'H.J.Res.', sjres: 'S.J.Res.', hconres: 'H.Con.Res.', sconres: 'S.Con.Res.',
};

/** The Congress sitting in a year (the 1st met in 1789; each lasts two years). */
export function congressOfYear(value: number): number {
  return Math.floor((value - 1789) / 2) + 1;
}

/**
 * Where a citation can start, as folded text the matcher's automaton looks for: every bill citation starts with
 * one of the `bill` forms (at its H or S), every public-law citation with "pub" or "p. l" (at its P), and every
 * U.S. Code citation has "u.s.c" (spaced or not) one to three characters after its start. The automaton reports
 * these places; the patterns above then decide, each tried only there.
 */
const digits = [...'0123456789'];
export const citationTriggers: Record<'bill' | 'publicLaw' | 'usCode', readonly string[]> = {
  bill: [
    ...['h.r', 'h.j.', 'h.con', 's.res', 's.j.', 's.con'].flatMap((form) => [form, form.replace('.', '. ')]),
    ...digits.flatMap((digit) => [`s.${digit}`, `s. ${digit}`, `hr${digit}`, `hr ${digit}`]),
  ],
  publicLaw: ['pub', 'p.l', 'p. l'],
  usCode: ['u.s.c', 'u. s.c', 'u.s. c', 'u. s. c'],
};
export type CitationKind = keyof typeof citationTriggers;

/** Places where citations may start (original indices, ascending), as the automaton found them. */
export interface CitationStarts {
  /** Each at the H or S of a possible bill number. */
  bill: number[];
  /** Each at the P of a possible public-law number. */
  publicLaw: number[];
  /** Each at the U of a possible "U.S.C." (the citation starts one to three characters before). */
  usCode: number[];
}

const stickyBill = new RegExp(billPattern.source, 'uy');
const stickyPublicLaw = new RegExp(publicLawPattern.source, 'uy');
const stickyUsCode = new RegExp(usCodePattern.source, 'uy');

/**
 * The matches `pattern` would find scanning the whole text from the start (leftmost first, never overlapping),
 * given every place where one could start, in ascending order.
 */
function matchesAt(text: string, pattern: RegExp, starts: readonly number[]): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  let lastEnd = 0;
  let previous = -1;
  for (const start of starts) {
    if (start < lastEnd || start === previous) continue;
    previous = start;
    pattern.lastIndex = start;
    const match = pattern.exec(text);
    if (!match) continue;
    found.push(match);
    lastEnd = start + match[0].length;
  }
  return found;
}

/** Where a U.S. Code citation may start: a digit one to three characters before its "U". */
function usCodeStarts(text: string, letters: readonly number[]): number[] {
  const starts: number[] = [];
  for (const at of letters) for (let start = Math.max(0, at - 3); start < at; start++) if (text.charCodeAt(start) >= 48 && text.charCodeAt(start) <= 57) starts.push(start);
  return ascending(starts);
}

const ascending = (list: readonly number[]) => [...list].sort((a, b) => a - b);

export function createCitationFinder(entries: readonly Numbered[]) {
  const bills = new Map<string, { id: string; congress: number }[]>();
  const publicLaws = new Map<string, string>();
  const usCode = new Map<string, string>();
  for (const { id, identifiers } of entries) {
    for (const bill of identifiers?.bills ?? []) {
      const key = `${bill.type}${bill.number}`;
      bills.set(key, [...(bills.get(key) ?? []), { id, congress: bill.congress }]);
    }
    for (const law of identifiers?.publicLaws ?? []) publicLaws.set(`${law.congress}-${law.number}`, id);
    for (const code of identifiers?.usCode ?? []) usCode.set(`${code.title}/${code.section.toLowerCase()}`, id);
  }

  return function findCitations(text: string, sentenceAround: (start: number, end: number) => string, starts: CitationStarts): Citation[] {
    const found: Citation[] = [];
    for (const match of matchesAt(text, stickyBill, ascending(starts.bill))) {
      const written = match[1]!;
      const type = billTypeOf(written);
      const start = match.index;
      const end = start + match[0].length;
      const sentence = sentenceAround(start, end);
      if (needsContext.has(written === 'HR' ? 'hr-bare' : type) && !legislativeContext.test(sentence)) continue;
      const number = Number(match[2]);
      const congress = congressIn(sentence);
      const candidates = (bills.get(`${type}${number}`) ?? []).filter((bill) => congress === undefined || bill.congress === congress);
      const unique = new Set(candidates.map((bill) => bill.id));
      if (unique.size === 1) found.push({ start, end, entryId: candidates[0]!.id });
      else found.push({ start, end, unknown: { label: `${billLabels[type]} ${number}`, kind: 'bill', type, number, congress } });
    }
    for (const match of matchesAt(text, stickyPublicLaw, ascending(starts.publicLaw))) {
      const [congress, number] = [Number(match[1]), Number(match[2])];
      const entryId = publicLaws.get(`${congress}-${number}`);
      const start = match.index;
      const end = start + match[0].length;
      found.push(entryId ? { start, end, entryId } : { start, end, unknown: { label: `Pub. L. ${congress}-${number}`, kind: 'public-law', number, congress } });
    }
    for (const match of matchesAt(text, stickyUsCode, usCodeStarts(text, starts.usCode))) {
      const entryId = usCode.get(`${Number(match[1])}/${match[2]!.toLowerCase()}`);
      if (entryId) found.push({ start: match.index, end: match.index + match[0].length, entryId });
    }
    return found;
  };
}

export const billLabel = (type: BillType) => billLabels[type];

export function billTypeOf(written: string): BillType {
  return written.replace(/[.\s]/g, '').toLowerCase() as BillType;
}

/** Numbers after abbreviations ("S. 2052", "Pub. L. 118-49", "U.S.C. 1881a") are citations, not years. */
const citedNumber = /(?:\b[a-z]{1,3}\.(?:\s?[a-z]{1,3}\.){0,3}|\bhr)\s?§*\s?\d[\d–-]*/gi;

export function congressIn(sentence: string): number | undefined {
  const ordinal = congressOrdinal.exec(sentence);
  if (ordinal) return Number(ordinal[1]);
  const inYear = year.exec(sentence.replace(citedNumber, ' '));
  return inYear ? congressOfYear(Number(inYear[1])) : undefined;
}

/** Where a reader can look up a bill or law Watchwords has no entry for (a link only; nothing is fetched). */
export function lookupUrl(citation: UnknownCitation): string {
  if (citation.kind === 'public-law' && citation.congress) {
    return `https://www.govinfo.gov/app/details/PLAW-${citation.congress}publ${citation.number}`;
  }
  if (citation.type && citation.congress) {
    const chamber: Record<BillType, string> = {
      hr: 'house-bill', s: 'senate-bill', hres: 'house-resolution', sres: 'senate-resolution',
      hjres: 'house-joint-resolution', sjres: 'senate-joint-resolution', hconres: 'house-concurrent-resolution', sconres: 'senate-concurrent-resolution',
    };
    return `https://www.congress.gov/bill/${ordinal(citation.congress)}-congress/${chamber[citation.type]}/${citation.number}`;
  }
  return `https://www.congress.gov/search?q=${encodeURIComponent(JSON.stringify({ source: 'legislation', search: citation.label }))}`;
}

function ordinal(value: number): string {
  const suffix = value % 100 >= 11 && value % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[value % 10] ?? 'th';
  return `${value}${suffix}`;
}

const citationPrefix = 'citation:';

/** An entity for a bill or law Watchwords has no entry for; its id carries everything the card needs. */
export function citationEntity(citation: UnknownCitation): EntityRef {
  const id = `${citationPrefix}${citation.kind}:${citation.type ?? ''}:${citation.number}:${citation.congress ?? ''}`;
  return { id, name: citation.label, kind: citation.kind === 'bill' ? 'bill' : 'law' };
}

function parseCitationId(id: string): UnknownCitation | undefined {
  const [kind, type, number, congress] = id.slice(citationPrefix.length).split(':');
  if ((kind !== 'bill' && kind !== 'public-law') || !number || !/^\d+$/.test(number)) return undefined;
  if (type && !(type in billLabels)) return undefined;
  const parsed = { kind, number: Number(number), congress: congress ? Number(congress) : undefined, type: (type || undefined) as BillType | undefined } as const;
  const label = kind === 'bill' ? `${billLabels[parsed.type ?? 'hr']} ${parsed.number}` : `Pub. L. ${parsed.congress}-${parsed.number}`;
  return { ...parsed, label };
}

/** The card for a bill or law number Watchwords has no entry for: what it is, and a link to look it up. */
export function citationCard(id: string, today: string): Entry | undefined {
  const citation = parseCitationId(id);
  if (!citation) return undefined;
  const congress = citation.congress ? ` (${ordinal(citation.congress)} Congress)` : '';
  const isBill = citation.kind === 'bill';
  return {
    id,
    kind: isBill ? 'bill' : 'law',
    name: `${citation.label}${congress}`,
    aliases: [],
    summary: isBill
      ? 'A U.S. congressional bill or resolution number that Watchwords has no entry for. Numbers restart every Congress; the official record has its title, sponsors and status.'
      : 'A U.S. public law that Watchwords has no entry for; the official record has its title and text.',
    relations: {},
    sources: [{ url: lookupUrl(citation), title: isBill ? `Look up ${citation.label} on congress.gov` : `${citation.label} on govinfo.gov`, type: 'official', supports: ['name'] }],
    asOf: today,
    facts: isBill ? { jurisdiction: 'United States', numbers: [citation.label] } : { jurisdiction: 'United States' },
    // No status: Watchwords does not know where this bill or law stands (the official record does).
  } as unknown as Entry;
}
