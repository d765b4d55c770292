import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings, type Settings } from '../core/settings';
import { completeSettings, dismissalsItem, loadSettings, settingsItem, watchSettings } from './settings-store';

const changed: Settings = {
  ...defaultSettings,
  enabledKinds: { ...defaultSettings.enabledKinds, case: false },
  hoverDelayMs: 500,
  highlightStyle: 'background',
  sites: { mode: 'everywhere', allowed: [], paused: ['example.com'] },
};

beforeEach(() => {
  fakeBrowser.reset();
});

describe('loading settings', () => {
  test('falls back to the defaults when nothing is stored', async () => {
    expect(await settingsItem.getValue()).toEqual(defaultSettings);
    expect(await loadSettings()).toEqual(defaultSettings);
  });

  test('reads what was saved, from storage.local under "settings"', async () => {
    await settingsItem.setValue(changed);
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({ settings: changed });
    expect(await loadSettings()).toEqual(changed);
  });

  test('completes a partial stored object (an older shape) with defaults', async () => {
    await fakeBrowser.storage.local.set({ settings: { hoverDelayMs: 800, enabledKinds: { tool: false }, sites: { paused: ['example.com'] } } });
    expect(await loadSettings()).toEqual({
      ...defaultSettings,
      hoverDelayMs: 800,
      enabledKinds: { ...defaultSettings.enabledKinds, tool: false },
      sites: { mode: 'everywhere', allowed: [], paused: ['example.com'] },
    });
  });

  test('a stored object from before highlightMethod and the site lists', async () => {
    await fakeBrowser.storage.local.set({ settings: { enabledKinds: defaultSettings.enabledKinds, hoverDelayMs: 300, highlightStyle: 'background' } });
    const settings = await loadSettings();
    expect(settings.highlightMethod).toBe('auto');
    expect(settings.sites).toEqual({ mode: 'everywhere', allowed: [], paused: [] });
    expect(settings.highlightStyle).toBe('background');
  });
});

describe('completeSettings', () => {
  test('defaults for nothing', () => {
    expect(completeSettings(undefined)).toEqual(defaultSettings);
    expect(completeSettings(null)).toEqual(defaultSettings);
    expect(completeSettings({})).toEqual(defaultSettings);
  });

  test('merges kinds and sites field by field', () => {
    expect(completeSettings({ enabledKinds: { law: false } as Settings['enabledKinds'], sites: { mode: 'only-allowed' } as Settings['sites'] })).toEqual({
      ...defaultSettings,
      enabledKinds: { ...defaultSettings.enabledKinds, law: false },
      sites: { mode: 'only-allowed', allowed: [], paused: [] },
    });
  });

  test('keeps a complete object as it is, and leaves the defaults unchanged', () => {
    const before = structuredClone(defaultSettings);
    expect(completeSettings(changed)).toEqual(changed);
    expect(defaultSettings).toEqual(before);
  });
});

describe('watchSettings', () => {
  test('calls the listener with the complete settings on every change', async () => {
    const listener = vi.fn();
    const stop = watchSettings(listener);
    await settingsItem.setValue(changed);
    await vi.waitFor(() => expect(listener).toHaveBeenLastCalledWith(changed));

    // Another part of the extension writing an older, partial shape.
    await fakeBrowser.storage.local.set({ settings: { hoverDelayMs: 1000 } });
    await vi.waitFor(() => expect(listener).toHaveBeenLastCalledWith({ ...defaultSettings, hoverDelayMs: 1000 }));
    stop();
  });

  test('gives the defaults when the settings are removed', async () => {
    await settingsItem.setValue(changed);
    const listener = vi.fn();
    const stop = watchSettings(listener);
    await settingsItem.removeValue();
    await vi.waitFor(() => expect(listener).toHaveBeenCalledWith(defaultSettings));
    stop();
  });

  test('stops after unsubscribing, and ignores other keys', async () => {
    const listener = vi.fn();
    const stop = watchSettings(listener);
    await dismissalsItem.setValue([{ site: 'example.com', phrase: 'ice', entityId: 'us-ice', at: '2025-01-01T00:00:00.000Z' }]);
    stop();
    await settingsItem.setValue(changed);
    await new Promise((done) => setTimeout(done, 20));
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('dismissalsItem', () => {
  test('is an empty list by default, stored under "dismissals"', async () => {
    expect(await dismissalsItem.getValue()).toEqual([]);
    const dismissal = { site: 'example.com', phrase: 'ice', entityId: 'us-ice', at: '2025-01-01T00:00:00.000Z' };
    await dismissalsItem.setValue([dismissal]);
    expect(await fakeBrowser.storage.local.get('dismissals')).toEqual({ dismissals: [dismissal] });
  });
});
