import { browser } from 'wxt/browser';
import type { Settings } from '../core/settings/model';
import { readSettings, settingsStorageKeys, type StoredSettings } from '../core/settings/read';

/**
 * The one home of the reader's settings (they live in the extension's storage.local, never the page's storage).
 * Everyone reads them with `loadSettings`/`watchSettings` (free of zod: the content script reads them too);
 * only the owner in the background writes them (settings-owner.ts). Other parts ask it for a change with the
 * `settings.change` message (core/protocol/background.ts).
 */

export type StorageArea = Pick<typeof browser.storage.local, 'get' | 'set' | 'remove'>;

export async function readStored(area: StorageArea): Promise<StoredSettings> {
  return (await (area.get as (keys: string[]) => Promise<unknown>)([...settingsStorageKeys])) as StoredSettings;
}

/** The settings as stored now, migrated and completed with defaults. */
export async function loadSettings(area: StorageArea = browser.storage.local): Promise<Settings> {
  return readSettings(await readStored(area));
}

/** Calls `listener` with the complete settings whenever they change; returns the unsubscribe function. */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !('settings' in changes)) return;
    listener(readSettings({ settings: changes.settings!.newValue }));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
