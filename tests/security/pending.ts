/**
 * Attacks that still succeed against today's Watchwords, with why. Each is registered with `test.fails`, so the
 * suite passes while it succeeds and fails the day it stops succeeding: then remove its entry. This list must end up
 * empty; every attack the suite has ever listed here now fails against the built extension.
 */
type Reasons = Partial<Record<'chromium' | 'firefox', string>>;

export const pending: Record<string, Reasons> = {};

/** Why `id` still succeeds in `browser`, if it does. */
export function pendingReason(id: string, browser: 'chromium' | 'firefox'): string | undefined {
  return pending[id]?.[browser];
}
