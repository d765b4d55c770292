import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings, settingsVersion } from '../core/settings/model';
import { loadSettings, watchSettings } from './settings';
import { createSettingsOwner, SettingsRefused } from './settings-owner';

beforeEach(() => fakeBrowser.reset());
const stored = () => fakeBrowser.storage.local.get(null);

describe('the settings owner', () => {
  test('migrates what an older version stored, keeps every choice, and removes the old keys', async () => {
    await fakeBrowser.storage.local.set(JSON.parse(readFileSync('tests/fixtures/settings/v1.json', 'utf8')));
    await createSettingsOwner().migrate();
    const after = await stored();
    expect(Object.keys(after)).toEqual(['settings']);
    expect((after.settings as { version: number }).version).toBe(settingsVersion);
    const settings = await loadSettings();
    expect(settings.sites.paused).toEqual(['paused.example', 'localhost:8080']);
    expect(settings.dismissals.map((d) => d.phrase)).toEqual(['ice']);
  });

  test('pausing an IPv6 site, then changing something else, keeps both site lists (a reader once lost them)', async () => {
    const owner = createSettingsOwner();
    await owner.apply({ op: 'site', list: 'allowed', site: 'allowed.example', present: true });
    await owner.apply({ op: 'site', list: 'paused', site: '[::1]:8080', present: true });
    await owner.apply({ op: 'set', hoverDelayMs: 700 });
    await owner.apply({ op: 'set', enabledKinds: { tool: false } });
    const settings = await loadSettings();
    expect(settings.sites).toEqual({ mode: 'everywhere', allowed: ['allowed.example'], paused: ['[::1]:8080'] });
    expect(settings.hoverDelayMs).toBe(700);
  });

  test('writes one at a time: concurrent changes all land', async () => {
    const owner = createSettingsOwner();
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((name) => owner.apply({ op: 'site', list: 'paused', site: `${name}.example`, present: true })));
    expect((await loadSettings()).sites.paused.sort()).toEqual(['a.example', 'b.example', 'c.example', 'd.example', 'e.example']);
  });

  test('validates before it writes: an invalid result is refused and nothing is stored', async () => {
    const owner = createSettingsOwner();
    await owner.apply({ op: 'set', hoverDelayMs: 900 });
    const before = await stored();
    await expect(owner.update((current) => ({ ...current, hoverDelayMs: -5 }))).rejects.toBeInstanceOf(SettingsRefused);
    await expect(owner.update((current) => ({ ...current, sites: { ...current.sites, paused: ['not a site'] } }))).rejects.toThrow(/sites\.paused\.0/);
    expect(await stored()).toEqual(before);
  });

  test('a refused write does not block the ones after it', async () => {
    const owner = createSettingsOwner();
    await owner.update((current) => ({ ...current, hoverDelayMs: -1 })).catch(() => undefined);
    await owner.apply({ op: 'set', showBadge: false });
    expect((await loadSettings()).showBadge).toBe(false);
  });

  test('readers see every change, complete', async () => {
    const seen: number[] = [];
    const stop = watchSettings((settings) => seen.push(settings.hoverDelayMs));
    await createSettingsOwner().apply({ op: 'set', hoverDelayMs: 450 });
    stop();
    expect(seen).toEqual([450]);
    expect(await loadSettings()).toEqual({ ...defaultSettings, hoverDelayMs: 450 });
  });
});
