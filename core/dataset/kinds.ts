/** Kinds of entry a reader can meet in the news. */
export const kinds = ['tool', 'vendor', 'program', 'agency', 'bill', 'law', 'case'] as const;
export type Kind = (typeof kinds)[number];
