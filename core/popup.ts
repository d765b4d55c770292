import { kindPlural, kinds, type Kind } from './dataset/kinds';
import type { PageSummary } from './protocol/tab';
import { sitePattern } from './site';

/** The popup's pure parts: what "On this page" lists, and the settings its switches write. */

export type SummaryEntity = PageSummary['entities'][number];

export interface KindGroup {
  kind: Kind;
  label: string;
  /** Mentions of this kind on the page. */
  count: number;
  /** In order of first appearance on the page. */
  entities: SummaryEntity[];
}

export interface PageModel {
  /** Mentions in the listed groups. */
  total: number;
  /** Non-empty groups of the enabled kinds, in kind order. */
  groups: KindGroup[];
  /** Mentions per kind, for every kind (0 when none), enabled or not. */
  countByKind: Record<Kind, number>;
}

/** Groups a page summary's entities by kind, in kind order; kinds switched off are counted but not listed. */
export function groupByKind(entities: readonly SummaryEntity[], enabledKinds?: Partial<Record<Kind, boolean>>): PageModel {
  const countByKind = Object.fromEntries(kinds.map((kind) => [kind, 0])) as Record<Kind, number>;
  const byKind = new Map<Kind, SummaryEntity[]>();
  for (const entity of entities) {
    if (!kinds.includes(entity.kind)) continue;
    countByKind[entity.kind] += entity.count;
    const list = byKind.get(entity.kind) ?? [];
    list.push(entity);
    byKind.set(entity.kind, list);
  }
  const groups = kinds
    .filter((kind) => enabledKinds?.[kind] !== false && byKind.has(kind))
    .map((kind) => ({ kind, label: kindPlural(kind), count: countByKind[kind], entities: byKind.get(kind)! }));
  return { total: groups.reduce((sum, group) => sum + group.count, 0), groups, countByKind };
}

/** "1 mention", "12 mentions". */
export function mentionsText(count: number): string {
  return `${count} ${count === 1 ? 'mention' : 'mentions'}`;
}

/** Whether `site` can be paused: a site the settings can hold (every site `siteOf` gives). */
export function canPause(site: string | undefined): site is string {
  return !!site && sitePattern.test(site);
}
