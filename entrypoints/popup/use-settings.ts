import { useCallback, useEffect, useState } from 'react';
import { defaultSettings, type Settings } from '../../core/settings/model';
import { applyChange, type SettingsChange } from '../../core/settings/schema';
import { askBackground } from '../../lib/messaging';
import { loadSettings, watchSettings } from '../../lib/settings';

/**
 * The reader's settings, live, and `change`, which asks the settings owner (the background) to apply a change to
 * the settings as they are then, and shows what it stored.
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
  const change = useCallback(async (change: SettingsChange) => {
    // Shown at once; the owner's answer follows.
    setSettings((shown) => shown && applyChange(shown, change, { now: new Date(), newId: () => crypto.randomUUID(), defaults: defaultSettings }));
    const { settings: stored } = await askBackground({ type: 'settings.change', change });
    setSettings(stored);
  }, []);
  return { settings, change };
}
