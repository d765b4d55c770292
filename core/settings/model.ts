import { canonicalJson } from '../canonical-json';
import { kinds, type Kind } from '../dataset/kinds';

/**
 * The reader's settings, as every part of Watchwords reads them. Free of zod so the content script can use it;
 * `schema.ts` validates and migrates, and only the settings owner in the background writes (lib/settings.ts).
 */
export interface Settings {
  /** Which kinds of mention are highlighted. */
  enabledKinds: Record<Kind, boolean>;
  /** How long the pointer rests on a mention before its card opens. */
  hoverDelayMs: number;
  highlightStyle: 'underline' | 'background';
  /**
   * `auto` uses the CSS Custom Highlight API where the browser has it; `wrap` marks mentions with an element
   * instead (for pages where highlights misbehave, and browsers without the API).
   */
  highlightMethod: 'auto' | 'wrap';
  sites: {
    /** `everywhere` except paused sites, or only on the allowed sites. */
    mode: 'everywhere' | 'only-allowed';
    allowed: string[];
    paused: string[];
  };
  /** The toolbar button shows how many mentions the page has. */
  showBadge: boolean;
  /** "Not this": phrases the reader marked as wrong highlights of an entity. */
  dismissals: Dismissal[];
}

/** The settings' shape version; `schema.ts` migrates every older one to it. */
export const settingsVersion = 2;

/** "Not this": a phrase the reader marked as a false highlight of one entity, on one page or on a whole site. */
export interface Dismissal {
  id: string;
  entityId: string;
  /** The entity's name when it was dismissed, to list it in the options page. */
  entityName: string;
  /** The mention's text, lower-cased and with single spaces (see `dismissalPhrase`). */
  phrase: string;
  site: string;
  /** Only on this page (its notes key, core/notes/page-url.ts); absent: the whole site. */
  page?: string;
  at: string;
}

export const defaultSettings: Settings = {
  enabledKinds: Object.fromEntries(kinds.map((kind) => [kind, true])) as Record<Kind, boolean>,
  hoverDelayMs: 300,
  highlightStyle: 'underline',
  highlightMethod: 'auto',
  sites: { mode: 'everywhere', allowed: [], paused: [] },
  showBadge: true,
  dismissals: [],
};

/** Whether Watchwords runs on a site under these settings. */
export function isActiveOn(settings: Settings, site: string | undefined): boolean {
  if (!site) return false;
  if (settings.sites.paused.includes(site)) return false;
  return settings.sites.mode === 'everywhere' || settings.sites.allowed.includes(site);
}

export function dismissalPhrase(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Whether a mention of `entityId` with this text is dismissed on this page (`page`: its notes key) of `site`. */
export function isDismissed(dismissals: readonly Dismissal[], where: { site: string; page?: string }, text: string, entityId: string): boolean {
  if (!dismissals.length) return false;
  const phrase = dismissalPhrase(text);
  return dismissals.some(
    (d) => d.entityId === entityId && d.phrase === phrase && d.site === where.site && (d.page === undefined || d.page === where.page),
  );
}

/**
 * What a stored change did to the settings a content script runs with: `none` (the same settings written again:
 * the background's migration at its start, or a change undone), `dismissals-added` (only new "Not this" choices:
 * highlights are taken away, nothing starts again) or `other`. Key order does not matter; list order does.
 */
export function settingsChange(before: Settings, after: Settings): 'none' | 'dismissals-added' | 'other' {
  if (sameSettings(before, after)) return 'none';
  if (after.dismissals.length <= before.dismissals.length) return 'other';
  const ids = new Set(after.dismissals.map((d) => d.id));
  if (!before.dismissals.every((d) => ids.has(d.id))) return 'other';
  return sameSettings({ ...before, dismissals: [] }, { ...after, dismissals: [] }) ? 'dismissals-added' : 'other';
}

/** Whether two settings say the same (key order does not matter; list order does). */
export function sameSettings(a: Settings, b: Settings): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
