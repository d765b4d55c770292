import { z } from 'zod';
import { termsOf } from '../dataset/terms';
import { checkWatchEntry, idFromName, isPlainText, localIdSchema, type WatchEntry } from './entry';
import { describeEntity, packEntryId, type TermIndex } from './runtime';

/**
 * Packs: a reader's entries as a file to hand to someone else (docs/packs.md). A pack is data only — it cannot
 * run code, change a bundled entry or make Watchwords contact anything: its entries are checked one by one like
 * the reader's own, its links are https links a reader may follow, and its text is shown as text.
 */

export const packFormat = 'watchwords-pack';
export const packVersion = 1;

export const packLimits = {
  /** Characters of the whole file. */
  chars: 5_000_000,
  entries: 5_000,
  /** Names and other names, all entries together. */
  terms: 10_000,
  /** Nesting of the JSON (a pack needs 6). */
  depth: 12,
  /** Packs kept at once. */
  packs: 20,
} as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD');

const plain = (schema: z.ZodString) => schema.refine(isPlainText, 'plain text only (no control characters)');

export const packMetaSchema = z
  .object({
    id: localIdSchema.max(40),
    name: plain(z.string().trim().min(1).max(100)),
    author: plain(z.string().trim().min(1).max(100)),
    description: plain(z.string().trim().max(500)).default(''),
    date: isoDate,
  })
  .strict();
export type PackMeta = z.infer<typeof packMetaSchema>;

const envelopeSchema = packMetaSchema.extend({ format: z.literal(packFormat), version: z.literal(packVersion), entries: z.array(z.unknown()) }).strict();

export interface Rejection {
  /** The entry's name, or its place in the file when it has none. */
  entry: string;
  reason: string;
}

export interface ParsedPack {
  meta: PackMeta;
  entries: WatchEntry[];
  rejected: Rejection[];
}

export type PackParse = { ok: true; pack: ParsedPack } | { ok: false; error: string };

const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);
const refuse = (why: string): PackParse => ({ ok: false, error: `Watchwords refused this pack: ${why}` });

/**
 * Reads a pack file. The whole file is refused, with one sentence, when it is not a pack, too big, too deep, or
 * carries keys no pack needs; otherwise each entry is checked on its own and the bad ones are listed with a reason.
 */
export function parsePack(text: string): PackParse {
  if (text.length > packLimits.chars) {
    return refuse(`it is ${megabytes(text.length)} MB; a pack can be at most ${megabytes(packLimits.chars)} MB.`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return refuse('it is not a JSON file.');
  }
  const shape = inspect(data);
  if (shape) return refuse(shape);
  const record = data as Record<string, unknown>;
  if (record.format !== packFormat) return refuse('it is not a Watchwords pack (its "format" is not "watchwords-pack").');
  if (typeof record.version === 'number' && record.version > packVersion) {
    return refuse(`it was made by a newer Watchwords (pack format ${record.version}); update Watchwords to read it.`);
  }
  if (Array.isArray(record.entries)) {
    if (record.entries.length > packLimits.entries) {
      return refuse(`it has ${record.entries.length.toLocaleString('en-US')} entries; a pack can have at most ${packLimits.entries.toLocaleString('en-US')}.`);
    }
    const terms = record.entries.reduce<number>((sum, entry) => sum + 1 + arrayLength((entry as { aliases?: unknown } | null)?.aliases), 0);
    if (terms > packLimits.terms) {
      return refuse(`it has ${terms.toLocaleString('en-US')} names and other names; a pack can have at most ${packLimits.terms.toLocaleString('en-US')}.`);
    }
  }
  const envelope = envelopeSchema.safeParse(data);
  if (!envelope.success) {
    const issue = envelope.error.issues[0]!;
    return refuse(`its ${issue.path.join('.') || 'header'} is not valid (${issue.message}).`);
  }
  const { entries: raw, format: _format, version: _version, ...meta } = envelope.data;
  const entries: WatchEntry[] = [];
  const rejected: Rejection[] = [];
  const ids = new Set<string>();
  raw.forEach((item, index) => {
    const label = entryLabel(item, index);
    const checked = checkWatchEntry(item);
    if (!checked.entry) {
      const more = checked.problems.length > 1 ? ` (and ${checked.problems.length - 1} more)` : '';
      return void rejected.push({ entry: label, reason: `${checked.problems[0]}${more}` });
    }
    if (ids.has(checked.entry.id)) return void rejected.push({ entry: label, reason: `its id “${checked.entry.id}” is used by another entry of the pack.` });
    ids.add(checked.entry.id);
    entries.push(checked.entry);
  });
  return { ok: true, pack: { meta, entries, rejected } };
}

/** Why a JSON value cannot be a pack by its shape alone (too deep, forbidden keys), if it cannot. */
function inspect(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'it is not a Watchwords pack.';
  const stack: [unknown, number][] = [[data, 1]];
  while (stack.length) {
    const [value, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > packLimits.depth) return 'it is nested deeper than any pack.';
    if (Array.isArray(value)) {
      for (const item of value) stack.push([item, depth + 1]);
      continue;
    }
    for (const key of Object.keys(value)) {
      if (forbiddenKeys.has(key)) return `it contains the key "${key}", which no pack has.`;
      stack.push([(value as Record<string, unknown>)[key], depth + 1]);
    }
  }
  return undefined;
}

const arrayLength = (value: unknown) => (Array.isArray(value) ? value.length : 0);
const megabytes = (chars: number) => (chars / 1_000_000).toLocaleString('en-US', { maximumFractionDigits: 1 });

function entryLabel(item: unknown, index: number): string {
  const name = (item as { name?: unknown } | null)?.name;
  return typeof name === 'string' && name.trim() ? name.trim().slice(0, 120) : `Entry ${index + 1}`;
}

/** What importing a pack would do, shown to the reader before anything is stored. */
export interface ImportReport {
  meta: PackMeta;
  /** A pack with this id is already kept: importing replaces it. */
  replaces: boolean;
  added: string[];
  changed: string[];
  unchanged: number;
  /** Entries of the kept pack that the new one no longer has. */
  removed: string[];
  rejected: Rejection[];
}

/**
 * Plans an import: which entries are added, changed, removed or rejected. `index` holds every term in use except
 * those of the pack being replaced; an entry whose term cannot be told apart from one of another entity (bundled,
 * the reader's own, another pack's, or an earlier entry of this pack) is rejected, so a pack never shadows them.
 */
export function planImport(pack: ParsedPack, index: TermIndex, kept?: readonly WatchEntry[]): { report: ImportReport; entries: WatchEntry[] } {
  const rejected = [...pack.rejected];
  const entries: WatchEntry[] = [];
  const self = (localId: string) => packEntryId(pack.meta.id, localId);
  for (const entry of pack.entries) {
    const rules = termsOf(entry);
    const clash = rules.map((rule) => ({ rule, use: index.clash(rule, self(entry.id)) })).find(({ use }) => use);
    if (clash?.use) {
      rejected.push({ entry: entry.name, reason: `“${clash.rule.text}” cannot be told apart from ${describeEntity(clash.use, pack.meta.id)}.` });
      continue;
    }
    for (const rule of rules) index.add(self(entry.id), entry.name, rule);
    entries.push(entry);
  }
  const before = new Map((kept ?? []).map((entry) => [entry.id, entry]));
  const after = new Set(entries.map((entry) => entry.id));
  const added = entries.filter((entry) => !before.has(entry.id)).map((entry) => entry.name);
  const changed = entries.filter((entry) => before.has(entry.id) && !sameEntry(before.get(entry.id)!, entry)).map((entry) => entry.name);
  const unchanged = entries.length - added.length - changed.length;
  const removed = [...before.values()].filter((entry) => !after.has(entry.id)).map((entry) => entry.name);
  return { report: { meta: pack.meta, replaces: kept !== undefined, added, changed, unchanged, removed, rejected }, entries };
}

function sameEntry(a: WatchEntry, b: WatchEntry): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A pack file of entries (the reader's own, without their timestamps). */
export function exportPack(meta: { name: string; author: string; description?: string }, entries: readonly WatchEntry[], now: Date): { fileName: string; text: string } {
  const date = now.toISOString().slice(0, 10);
  const id = idFromName(meta.name, new Set()).slice(0, 40).replace(/-+$/, '');
  const pack = {
    format: packFormat,
    version: packVersion,
    id,
    name: meta.name.trim(),
    author: meta.author.trim(),
    description: (meta.description ?? '').trim(),
    date,
    entries: entries.map(({ id, kind, name, aliases, summary, sources }) => ({ id, kind, name, aliases, summary, sources })),
  };
  return { fileName: `watchwords-pack-${id}-${date}.json`, text: `${JSON.stringify(pack, null, 2)}\n` };
}
