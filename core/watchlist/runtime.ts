import type { Entry, TermRule } from '../dataset/schema';
import { distinguishable } from '../dataset/term-rules';
import { termsOf } from '../dataset/terms';
import { foldTerm } from '../matcher/fold';
import type { MatchableEntry } from '../matcher/matcher';
import type { WatchEntry } from './entry';

/**
 * The runtime dataset: the bundled entries (compiled at build time) joined by the reader's own entries and the
 * enabled packs, each under a namespace of its own. Bundled ids are lowercase words joined by hyphens, so they
 * never contain ':' — a namespaced id can never be, or replace, a bundled one.
 */

export type Owner = { by: 'reader' } | { by: 'pack'; packId: string; packName: string; author: string; date: string };

export const readerPrefix = 'reader:';
export const packPrefix = 'pack:';

export const readerEntryId = (localId: string): string => `${readerPrefix}${localId}`;
export const packEntryId = (packId: string, localId: string): string => `${packPrefix}${packId}:${localId}`;

/** Whose an entity id is, from its namespace alone. */
export function ownerOfId(id: string): { by: 'bundled' } | { by: 'reader'; localId: string } | { by: 'pack'; packId: string; localId: string } {
  if (id.startsWith(readerPrefix)) return { by: 'reader', localId: id.slice(readerPrefix.length) };
  if (id.startsWith(packPrefix)) {
    const rest = id.slice(packPrefix.length);
    const colon = rest.indexOf(':');
    return { by: 'pack', packId: rest.slice(0, colon), localId: rest.slice(colon + 1) };
  }
  return { by: 'bundled' };
}

export const isRuntimeId = (id: string): boolean => id.startsWith(readerPrefix) || id.startsWith(packPrefix);

/** An entity named for the reader with whose it is: "your entry “X”". `packId`: the pack being read, if any. */
export function describeEntity(entity: { id: string; name: string }, packId?: string): string {
  const owner = ownerOfId(entity.id);
  if (owner.by === 'bundled') return `“${entity.name}” in Watchwords’ own dataset`;
  if (owner.by === 'reader') return `your entry “${entity.name}”`;
  if (owner.packId === packId) return `“${entity.name}”, an earlier entry of this pack`;
  return `“${entity.name}” from another pack`;
}

/** One source of entries that join the bundled ones, in order: the reader's own first, then each enabled pack. */
export interface RuntimeLayer {
  owner: Owner;
  entries: readonly (WatchEntry & { created?: string; updated?: string })[];
}

/** A term of an entry that is not highlighted because an earlier entry (bundled first) already has it. */
export interface HiddenTerm {
  text: string;
  by: { id: string; name: string };
}

export interface RuntimeEntry {
  /** The namespaced id. */
  id: string;
  owner: Owner;
  entry: WatchEntry & { created?: string; updated?: string };
  /** What the content script's matcher gets: hidden terms never match alone. */
  matchable: MatchableEntry;
  hidden: HiddenTerm[];
}

/** Where one term text is used: by which entity, with which rule. */
interface Use {
  id: string;
  name: string;
  rule: TermRule;
}

/**
 * An index of every term by the folded text the matcher compares, to find the terms a new one cannot be told apart
 * from (core/dataset/term-rules.ts `distinguishable`).
 */
export class TermIndex {
  private readonly uses = new Map<string, Use[]>();

  add(id: string, name: string, rule: TermRule): void {
    const key = foldTerm(rule.text);
    const list = this.uses.get(key);
    if (list) list.push({ id, name, rule });
    else this.uses.set(key, [{ id, name, rule }]);
  }

  addEntry(entry: MatchableEntry): void {
    for (const rule of termsOf(entry)) this.add(entry.id, entry.name, rule);
  }

  /** The first other entity whose term with this text cannot be told apart from `rule`. */
  clash(rule: TermRule, except?: string): Use | undefined {
    return this.uses.get(foldTerm(rule.text))?.find((use) => use.id !== except && !distinguishable(use.rule, rule));
  }

  /** Every other entity that uses this text, told apart or not. */
  sharing(rule: TermRule, except?: string): Use[] {
    return (this.uses.get(foldTerm(rule.text)) ?? []).filter((use) => use.id !== except);
  }
}

/**
 * Joins the layers to the bundled entries. A term that cannot be told apart from one of an earlier entry (bundled
 * entries first, then the reader's, then packs in order) is kept in the list but never highlighted: a reader's or
 * a pack's entry never shadows a bundled one, even when a later update of the bundled dataset adds the same name.
 */
export function composeDataset(bundled: readonly MatchableEntry[], layers: readonly RuntimeLayer[]): { entries: RuntimeEntry[]; index: TermIndex } {
  const index = new TermIndex();
  for (const entry of bundled) index.addEntry(entry);
  const entries: RuntimeEntry[] = [];
  const seen = new Set<string>();
  for (const { owner, entries: list } of layers) {
    for (const entry of list) {
      const id = owner.by === 'reader' ? readerEntryId(entry.id) : packEntryId(owner.packId, entry.id);
      if (seen.has(id)) continue;
      seen.add(id);
      const hidden: HiddenTerm[] = [];
      const rules = termsOf(entry).map((rule) => {
        const clash = index.clash(rule, id);
        if (!clash) return rule;
        hidden.push({ text: rule.text, by: { id: clash.id, name: clash.name } });
        return { ...rule, matchAlone: false as const };
      });
      for (const rule of rules) index.add(id, entry.name, rule);
      entries.push({ id, owner, entry, hidden, matchable: { id, name: entry.name, kind: entry.kind, aliases: rules } });
    }
  }
  return { entries, index };
}

/** A term of a draft that shares its text with an existing entry's term: `blocking` when they cannot be told apart. */
export interface Collision {
  text: string;
  with: { id: string; name: string };
  blocking: boolean;
}

/** How a draft's terms meet the existing ones (`except`: the entry the draft replaces). */
export function collisionsOf(draft: Pick<WatchEntry, 'name' | 'aliases'>, index: TermIndex, except?: string): Collision[] {
  const found: Collision[] = [];
  for (const rule of termsOf(draft)) {
    const clash = index.clash(rule, except);
    if (clash) {
      found.push({ text: rule.text, with: { id: clash.id, name: clash.name }, blocking: true });
      continue;
    }
    for (const use of index.sharing(rule, except)) {
      if (!found.some((c) => c.with.id === use.id && c.text === rule.text)) found.push({ text: rule.text, with: { id: use.id, name: use.name }, blocking: false });
    }
  }
  return found;
}

/** Where a card's entry comes from, said on the card. */
export type EntryOrigin = { by: 'reader'; added: string } | { by: 'pack'; pack: string; author: string; date: string };

/** What a card shows: a dataset entry, or a reader's or pack's entry (with `origin`) in the same shape. */
export type CardEntry = Entry & { origin?: EntryOrigin };

/**
 * A runtime entry in the shape a card reads. It has no facts, relations or status (it is not a cited dataset
 * entry): the card shows its kind, name, one-line summary, its links and whose it is.
 */
export function cardEntryOf(runtime: RuntimeEntry): CardEntry {
  const { entry, owner } = runtime;
  const added = (entry.updated ?? entry.created ?? '').slice(0, 10);
  const origin: EntryOrigin =
    owner.by === 'reader' ? { by: 'reader', added } : { by: 'pack', pack: owner.packName, author: owner.author, date: owner.date };
  const card = {
    id: runtime.id,
    kind: entry.kind,
    name: entry.name,
    aliases: entry.aliases,
    summary: entry.summary,
    relations: {},
    facts: {},
    sources: entry.sources.map((source) => ({ url: source.url, title: source.title ?? hostOf(source.url) })),
    asOf: owner.by === 'reader' ? added : owner.date,
    origin,
  };
  // Not a dataset entry, so not of its type: the card reads only the fields set here (see ContextCard's `origin`).
  return card as unknown as CardEntry;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}
