import type { Relations, SourceType, StatusStage } from '../core/dataset/schema';

/** Where a bill, law, program, order or campaign stands, in plain words. */
export const stageLabels: Record<StatusStage, string> = {
  proposed: 'Proposed',
  'in-committee': 'In committee',
  'passed-one-chamber': 'Passed one chamber',
  'passed-both-chambers': 'Passed both chambers',
  enacted: 'Enacted',
  'in-force': 'In force',
  active: 'Active',
  lapsed: 'Lapsed',
  'struck-down': 'Struck down',
  revoked: 'Revoked',
  ended: 'Ended',
  died: 'Died without passing',
};

/** What a source is, for the small marker next to a primary one (secondary sources carry none). */
export const sourceTypeLabels: Record<SourceType, string> = {
  official: 'official record',
  self: 'own statement',
  'original-report': 'original report',
  secondary: 'secondary',
};

/** How a card names each relation, in the order the groups are shown. */
export const relationLabels: Record<keyof Relations, string> = {
  madeBy: 'Made by',
  usedBy: 'Used by',
  uses: 'Uses',
  parent: 'Part of',
  governedBy: 'Governed by',
  relatedBills: 'Related bills',
  related: 'See also',
};

/** 119 → "119th", 101 → "101st", 112 → "112th". */
export function ordinal(n: number): string {
  const lastTwo = n % 100;
  const suffix = lastTwo >= 11 && lastTwo <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

// A fixed locale and UTC, so a date reads the same for every reader and in every test run.
const dateFormat = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });

const monthFormat = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', timeZone: 'UTC' });

/** "2026-02-04" (or a full ISO timestamp) → "Feb 4, 2026"; "2026-02" → "Feb 2026"; a bare year, or anything unparseable, as written. */
export function formatDate(value: string): string {
  if (/^\d{4}$/.test(value)) return value;
  if (/^\d{4}-\d{2}$/.test(value)) {
    const month = new Date(`${value}-01T00:00:00Z`);
    return Number.isNaN(month.getTime()) ? value : monthFormat.format(month);
  }
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
}

/** The host a source lives on, without a leading "www.". */
export function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
