import { useCallback, useEffect, useState } from 'react';
import type { Settings } from '../../core/settings';
import { loadSettings, settingsItem, watchSettings } from '../../lib/settings-store';

/**
 * The reader's settings, live, and `update`, which applies a change to the stored settings as they are now (not
 * as this page last saw them) and shows it at once. `change` returns the validated settings, or undefined for none.
 */
export function useSettings() {
  const [settings, setSettings] = useState<Settings>();
  useEffect(() => {
    let live = true;
    void loadSettings().then((loaded) => live && setSettings(loaded));
    const unwatch = watchSettings((changed) => live && setSettings(changed));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  const update = useCallback(async (change: (current: Settings) => Settings | undefined) => {
    const next = change(await loadSettings());
    if (!next) return;
    setSettings(next);
    await settingsItem.setValue(next);
  }, []);
  return { settings, update };
}
