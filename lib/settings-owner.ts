import { browser } from 'wxt/browser';
import { Refusal } from '../core/protocol/route';
import { defaultSettings, sameSettings, settingsVersion, type Settings } from '../core/settings/model';
import { readSettings, settingsStorageKeys, storedVersion, type StoredSettings } from '../core/settings/read';
import { applyChange, settingsProblem, type SettingsChange } from '../core/settings/schema';
import { readStored, type StorageArea } from './settings';

/**
 * The single writer of the reader's settings, created once by the background: `update(fn)` applies `fn` to the
 * settings as they are at that moment, validates the result before it writes, and runs writes one at a time so
 * none is lost; `apply` does the same for a change another part asked for; `migrate` brings an older version's
 * settings up to date.
 */
export class SettingsRefused extends Refusal {}

/** The single writer (the background creates one). */
export function createSettingsOwner(area: StorageArea = browser.storage.local, clock: { now(): Date; newId(): string } = { now: () => new Date(), newId: () => crypto.randomUUID() }) {
  let queue: Promise<unknown> = Promise.resolve();
  /** Runs writes one at a time, each on the settings the previous one left. */
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  const write = async (stored: StoredSettings, next: Settings) => {
    const problem = settingsProblem(next);
    if (problem) throw new SettingsRefused(`Watchwords did not save that setting (${problem}).`);
    await area.set({ settings: { ...next, version: settingsVersion } });
    // What older versions kept beside the settings is now inside them.
    const leftovers = settingsStorageKeys.filter((key) => key !== 'settings' && key in stored);
    if (leftovers.length) await area.remove(leftovers);
  };

  /** Applies `change` to the settings as they are now; validates before writing; returns what was stored. */
  const update = (change: (current: Settings) => Settings): Promise<Settings> =>
    serial(async () => {
      const stored = await readStored(area);
      const current = readSettings(stored);
      const next = change(current);
      if (!sameSettings(next, current) || storedVersion(stored.settings) !== settingsVersion || !('settings' in stored)) {
        await write(stored, next);
      }
      return next;
    });

  return {
    update,
    /** A change asked for by another part of Watchwords (validated by the message schema). */
    apply: (change: SettingsChange) => update((current) => applyChange(current, change, { now: clock.now(), newId: clock.newId, defaults: defaultSettings })),
    /** Brings stored settings of an older version up to date (at start and after an update of Watchwords). */
    migrate: () => update((current) => current),
  };
}
export type SettingsOwner = ReturnType<typeof createSettingsOwner>;
