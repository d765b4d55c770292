import type { Entry, Term, TermRule } from './schema';

/** Every surface form of an entry with its rules; the name comes first and takes the rules of an alias with its text. */
export function termsOf(entry: Pick<Entry, 'name' | 'aliases'>): TermRule[] {
  const rules = entry.aliases.map(toRule);
  const nameRule = rules.find((rule) => rule.text === entry.name) ?? { text: entry.name };
  return [nameRule, ...rules.filter((rule) => rule !== nameRule)];
}

export function toRule(term: Term): TermRule {
  return typeof term === 'string' ? { text: term } : term;
}

/** Display forms of the aliases (without rules), for lists and search. */
export function aliasTexts(entry: Pick<Entry, 'name' | 'aliases'>): string[] {
  return entry.aliases.map((term) => toRule(term).text).filter((text) => text !== entry.name);
}
