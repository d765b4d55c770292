/**
 * Kinds of entry a reader can meet in the news. `order` is an executive order, presidential memorandum or
 * directive; `campaign` an advocacy campaign or a model law an organisation promotes (neither is a law).
 */
export const kinds = ['tool', 'vendor', 'program', 'agency', 'bill', 'law', 'order', 'campaign', 'case'] as const;
export type Kind = (typeof kinds)[number];

/** Kinds whose entries carry a top-level `status` (where it stands, since when, and the source that says so). */
export const kindsWithStatus = ['program', 'bill', 'law', 'order', 'campaign'] as const satisfies readonly Kind[];
export type KindWithStatus = (typeof kindsWithStatus)[number];

export function hasStatus(kind: Kind): kind is KindWithStatus {
  return (kindsWithStatus as readonly Kind[]).includes(kind);
}
