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
const billPattern = new RegExp(String.raw`(?<![\p{L}\p{N}.])(${billPrefix})\s?(\d{1,5})(?![\p{L}\p{N}]|[.,]\d)`, 'gu');
const publicLawPattern = /(?<![\p{L}\p{N}])(?:Pub(?:lic)?\.?\s?L(?:aw)?\.?|P\.\s?L\.)\s?(?:No\.\s?)?(\d{1,3})\s?[-–‑]\s?(\d{1,4})(?![\p{N}])/gu;
const usCodePattern = /(?<![\p{N}])(\d{1,2})\s?U\.\s?S\.\s?C\.?\s?(?:§§?\s?)?(\d{1,5}[a-z]{0,3})(?![\p{L}\p{N}])/gu;

/** "S." and "HR" are also initials and abbreviations: they count as bills only in a sentence about legislation. */
const needsContext = new Set(['s', 'hr-bare']);
const legislativeContext = /\b(bills?|act|acts|congress|senate|senators?|sen\.|house|representatives?|rep\.|sponsor(?:s|ed)?|cosponsor(?:s|ed)?|introduced|legislation|passed|vote[ds]?|amendments?|resolutions?|lawmakers?)\b/i;
const congressOrdinal = /\b(\d{2,3})(?:st|nd|rd|th)\s+congress\b/i;
const year = /\b(1[89]\d\d|20\d\d)\b/;

const billLabels: Record<BillType, string> = {
  hr: 'H.R.', s: 'S.', hres: 'H.Res.', sres: 'S.Res.', hjres: 'H.J.Res.', sjres: 'S.J.Res.', hconres: 'H.Con.Res.', sconres: 'S.Con.Res.',
};

/** The Congress sitting in a year (the 1st met in 1789; each lasts two years). */
export function congressOfYear(value: number): number {
  return Math.floor((value - 1789) / 2) + 1;
}

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

  return function findCitations(text: string, sentenceAround: (start: number, end: number) => string): Citation[] {
    const found: Citation[] = [];
    for (const match of text.matchAll(billPattern)) {
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
    for (const match of text.matchAll(publicLawPattern)) {
      const [congress, number] = [Number(match[1]), Number(match[2])];
      const entryId = publicLaws.get(`${congress}-${number}`);
      const start = match.index;
      const end = start + match[0].length;
      found.push(entryId ? { start, end, entryId } : { start, end, unknown: { label: `Pub. L. ${congress}-${number}`, kind: 'public-law', number, congress } });
    }
    for (const match of text.matchAll(usCodePattern)) {
      const entryId = usCode.get(`${Number(match[1])}/${match[2]!.toLowerCase()}`);
      if (entryId) found.push({ start: match.index, end: match.index + match[0].length, entryId });
    }
    return found;
  };
}

function billTypeOf(written: string): BillType {
  return written.replace(/[.\s]/g, '').toLowerCase() as BillType;
}

/** Numbers after abbreviations ("S. 2052", "Pub. L. 118-49", "U.S.C. 1881a") are citations, not years. */
const citedNumber = /(?:\b[a-z]{1,3}\.(?:\s?[a-z]{1,3}\.){0,3}|\bhr)\s?§*\s?\d[\d–-]*/gi;

function congressIn(sentence: string): number | undefined {
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
