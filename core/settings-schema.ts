import { z } from 'zod';
import { kinds, type Kind } from './dataset/kinds';
import { defaultSettings, type Dismissal, type Settings } from './settings';

const site = z
  .string()
  .trim()
  .toLowerCase()
  // Dot-separated labels of letters, digits and inner hyphens, and an optional port: no empty label (so "www.",
  // "." and "a..b" are not sites).
  .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/, 'a site is a host name such as example.com')
  .transform((value) => value.replace(/^www\./, ''));

export const settingsSchema = z.object({
  enabledKinds: z
    .object(Object.fromEntries(kinds.map((kind) => [kind, z.boolean().default(true)])) as Record<Kind, z.ZodDefault<z.ZodBoolean>>)
    .prefault({}),
  hoverDelayMs: z.int().min(0).max(3000).default(defaultSettings.hoverDelayMs),
  highlightStyle: z.enum(['underline', 'background']).default(defaultSettings.highlightStyle),
  highlightMethod: z.enum(['auto', 'wrap']).default(defaultSettings.highlightMethod),
  sites: z
    .object({
      mode: z.enum(['everywhere', 'only-allowed']).default('everywhere'),
      allowed: z.array(site).default([]),
      paused: z.array(site).default([]),
    })
    .prefault({}),
}) satisfies z.ZodType<Settings, unknown>;

/** Reads stored settings leniently: anything missing or invalid falls back to its default, field by field. */
export function readSettings(stored: unknown): Settings {
  const parsed = settingsSchema.safeParse(stored ?? {});
  if (parsed.success) return parsed.data;
  const repaired: Record<string, unknown> = {};
  for (const [key, value] of Object.entries((typeof stored === 'object' && stored) || {})) {
    if (settingsSchema.shape[key as keyof Settings]?.safeParse(value).success) repaired[key] = value;
  }
  return settingsSchema.parse(repaired);
}

export const dismissalSchema = z.object({
  site,
  phrase: z.string().min(1).max(200),
  entityId: z.string().min(1),
  at: z.iso.datetime(),
}) satisfies z.ZodType<Dismissal, unknown>;
