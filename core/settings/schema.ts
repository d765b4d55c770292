import { z } from 'zod';
import { kinds, type Kind } from '../dataset/kinds';
import { sitePattern } from '../site';
import { dismissalPhrase, settingsVersion, type Dismissal, type Settings } from './model';
import { maxDismissals, maxSites } from './read';

/** Validation of what the settings owner writes (lib/settings.ts), and of the changes other parts ask it for. */

const site = z.string().regex(sitePattern, 'a site is a host name such as example.com');
const timestamp = z.iso.datetime();

export const dismissalSchema = z
  .object({
    id: z.string().min(1).max(600),
    entityId: z.string().min(1).max(200),
    entityName: z.string().min(1).max(300),
    phrase: z.string().min(1).max(200),
    site,
    page: z.string().min(1).max(8000).optional(),
    at: timestamp,
  })
  .strict() satisfies z.ZodType<Dismissal, unknown>;

const kindSwitches = z.object(Object.fromEntries(kinds.map((kind) => [kind, z.boolean()])) as Record<Kind, z.ZodBoolean>).strict();

export const settingsSchema = z
  .object({
    enabledKinds: kindSwitches,
    hoverDelayMs: z.int().min(0).max(3000),
    highlightStyle: z.enum(['underline', 'background']),
    highlightMethod: z.enum(['auto', 'wrap']),
    sites: z.object({ mode: z.enum(['everywhere', 'only-allowed']), allowed: z.array(site).max(maxSites), paused: z.array(site).max(maxSites) }).strict(),
    showBadge: z.boolean(),
    dismissals: z.array(dismissalSchema).max(maxDismissals),
  })
  .strict() satisfies z.ZodType<Settings, unknown>;

/** What is stored under `settings`: the settings and their version. */
export const storedSettingsSchema = settingsSchema.extend({ version: z.literal(settingsVersion) });

/** A change another part of Watchwords asks the owner for; the owner applies it to the settings as they are then. */
export const settingsChangeSchema = z.discriminatedUnion('op', [
  z
    .object({
      op: z.literal('set'),
      enabledKinds: kindSwitches.partial().optional(),
      hoverDelayMs: settingsSchema.shape.hoverDelayMs.optional(),
      highlightStyle: settingsSchema.shape.highlightStyle.optional(),
      highlightMethod: settingsSchema.shape.highlightMethod.optional(),
      sitesMode: settingsSchema.shape.sites.shape.mode.optional(),
      showBadge: z.boolean().optional(),
    })
    .strict(),
  /** Adds a site to, or removes it from, the paused or allowed list. */
  z.object({ op: z.literal('site'), list: z.enum(['paused', 'allowed']), site, present: z.boolean() }).strict(),
  z
    .object({
      op: z.literal('dismiss'),
      entityId: z.string().min(1).max(200),
      entityName: z.string().min(1).max(300),
      /** The mention's text as the page shows it. */
      text: z.string().min(1).max(200),
      site,
      page: z.string().min(1).max(8000).optional(),
    })
    .strict(),
  z.object({ op: z.literal('undismiss'), ids: z.array(z.string().min(1).max(600)).min(1).max(maxDismissals) }).strict(),
  /** A "Not this" on one page applies to the whole site from now on. */
  z.object({ op: z.literal('widenDismissal'), id: z.string().min(1).max(600) }).strict(),
  z.object({ op: z.literal('clearDismissals') }).strict(),
  z.object({ op: z.literal('reset') }).strict(),
]);
export type SettingsChange = z.infer<typeof settingsChangeSchema>;

/**
 * The settings after a change (pure). A dismissal gets `newId`; dismissing what is already dismissed, or pausing
 * a paused site, changes nothing.
 */
export function applyChange(settings: Settings, change: SettingsChange, context: { now: Date; newId: () => string; defaults: Settings }): Settings {
  switch (change.op) {
    case 'set': {
      const { op: _, enabledKinds, sitesMode, ...rest } = change;
      const fields = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
      return {
        ...settings,
        ...fields,
        enabledKinds: { ...settings.enabledKinds, ...enabledKinds },
        sites: sitesMode ? { ...settings.sites, mode: sitesMode } : settings.sites,
      };
    }
    case 'site': {
      const others = settings.sites[change.list].filter((s) => s !== change.site);
      return { ...settings, sites: { ...settings.sites, [change.list]: change.present ? [...others, change.site] : others } };
    }
    case 'dismiss': {
      const phrase = dismissalPhrase(change.text);
      const same = (d: Dismissal) => d.entityId === change.entityId && d.phrase === phrase && d.site === change.site;
      if (settings.dismissals.some((d) => same(d) && (d.page === undefined || d.page === change.page))) return settings;
      const dismissal: Dismissal = {
        id: context.newId(),
        entityId: change.entityId,
        entityName: change.entityName,
        phrase,
        site: change.site,
        ...(change.page !== undefined && { page: change.page }),
        at: context.now.toISOString(),
      };
      return { ...settings, dismissals: [...settings.dismissals, dismissal] };
    }
    case 'undismiss': {
      const ids = new Set(change.ids);
      return { ...settings, dismissals: settings.dismissals.filter((d) => !ids.has(d.id)) };
    }
    case 'widenDismissal': {
      const widened = settings.dismissals.find((d) => d.id === change.id);
      if (!widened || widened.page === undefined) return settings;
      const { page: _, ...siteWide } = widened;
      // The site-wide choice replaces every page choice for the same phrase and entity on the site.
      const rest = settings.dismissals.filter((d) => !(d.entityId === widened.entityId && d.phrase === widened.phrase && d.site === widened.site));
      return { ...settings, dismissals: [...rest, siteWide] };
    }
    case 'clearDismissals':
      return { ...settings, dismissals: [] };
    case 'reset':
      return { ...context.defaults, dismissals: settings.dismissals };
  }
}

/** The first reason a settings object would not be stored, in words; undefined when it is valid. */
export function settingsProblem(settings: Settings): string | undefined {
  const parsed = settingsSchema.safeParse(settings);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0]!;
  return `${issue.path.join('.') || 'settings'}: ${issue.message}`;
}
