import { z } from 'zod';
import { kinds, type Kind } from '../dataset/kinds';
import { termSchema, type TermRule } from '../dataset/schema';
import { unguardedSingleWords } from '../dataset/term-rules';
import { termsOf } from '../dataset/terms';

/**
 * An entry the reader adds ("Watch this name") or a pack brings: a strict subset of a dataset entry — its `kind`,
 * `name`, `aliases` (the same term rules), a one-line `summary` and up to three `sources` — with none of the
 * cited facts, relations or status a bundled entry carries. It keeps the dataset's matching rules
 * (core/dataset/term-rules.ts), so that a reader's single word cannot light up every page.
 */

export const watchLimits = {
  id: 80,
  name: 120,
  term: 120,
  aliases: 20,
  contextWords: 10,
  contextWord: 80,
  summary: 300,
  sources: 3,
  sourceTitle: 200,
  url: 2000,
} as const;

/** Same form as a dataset id (lowercase words joined by hyphens); namespaced at run time (core/watchlist/ids.ts). */
export const localIdSchema = z
  .string()
  .max(watchLimits.id)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are lowercase words joined by hyphens');

/**
 * A link a reader can follow and nothing else: https only, no user name or password in it. Watchwords never
 * fetches it.
 */
export function isSafeLink(value: string): boolean {
  if (value.length > watchLimits.url) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

const linkSchema = z.string().refine(isSafeLink, 'a source must be an https:// address (no other kind of link)');

export const watchSourceSchema = z
  .object({ url: linkSchema, title: z.string().trim().min(1).max(watchLimits.sourceTitle).optional() })
  .strict();
export type WatchSource = z.infer<typeof watchSourceSchema>;

export const watchEntrySchema = z
  .object({
    id: localIdSchema,
    kind: z.enum(kinds),
    name: z.string().trim().min(1).max(watchLimits.name),
    aliases: z.array(termSchema).max(watchLimits.aliases).default([]),
    /** One line in the reader's own words. */
    summary: z.string().trim().min(1, 'a one-line description is needed').max(watchLimits.summary),
    sources: z.array(watchSourceSchema).max(watchLimits.sources).default([]),
  })
  .strict();
export type WatchEntry = z.infer<typeof watchEntrySchema>;
export type WatchEntryInput = z.input<typeof watchEntrySchema>;

/** The reader's own entry as stored: a watch entry and when it was added and last changed (ISO timestamps). */
export const readerEntrySchema = watchEntrySchema.extend({ created: z.iso.datetime(), updated: z.iso.datetime() }).strict();
export type ReaderEntry = z.infer<typeof readerEntrySchema>;

/** Control characters and the bidirectional overrides that can make text read as something else. */
const unsafeCharacters = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;
/** Text with no control characters or direction overrides. */
export const isPlainText = (text: string): boolean => !unsafeCharacters.test(text);
const letterOrDigit = /[\p{L}\p{N}]/gu;

/** Field names as the form shows them. */
function fieldName(path: PropertyKey[]): string {
  const [field, index, sub] = path;
  const n = typeof index === 'number' ? ` ${index + 1}` : '';
  switch (field) {
    case 'name':
      return 'Name';
    case 'kind':
      return 'Kind';
    case 'aliases':
      return sub === 'requiresContext' ? 'Words it needs nearby' : `Other name${n}`;
    case 'summary':
      return 'Description';
    case 'sources':
      return `Source${n}`;
    case 'id':
      return 'Id';
    default:
      return path.length ? path.join('.') : 'The entry';
  }
}

/**
 * Checks a watch entry as the form, the pack importer and the background all do: the schema, then the dataset's
 * matching rules and the limits that keep a page fast and its text plain. Problems are sentences for the reader.
 */
export function checkWatchEntry(input: unknown): { entry: WatchEntry; problems: [] } | { entry?: undefined; problems: string[] } {
  const parsed = watchEntrySchema.safeParse(input);
  if (!parsed.success) {
    return { problems: parsed.error.issues.slice(0, 5).map((issue) => `${fieldName(issue.path)}: ${issue.message}`) };
  }
  const problems = watchEntryProblems(parsed.data);
  return problems.length ? { problems } : { entry: parsed.data, problems: [] };
}

/** What the schema cannot say about a watch entry. */
export function watchEntryProblems(entry: WatchEntry): string[] {
  const problems: string[] = [];
  const rules = termsOf(entry);
  for (const rule of rules) {
    const text = rule.text.trim();
    if (text.length > watchLimits.term) problems.push(`“${text.slice(0, 40)}…” is longer than ${watchLimits.term} characters.`);
    if ((text.match(letterOrDigit) ?? []).length < 2) problems.push(`“${text}” is too short: a name needs at least two letters or digits.`);
    const context = [...(rule.requiresContext ?? []), ...(rule.excludeContext ?? [])];
    if (context.length > watchLimits.contextWords) problems.push(`“${text}” lists more than ${watchLimits.contextWords} nearby words.`);
    if (context.some((word) => word.trim().length > watchLimits.contextWord)) {
      problems.push(`A nearby word of “${text}” is longer than ${watchLimits.contextWord} characters.`);
    }
  }
  for (const rule of unguardedSingleWords(entry)) {
    problems.push(`“${rule.text.trim()}” is a single word: tick “Match case” or give words it needs nearby, or it would match every use of the word.`);
  }
  if (!strings(entry).every(isPlainText)) problems.push('The entry contains control characters; plain text only.');
  return problems;
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** The "Watch this name" form's fields, as typed. */
export interface WatchForm {
  name: string;
  kind: Kind;
  /** Other names, one per line. */
  aliases: string;
  summary: string;
  sourceUrl: string;
  matchCase: boolean;
  /** Words or phrases, separated by commas: at least one must appear near a mention. */
  nearby: string;
}

export const emptyForm = (name = ''): WatchForm => ({ name, kind: 'tool', aliases: '', summary: '', sourceUrl: '', matchCase: false, nearby: '' });

const lines = (text: string) => [...new Set(text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean))];
const commaList = (text: string) => [...new Set(text.split(',').map((word) => word.trim()).filter(Boolean))];

/**
 * The entry a form describes. "Match case" and the nearby words apply to the name and every other name (each
 * becomes a term rule, as in the dataset); with neither, the terms are plain strings.
 */
export function entryFromForm(form: WatchForm, id: string): WatchEntryInput {
  const name = form.name.trim().replace(/\s+/g, ' ');
  const nearby = commaList(form.nearby);
  const ruled = form.matchCase || nearby.length > 0;
  const rule = (text: string): TermRule | string =>
    ruled ? { text, ...(form.matchCase && { caseSensitive: true }), ...(nearby.length && { requiresContext: nearby }) } : text;
  const others = lines(form.aliases).filter((text) => text !== name);
  const sourceUrl = form.sourceUrl.trim();
  return {
    id,
    kind: form.kind,
    name,
    aliases: [...(ruled ? [rule(name)] : []), ...others.map(rule)],
    summary: form.summary.trim().replace(/\s+/g, ' '),
    sources: sourceUrl ? [{ url: sourceUrl }] : [],
  };
}

/** The form that edits an entry: the name's own rule gives "Match case" and the nearby words. */
export function formFromEntry(entry: WatchEntry): WatchForm {
  const [nameRule, ...others] = termsOf(entry);
  return {
    name: entry.name,
    kind: entry.kind,
    aliases: others.map((rule) => rule.text).join('\n'),
    summary: entry.summary,
    sourceUrl: entry.sources[0]?.url ?? '',
    matchCase: nameRule?.caseSensitive === true,
    nearby: (nameRule?.requiresContext ?? []).join(', '),
  };
}

/** A local id from a name ("Flock Safety" → "flock-safety"), unique among `taken`. */
export function idFromName(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'entry';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
