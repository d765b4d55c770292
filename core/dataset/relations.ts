/** How one entry links to another, by id. */
export const relationNames = ['madeBy', 'usedBy', 'uses', 'parent', 'governedBy', 'relatedBills', 'related'] as const;
export type RelationName = (typeof relationNames)[number];
