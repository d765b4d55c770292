import { kinds, type Kind } from '../dataset/kinds';
import { sitePattern } from '../site';
import { defaultSettings, settingsVersion, type Dismissal, type Settings } from './model';

/**
 * Reading stored settings: every past version is migrated, then each field — and each item of a list — that is
 * missing or invalid falls back to its default on its own, so one bad value never costs the reader the rest
 * (an unstorable site once wiped both site lists). Free of zod: the content script reads with it too. Writes are
 * validated strictly by the owner (schema.ts, lib/settings.ts); a property test keeps the two in step.
 */

/** What storage.local holds under the settings keys, in any version. */
export interface StoredSettings {
  settings?: unknown;
  /** Version 1 kept "Not this" choices under a key of their own. */
  dismissals?: unknown;
}

/** Storage keys the settings have used in any version (WXT kept a `$` metadata key beside each item in version 1). */
export const settingsStorageKeys = ['settings', 'dismissals', 'settings$', 'dismissals$'] as const;

type Migration = (stored: Record<string, unknown>, all: StoredSettings) => Record<string, unknown>;

/** migrations[n] turns version n into version n + 1. */
const migrations: Record<number, Migration> = {
  // 1 → 2: "Not this" choices move into the settings, with an id, the entity's name (its id until the options page
  // names it) and a scope (version 1 choices applied to the whole site); the toolbar badge is new.
  1: (stored, all) => ({
    ...stored,
    dismissals: (Array.isArray(all.dismissals) ? all.dismissals : []).flatMap((old: unknown) => {
      const d = old as Partial<Record<'site' | 'phrase' | 'entityId' | 'at', unknown>>;
      if (typeof d?.site !== 'string' || typeof d.phrase !== 'string' || typeof d.entityId !== 'string') return [];
      return [{ id: `v1:${d.site}:${d.entityId}:${d.phrase}`, entityId: d.entityId, entityName: d.entityId, phrase: d.phrase, site: d.site, at: typeof d.at === 'string' ? d.at : '1970-01-01T00:00:00.000Z' }];
    }),
  }),
};

export function storedVersion(settings: unknown): number {
  const version = isRecord(settings) ? settings.version : undefined;
  return typeof version === 'number' && Number.isInteger(version) && version >= 1 ? version : 1;
}

/** The settings in `stored`, migrated to the current version and completed with defaults. */
export function readSettings(stored: StoredSettings): Settings {
  let raw: Record<string, unknown> = isRecord(stored.settings) ? { ...stored.settings } : {};
  for (let version = storedVersion(stored.settings); version < settingsVersion; version++) raw = migrations[version]!(raw, stored);
  return sanitise(raw);
}

function sanitise(raw: Record<string, unknown>): Settings {
  const d = defaultSettings;
  const kindsIn = isRecord(raw.enabledKinds) ? raw.enabledKinds : {};
  const sites = isRecord(raw.sites) ? raw.sites : {};
  return {
    enabledKinds: Object.fromEntries(kinds.map((kind) => [kind, typeof kindsIn[kind] === 'boolean' ? kindsIn[kind] : d.enabledKinds[kind]])) as Record<Kind, boolean>,
    hoverDelayMs: isWhole(raw.hoverDelayMs, 0, 3000) ? raw.hoverDelayMs : d.hoverDelayMs,
    highlightStyle: raw.highlightStyle === 'underline' || raw.highlightStyle === 'background' ? raw.highlightStyle : d.highlightStyle,
    highlightMethod: raw.highlightMethod === 'auto' || raw.highlightMethod === 'wrap' ? raw.highlightMethod : d.highlightMethod,
    sites: {
      mode: sites.mode === 'everywhere' || sites.mode === 'only-allowed' ? sites.mode : d.sites.mode,
      allowed: siteList(sites.allowed),
      paused: siteList(sites.paused),
    },
    showBadge: typeof raw.showBadge === 'boolean' ? raw.showBadge : d.showBadge,
    dismissals: Array.isArray(raw.dismissals) ? raw.dismissals.filter(isDismissal).slice(0, maxDismissals) : [],
  };
}

export const maxSites = 5000;
export const maxDismissals = 5000;

/** Each site on its own: an invalid one is dropped, the others kept; "www." and case do not matter. */
function siteList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const sites = value.flatMap((site) => {
    if (typeof site !== 'string') return [];
    const cleaned = site.trim().toLowerCase().replace(/^www\./, '');
    return sitePattern.test(cleaned) ? [cleaned] : [];
  });
  return [...new Set(sites)].slice(0, maxSites);
}

const shortText = (value: unknown, max: number): value is string => typeof value === 'string' && value.length >= 1 && value.length <= max;

function isDismissal(value: unknown): value is Dismissal {
  if (!isRecord(value)) return false;
  const d = value as Record<keyof Dismissal, unknown>;
  return (
    shortText(d.id, 600) && shortText(d.entityId, 200) && shortText(d.entityName, 300) && shortText(d.phrase, 200) &&
    typeof d.site === 'string' && sitePattern.test(d.site) && (d.page === undefined || shortText(d.page, 8000)) &&
    typeof d.at === 'string' && isoTime.test(d.at)
  );
}

/** An ISO 8601 UTC time as `Date.toISOString` writes it. */
const isoTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;

function isWhole(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
