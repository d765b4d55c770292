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

/**
 * The terms the matcher looks for: every term of the entry and the common variants of its names that texts write
 * although no alias spells them — a bill or law cited without its "Act" when three or more words remain ("Fourth
 * Amendment Is Not For Sale"), the amendment act of a law of two words or more ("Investigatory Powers (Amendment)
 * Act"), a name in capitalised parts written with a hyphen ("PredPol" as "Pred-Pol"; with a space too when the
 * name needs context, as the parts may be ordinary words), and a hyphenated name with a space. A variant keeps the
 * rules of the term it comes from; the first two only come from terms without rules and the bill title and the
 * parted name are case-sensitive as written. A variant the entry already has is not added.
 */
export function matchTermsOf(entry: Pick<Entry, 'name' | 'aliases' | 'kind'>): TermRule[] {
  return [...termsOf(entry), ...variantsOf(entry)];
}

/** The variants of matchTermsOf alone (a matcher lets no variant take a term another entry has). */
export function variantsOf(entry: Pick<Entry, 'name' | 'aliases' | 'kind'>): TermRule[] {
  const terms = termsOf(entry);
  const known = new Set(terms.map((rule) => rule.text));
  const variants: TermRule[] = [];
  const add = (rule: TermRule) => {
    if (known.has(rule.text)) return;
    known.add(rule.text);
    variants.push(rule);
  };
  for (const rule of terms) {
    if (rule.matchAlone === false) continue;
    const plain = !rule.requiresContext && !rule.excludeContext && !rule.afterLongForm && !rule.contextFromDocument && !rule.documentContext;
    const act = plain && (entry.kind === 'bill' || entry.kind === 'law') ? /^(.*\S)\s+Act(?:\s+(?:of\s+)?\d{4})?$/.exec(rule.text) : null;
    if (act) {
      const title = act[1]!;
      if (title.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length >= 3) add({ text: title, caseSensitive: true });
      if (entry.kind === 'law' && !/\bAmendments?\b/.test(title) && title.split(/\s+/).length >= 2) {
        for (const amendment of [`${title} (Amendment) Act`, `${title} Amendment Act`, `${title} Amendments Act`]) add({ ...rule, text: amendment });
      }
    }
    const parts = /^\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)+$/u.test(rule.text) ? rule.text.split(/(?<=\p{Ll})(?=\p{Lu})/u) : [];
    // Apart with a space, the parts are often ordinary words ("Sound Thinking"): only where context is required.
    if (parts.length > 1) for (const joiner of rule.requiresContext ? ['-', ' '] : ['-']) add({ ...rule, text: parts.join(joiner), caseSensitive: true });
    if (/\p{L}-\p{L}/u.test(rule.text)) add({ ...rule, text: rule.text.replace(/(?<=\p{L})-(?=\p{L})/gu, ' ') });
  }
  return variants;
}
