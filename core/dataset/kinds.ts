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

export interface KindInfo {
  /** On a card's badge: "Vendor". */
  label: string;
  /** Headings and switches: "Vendors". */
  plural: string;
  /** The highlight and swatch colour, on light pages and on dark ones. */
  colour: { light: string; dark: string };
  /** The card's badge, on a light card and on a dark one. */
  badge: { light: { background: string; text: string }; dark: { background: string; text: string } };
}

/**
 * The one table of kinds: labels, the highlight palette and the badge colours. Page highlights, the card's badge,
 * the popup's groups and switches, the options page and the notes manager are all generated from it.
 */
export const kindTable: Record<Kind, KindInfo> = {
  tool: {
    label: 'Tool',
    plural: 'Tools',
    colour: { light: '#b45309', dark: '#fbbf24' },
    badge: { light: { background: '#fef3c7', text: '#78350f' }, dark: { background: '#451a03', text: '#fde68a' } },
  },
  vendor: {
    label: 'Vendor',
    plural: 'Vendors',
    colour: { light: '#7c3aed', dark: '#c4b5fd' },
    badge: { light: { background: '#ede9fe', text: '#4c1d95' }, dark: { background: '#2e1065', text: '#ddd6fe' } },
  },
  program: {
    label: 'Program',
    plural: 'Programs',
    colour: { light: '#0369a1', dark: '#7dd3fc' },
    badge: { light: { background: '#e0f2fe', text: '#0c4a6e' }, dark: { background: '#082f49', text: '#bae6fd' } },
  },
  agency: {
    label: 'Agency',
    plural: 'Agencies',
    colour: { light: '#047857', dark: '#6ee7b7' },
    badge: { light: { background: '#d1fae5', text: '#064e3b' }, dark: { background: '#022c22', text: '#a7f3d0' } },
  },
  bill: {
    label: 'Bill',
    plural: 'Bills',
    colour: { light: '#be123c', dark: '#fda4af' },
    badge: { light: { background: '#ffe4e6', text: '#881337' }, dark: { background: '#4c0519', text: '#fecdd3' } },
  },
  law: {
    label: 'Law',
    plural: 'Laws',
    colour: { light: '#be123c', dark: '#fda4af' },
    badge: { light: { background: '#ffe4e6', text: '#881337' }, dark: { background: '#4c0519', text: '#fecdd3' } },
  },
  order: {
    label: 'Executive order',
    plural: 'Executive orders',
    colour: { light: '#a21caf', dark: '#f0abfc' },
    badge: { light: { background: '#fae8ff', text: '#701a75' }, dark: { background: '#4a044e', text: '#f5d0fe' } },
  },
  campaign: {
    label: 'Campaign',
    plural: 'Campaigns',
    colour: { light: '#4d7c0f', dark: '#a3e635' },
    badge: { light: { background: '#ecfccb', text: '#365314' }, dark: { background: '#1a2e05', text: '#d9f99d' } },
  },
  case: {
    label: 'Court case',
    plural: 'Court cases',
    colour: { light: '#4338ca', dark: '#a5b4fc' },
    badge: { light: { background: '#e0e7ff', text: '#312e81' }, dark: { background: '#1e1b4b', text: '#c7d2fe' } },
  },
};

export const kindLabel = (kind: Kind): string => kindTable[kind].label;
export const kindPlural = (kind: Kind): string => kindTable[kind].plural;
