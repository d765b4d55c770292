// Without zod: the content script shows whether a source is primary and must not carry the schema library.

/**
 * Whose word a source is:
 * - `official`: a government body (agency, court, legislature, Federal Register, regulator);
 * - `self`: the subject itself, for what it says of itself (a vendor's site, an organisation's campaign page);
 * - `original-report`: the outlet or researchers that reported or found it first;
 * - `secondary`: anything else (later reporting, encyclopedias, explainers): allowed, never the only kind.
 */
export const sourceTypes = ['official', 'self', 'original-report', 'secondary'] as const;
export type SourceType = (typeof sourceTypes)[number];
/** The source types that count as primary: every entry needs at least one. */
export const primarySourceTypes = ['official', 'self', 'original-report'] as const satisfies readonly SourceType[];
export function isPrimary(source: { type: SourceType }): boolean {
  return (primarySourceTypes as readonly SourceType[]).includes(source.type);
}
