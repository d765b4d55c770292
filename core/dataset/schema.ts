import { z } from 'zod';

import type { Kind } from './kinds';
import { relationNames, type RelationName } from './relations';
import { sourceTypes } from './source-types';

export { kinds, kindsWithStatus, hasStatus, type Kind, type KindWithStatus } from './kinds';
export { sourceTypes, primarySourceTypes, isPrimary, type SourceType } from './source-types';

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are lowercase words joined by hyphens');

/** Whether a YYYY, YYYY-MM or YYYY-MM-DD string names a real day, month or year (no 2026-02-30). */
function isRealDate(value: string): boolean {
  const [year, month = 1, day = 1] = value.split('-').map(Number) as [number, number?, number?];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'dates are YYYY-MM-DD', abort: true })
  .refine(isRealDate, 'not a real date');
/** A date known to the day, or only to the month or year when the day is unknowable. */
const looseDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, { message: 'dates are YYYY-MM-DD (YYYY-MM or YYYY only when the day is unknowable)', abort: true })
  .refine(isRealDate, 'not a real date');
const nonEmpty = z.string().trim().min(1);
const url = z.url({ protocol: /^https?$/ });

/** A fact an entry of some kind must have: a clear message when it is missing, the usual one when it is malformed. */
const requiredFor = (what: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? `required for ${what}` : undefined) });
const requiredText = (what: string) => z.string(requiredFor(what)).trim().min(1);
const requiredList = (what: string) => z.array(nonEmpty, requiredFor(what)).min(1, `at least one, required for ${what}`);

/**
 * How one surface form may match. A bare string is a term with the defaults: case-insensitive, whole words,
 * no context needed.
 */
export const termRuleSchema = z
  .object({
    text: nonEmpty,
    /** Match only with exactly this capitalisation ("ICE", "Ring"). */
    caseSensitive: z.boolean().optional(),
    /** At least one of these words or phrases must appear nearby (same paragraph, within the context window). */
    requiresContext: z.array(nonEmpty).min(1).optional(),
    /** None of these may appear nearby ("Pegasus Airlines", "ICE vehicles"). */
    excludeContext: z.array(nonEmpty).min(1).optional(),
    /**
     * An acronym: matches only after the entry's long form appeared earlier in the same document, or when
     * `requiresContext` is met.
     */
    afterLongForm: z.boolean().optional(),
    /** Listed for readers and search, but never highlighted on its own ("Harris", "Fortify"). */
    matchAlone: z.literal(false).optional(),
    /**
     * `requiresContext` may also be met by the document before the match: `related` — an entity this entry is
     * related to was named before (by a term that needs no context); `any` — that, or any two other entities,
     * one of them not a vendor (company names alone fill business news). For names a surveillance story makes
     * clear ("Stingray", "Gotham"), and acronyms whose reading the whole text decides ("ICE": immigration or
     * surveillance, not hockey, engines or an exchange).
     */
    contextFromDocument: z.enum(['related', 'any']).optional(),
    /** Words or phrases that meet `requiresContext` anywhere before the match in the document ("immigration" for ICE). */
    documentContext: z.array(nonEmpty).min(1).optional(),
  })
  .strict();
export const termSchema = z.union([nonEmpty, termRuleSchema]);
export type TermRule = z.infer<typeof termRuleSchema>;
export type Term = z.infer<typeof termSchema>;

export const sourceSchema = z
  .object({
    url,
    /** "Publisher: title of the page". */
    title: nonEmpty,
    type: z.enum(sourceTypes),
    /** The fields this source backs: "summary", "facts.headquarters", "status", "latest", "relations.madeBy", "aliases"… */
    supports: z.array(nonEmpty).min(1, 'a source supports at least one field'),
  })
  .strict();
export type Source = z.infer<typeof sourceSchema>;

/** Where a bill, law, program, order or campaign stands. */
export const statusStages = [
  'proposed',
  'in-committee',
  'passed-one-chamber',
  'passed-both-chambers',
  'enacted',
  'in-force',
  'active',
  'lapsed',
  'struck-down',
  'revoked',
  'ended',
  'died',
] as const;
export type StatusStage = (typeof statusStages)[number];

export const statusSchema = z
  .object(
    {
      stage: z.enum(statusStages),
      /** The day the status took effect. */
      date: looseDate,
      /** Optional plain words: "Introduced and referred to the Judiciary Committee." */
      text: nonEmpty.optional(),
      /** The url of one of the entry's sources. */
      source: url,
    },
    requiredFor('this kind: where it stands, since when, and the source that says so'),
  )
  .strict();
export type Status = z.infer<typeof statusSchema>;

/** The latest development, where one exists. */
export const latestSchema = z.object({ text: nonEmpty, date: looseDate, source: url }).strict();
export type Latest = z.infer<typeof latestSchema>;

export const billTypes = ['hr', 's', 'hres', 'sres', 'hjres', 'sjres', 'hconres', 'sconres'] as const;
export type BillType = (typeof billTypes)[number];

/** Official numbers a text may cite instead of the name: "S. 3779", "Pub. L. 118-49", "50 U.S.C. 1881a". */
export const identifiersSchema = z
  .object({
    bills: z
      .array(z.object({ congress: z.int().min(1), type: z.enum(billTypes), number: z.int().min(1) }).strict())
      .optional(),
    publicLaws: z.array(z.object({ congress: z.int().min(1), number: z.int().min(1) }).strict()).optional(),
    usCode: z.array(z.object({ title: z.int().min(1), section: nonEmpty }).strict()).optional(),
  })
  .strict();
export type Identifiers = z.infer<typeof identifiersSchema>;

const ids = z.array(id).min(1).optional();
/** Links to other entries, by id; every id must resolve (checked in tests). */
export const relationsSchema = z
  .object(Object.fromEntries(relationNames.map((name) => [name, ids])) as Record<RelationName, typeof ids>)
  .strict();
export type Relations = z.infer<typeof relationsSchema>;
export { relationNames };

const strings = z.array(nonEmpty).min(1).optional();

/** The facts object of a kind: a clear message when an entry has none. */
const factsObject = <S extends z.core.$ZodLooseShape>(what: string, shape: S) => z.object(shape, requiredFor(what)).strict();

const toolFacts = factsObject('a tool', {
    category: requiredText('a tool'),
    /** The maker; required unless the entry is a class of technology (`generic`). */
    vendorName: nonEmpty.optional(),
    knownUsers: strings,
    /** The main concern, attributed. */
    concern: requiredText('a tool'),
    /** A class of technology ("cell-site simulator"), not one product. */
    generic: z.boolean().optional(),
  }).superRefine((facts, ctx) => {
    if (facts.generic) return;
    for (const key of ['vendorName', 'knownUsers'] as const) {
      if (facts[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: 'required for a tool unless "generic": true' });
    }
  });

const agencyFacts = factsObject('an agency', {
    jurisdiction: requiredText('an agency'),
    parentAgency: nonEmpty.optional(),
    /** Set on an agency at the top of its government (no parent agency). */
    topLevel: z.literal(true).optional(),
    /** What it does that matters for surveillance. */
    surveillanceRole: requiredText('an agency'),
  }).superRefine((facts, ctx) => {
    if (facts.topLevel && facts.parentAgency !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['parentAgency'], message: 'a top-level agency has no parent agency' });
    }
    if (!facts.topLevel && facts.parentAgency === undefined) {
      ctx.addIssue({ code: 'custom', path: ['parentAgency'], message: 'required for an agency unless "topLevel": true' });
    }
  });

/** Key facts, shaped by kind; the required ones (see docs/dataset.md) fail validation when missing. */
export const factsByKind = {
  tool: toolFacts,
  vendor: factsObject('a vendor', {
      /** City, country. */
      headquarters: requiredText('a vendor'),
      products: requiredList('a vendor'),
      /** The controversy or use that puts it in the news, attributed. */
      concern: requiredText('a vendor'),
      parentCompany: nonEmpty.optional(),
      founded: z.int().optional(),
      /** Notable government customers, as reported. */
      governmentCustomers: strings,
    }),
  program: factsObject('a program', { agency: requiredText('a program'), legalBasis: nonEmpty.optional(), started: nonEmpty.optional() }),
  agency: agencyFacts,
  bill: factsObject('a bill', {
      jurisdiction: requiredText('a bill'),
      congress: z.int().optional(),
      numbers: requiredList('a bill'),
      sponsors: requiredList('a bill'),
      introduced: isoDate.optional(),
    }),
  law: factsObject('a law', { jurisdiction: requiredText('a law'), enacted: isoDate.or(z.string().regex(/^\d{4}$/)).optional(), citation: nonEmpty.optional() }),
  order: factsObject('an order', {
      jurisdiction: requiredText('an order'),
      /** Who issued it: "President Ronald Reagan". */
      issuedBy: requiredText('an order'),
      /** "Executive Order 12333". */
      number: nonEmpty.optional(),
      signed: looseDate.optional(),
    }),
  campaign: factsObject('a campaign', { organisers: requiredList('a campaign'), jurisdiction: nonEmpty.optional(), started: looseDate.optional() }),
  case: factsObject('a case', { court: requiredText('a case'), year: z.int(requiredFor('a case')), citation: nonEmpty.optional(), holding: requiredText('a case') }),
} satisfies Record<Kind, z.ZodType>;

const common = {
  id,
  name: nonEmpty,
  /** Other names. The name itself always matches; a term here with the same text as the name sets its rules. */
  aliases: z.array(termSchema).default([]),
  /** One or two neutral sentences in our own words; claims of a company or a report attributed, hedges kept. */
  summary: nonEmpty.max(400),
  /** The latest development, where one exists. */
  latest: latestSchema.optional(),
  /** Earlier developments still worth a reader's time, newest first, each dated and citing its own source. */
  earlier: z.array(latestSchema).min(1).optional(),
  identifiers: identifiersSchema.optional(),
  relations: relationsSchema.default({}),
  sources: z.array(sourceSchema).min(1),
  /** The day this entry's facts were last checked against its sources. */
  asOf: isoDate,
};

const withoutStatus = <K extends Kind, F extends z.ZodType>(kind: K, facts: F) =>
  z.object({ ...common, kind: z.literal(kind), facts }).strict();
const withStatus = <K extends Kind, F extends z.ZodType>(kind: K, facts: F) =>
  z.object({ ...common, kind: z.literal(kind), facts, status: statusSchema }).strict();

export const entrySchema = z.discriminatedUnion('kind', [
  withoutStatus('tool', factsByKind.tool),
  withoutStatus('vendor', factsByKind.vendor),
  withStatus('program', factsByKind.program),
  withoutStatus('agency', factsByKind.agency),
  withStatus('bill', factsByKind.bill),
  withStatus('law', factsByKind.law),
  withStatus('order', factsByKind.order),
  withStatus('campaign', factsByKind.campaign),
  withoutStatus('case', factsByKind.case),
]);
export type Entry = z.infer<typeof entrySchema>;
export type EntryInput = z.input<typeof entrySchema>;
export type EntryWithStatus = Extract<Entry, { status: Status }>;

/** The field paths a source may say it supports, for an entry of this kind. */
export function supportablePaths(kind: Kind): string[] {
  const factKeys = Object.keys(factsByKind[kind].shape ?? {});
  return [
    'name',
    'aliases',
    'summary',
    'status',
    'latest',
    'earlier',
    'identifiers',
    ...factKeys.map((key) => `facts.${key}`),
    ...relationNames.map((name) => `relations.${name}`),
  ];
}
