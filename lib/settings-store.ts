import { storage } from 'wxt/utils/storage';
import { defaultSettings, type Dismissal, type Settings } from '../core/settings';

/**
 * Settings and "Not this" choices live in the extension's storage.local (never the page's storage). Each item is
 * versioned: a change of shape bumps `version` and adds a migration from the previous one, with a test.
 */
export const settingsItem = storage.defineItem<Settings>('local:settings', { fallback: defaultSettings, version: 1 });
export const dismissalsItem = storage.defineItem<Dismissal[]>('local:dismissals', { fallback: [], version: 1 });

/** Stored settings completed with defaults for anything missing (settings written by an older version). */
export function completeSettings(stored: Partial<Settings> | null | undefined): Settings {
  return {
    ...defaultSettings,
    ...stored,
    enabledKinds: { ...defaultSettings.enabledKinds, ...stored?.enabledKinds },
    sites: { ...defaultSettings.sites, ...stored?.sites },
  };
}

export async function loadSettings(): Promise<Settings> {
  return completeSettings(await settingsItem.getValue());
}

/** Calls `listener` with the complete settings whenever they change; returns the unsubscribe function. */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  return settingsItem.watch((stored) => listener(completeSettings(stored)));
}
