import { z } from 'zod';

import type { Kind } from './kinds';
import { relationNames, type RelationName } from './relations';

export { kinds, type Kind } from './kinds';

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are lowercase words joined by hyphens');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD');
const nonEmpty = z.string().trim().min(1);

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
  })
  .strict();
export const termSchema = z.union([nonEmpty, termRuleSchema]);
export type TermRule = z.infer<typeof termRuleSchema>;
export type Term = z.infer<typeof termSchema>;

export const sourceSchema = z
  .object({ url: z.url({ protocol: /^https?$/ }), title: nonEmpty })
  .strict();
export type Source = z.infer<typeof sourceSchema>;

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

const status = z.object({ text: nonEmpty, asOf: isoDate }).strict();
const strings = z.array(nonEmpty).min(1).optional();

/** Key facts, shaped by kind. */
export const factsByKind = {
  tool: z.object({ category: nonEmpty, vendorName: nonEmpty.optional(), knownUsers: strings }).strict(),
  vendor: z
    .object({ products: strings, parentCompany: nonEmpty.optional(), headquarters: nonEmpty.optional(), founded: z.int().optional() })
    .strict(),
  program: z.object({ agency: nonEmpty.optional(), legalBasis: nonEmpty.optional(), started: nonEmpty.optional() }).strict(),
  agency: z.object({ jurisdiction: nonEmpty, parentAgency: nonEmpty.optional() }).strict(),
  bill: z
    .object({
      jurisdiction: nonEmpty,
      congress: z.int().optional(),
      numbers: strings,
      sponsors: strings,
      introduced: isoDate.optional(),
      status,
    })
    .strict(),
  law: z
    .object({ jurisdiction: nonEmpty, enacted: isoDate.or(z.string().regex(/^\d{4}$/)).optional(), citation: nonEmpty.optional(), status: status.optional() })
    .strict(),
  case: z.object({ court: nonEmpty, year: z.int(), citation: nonEmpty.optional(), holding: nonEmpty }).strict(),
} satisfies Record<Kind, z.ZodType>;

const common = {
  id,
  name: nonEmpty,
  /** Other names. The name itself always matches; a term here with the same text as the name sets its rules. */
  aliases: z.array(termSchema).default([]),
  /** One or two neutral sentences in our own words. */
  summary: nonEmpty.max(400),
  identifiers: identifiersSchema.optional(),
  relations: relationsSchema.default({}),
  sources: z.array(sourceSchema).min(1),
  /** The day the facts were last checked against the sources. */
  asOf: isoDate,
};

export const entrySchema = z.discriminatedUnion('kind', [
  z.object({ ...common, kind: z.literal('tool'), facts: factsByKind.tool }).strict(),
  z.object({ ...common, kind: z.literal('vendor'), facts: factsByKind.vendor.default({}) }).strict(),
  z.object({ ...common, kind: z.literal('program'), facts: factsByKind.program.default({}) }).strict(),
  z.object({ ...common, kind: z.literal('agency'), facts: factsByKind.agency }).strict(),
  z.object({ ...common, kind: z.literal('bill'), facts: factsByKind.bill }).strict(),
  z.object({ ...common, kind: z.literal('law'), facts: factsByKind.law }).strict(),
  z.object({ ...common, kind: z.literal('case'), facts: factsByKind.case }).strict(),
]);
export type Entry = z.infer<typeof entrySchema>;
export type EntryInput = z.input<typeof entrySchema>;
