import { kinds, type Kind } from './dataset/kinds';

/**
 * The reader's settings. Kept free of zod so the content script can use them without the validator;
 * `settings-schema.ts` validates what extension pages write.
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
}

export const defaultSettings: Settings = {
  enabledKinds: Object.fromEntries(kinds.map((kind) => [kind, true])) as Record<Kind, boolean>,
  hoverDelayMs: 300,
  highlightStyle: 'underline',
  highlightMethod: 'auto',
  sites: { mode: 'everywhere', allowed: [], paused: [] },
};

/** A site is a hostname without "www.", so example.com and www.example.com are one site. */
export function siteOf(address: string): string | undefined {
  try {
    const { protocol, host } = new URL(address);
    if (protocol !== 'http:' && protocol !== 'https:') return undefined;
    return host.replace(/^www\./, '').toLowerCase();
  } catch {
    return undefined;
  }
}

/** Whether Watchwords runs on a site under these settings. */
export function isActiveOn(settings: Settings, site: string | undefined): boolean {
  if (!site) return false;
  if (settings.sites.paused.includes(site)) return false;
  return settings.sites.mode === 'everywhere' || settings.sites.allowed.includes(site);
}

/** "Not this": a phrase the reader marked as a false highlight of an entity on one site. */
export interface Dismissal {
  site: string;
  /** The mention's text, lower-cased and with single spaces. */
  phrase: string;
  entityId: string;
  at: string;
}

export function dismissalPhrase(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

export function isDismissed(dismissals: readonly Dismissal[], site: string, text: string, entityId: string): boolean {
  const phrase = dismissalPhrase(text);
  return dismissals.some((d) => d.site === site && d.entityId === entityId && d.phrase === phrase);
}
