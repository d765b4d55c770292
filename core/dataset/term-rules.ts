import type { TermRule } from './schema';
import { termsOf } from './terms';

/**
 * The matching rules every entry keeps, bundled or the reader's own (docs/dataset.md, "Matching"): what makes a
 * single word safe to highlight, and when two entries may share a surface form.
 */

/** A term that, on its own, is one word (no whitespace inside): "ICE", "Fortify", "cell-site". */
export function isSingleWord(rule: TermRule): boolean {
  return !/\s/.test(rule.text.trim());
}

/** Whether a term carries something that keeps it from matching every ordinary use of its words. */
export function isGuarded(rule: TermRule): boolean {
  return !!(rule.caseSensitive || rule.requiresContext || rule.afterLongForm || rule.matchAlone === false);
}

/** The single-word terms of an entry (its name included) that would match any use of a common word. */
export function unguardedSingleWords(entry: Parameters<typeof termsOf>[0]): TermRule[] {
  return termsOf(entry).filter((rule) => isSingleWord(rule) && !isGuarded(rule));
}

/** The key under which two terms are "the same text" for the sharing rule. */
export function sharedTextKey(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

function isPlain(rule: TermRule): boolean {
  return !rule.caseSensitive && !rule.requiresContext && !rule.excludeContext && !rule.afterLongForm && rule.matchAlone !== false;
}

/**
 * Whether two rules with the same folded text can tell their entries apart: never two plain strings, and never two
 * rules that are identical in every respect that decides a match.
 */
export function distinguishable(a: TermRule, b: TermRule): boolean {
  if (a.matchAlone === false || b.matchAlone === false) return true;
  if (isPlain(a) && isPlain(b)) return false;
  const signature = (rule: TermRule) =>
    JSON.stringify([
      rule.caseSensitive ? rule.text.trim() : rule.text.trim().toLowerCase(),
      [...(rule.requiresContext ?? [])].map((s) => s.toLowerCase()).sort(),
      [...(rule.excludeContext ?? [])].map((s) => s.toLowerCase()).sort(),
      !!rule.afterLongForm,
    ]);
  return signature(a) !== signature(b);
}
