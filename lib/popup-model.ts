import { kinds, type Kind } from '../core/dataset/kinds';
import type { Settings } from '../core/settings';
import { readSettings } from '../core/settings-schema';
import type { PageSummary } from './messages';

/** The popup's pure parts: what "On this page" lists, and the settings its switches write. */

export const kindPluralLabels: Record<Kind, string> = {
  tool: 'Tools',
  vendor: 'Vendors',
  program: 'Programs',
  agency: 'Agencies',
  bill: 'Bills',
  law: 'Laws',
  order: 'Executive orders',
  campaign: 'Campaigns',
  case: 'Court cases',
};

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
    .map((kind) => ({ kind, label: kindPluralLabels[kind], count: countByKind[kind], entities: byKind.get(kind)! }));
  return { total: groups.reduce((sum, group) => sum + group.count, 0), groups, countByKind };
}

/** "1 mention", "12 mentions". */
export function mentionsText(count: number): string {
  return `${count} ${count === 1 ? 'mention' : 'mentions'}`;
}

/**
 * The settings with `site` paused or not, validated. Undefined when the site cannot be stored as one (such as an
 * IPv6 address), so the caller offers no switch rather than writing settings that would lose the site lists.
 */
export function withSitePaused(settings: Settings, site: string, paused: boolean): Settings | undefined {
  const others = settings.sites.paused.filter((s) => s !== site);
  const next = readSettings({ ...settings, sites: { ...settings.sites, paused: paused ? [...others, site] : others } });
  if (next.sites.paused.includes(site) !== paused) return undefined;
  if (next.sites.allowed.length !== settings.sites.allowed.length) return undefined;
  return next;
}

/** Whether `site` can be paused (a host name the settings accept). */
export function canPause(settings: Settings, site: string | undefined): site is string {
  return !!site && withSitePaused(settings, site, true) !== undefined;
}

/** The settings with one kind switched on or off, validated. */
export function withKindEnabled(settings: Settings, kind: Kind, enabled: boolean): Settings {
  return readSettings({ ...settings, enabledKinds: { ...settings.enabledKinds, [kind]: enabled } });
}
