import { describe, expect, test } from 'vitest';
import { defaultSettings, type Settings } from './model';
import { applyChange, settingsChangeSchema, settingsProblem, type SettingsChange } from './schema';

let ids = 0;
const context = { now: new Date('2026-12-01T10:00:00.000Z'), newId: () => `id${++ids}`, defaults: defaultSettings };
const apply = (settings: Settings, change: SettingsChange) => applyChange(settings, settingsChangeSchema.parse(change), context);

describe('changes other parts of Watchwords ask for', () => {
  test('set: only the fields named change', () => {
    const next = apply(defaultSettings, { op: 'set', hoverDelayMs: 800, enabledKinds: { case: false } });
    expect(next).toEqual({ ...defaultSettings, hoverDelayMs: 800, enabledKinds: { ...defaultSettings.enabledKinds, case: false } });
    expect(apply(next, { op: 'set', sitesMode: 'only-allowed' }).sites.mode).toBe('only-allowed');
  });

  test('pausing and resuming a site keeps the other sites (an IPv6 host included)', () => {
    const start = { ...defaultSettings, sites: { mode: 'everywhere' as const, allowed: ['a.example'], paused: ['b.example'] } };
    const paused = apply(start, { op: 'site', list: 'paused', site: '[::1]:8080', present: true });
    expect(paused.sites).toEqual({ mode: 'everywhere', allowed: ['a.example'], paused: ['b.example', '[::1]:8080'] });
    expect(settingsProblem(paused)).toBeUndefined();
    expect(apply(paused, { op: 'site', list: 'paused', site: '[::1]:8080', present: false }).sites).toEqual(start.sites);
  });

  test('a change that is not a valid change is refused before it is applied', () => {
    for (const bad of [
      { op: 'site', list: 'paused', site: 'not a site', present: true },
      { op: 'set', hoverDelayMs: 99999 },
      { op: 'set', theme: 'dark' },
      { op: 'dismiss', entityId: 'ice', entityName: 'ICE', text: '', site: 'example.com' },
      { op: 'explode' },
    ]) {
      expect(settingsChangeSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  test('"Not this" on a page, then for the whole site, then undone', () => {
    const once = apply(defaultSettings, { op: 'dismiss', entityId: 'ice', entityName: 'ICE', text: ' ICE ', site: 'hockey.example', page: 'https://hockey.example/a' });
    expect(once.dismissals).toEqual([
      { id: `id${ids}`, entityId: 'ice', entityName: 'ICE', phrase: 'ice', site: 'hockey.example', page: 'https://hockey.example/a', at: '2026-12-01T10:00:00.000Z' },
    ]);
    // The same again changes nothing.
    expect(apply(once, { op: 'dismiss', entityId: 'ice', entityName: 'ICE', text: 'ice', site: 'hockey.example', page: 'https://hockey.example/a' })).toBe(once);
    const twice = apply(once, { op: 'dismiss', entityId: 'ice', entityName: 'ICE', text: 'ICE', site: 'hockey.example', page: 'https://hockey.example/b' });
    const wide = apply(twice, { op: 'widenDismissal', id: once.dismissals[0]!.id });
    expect(wide.dismissals).toHaveLength(1);
    expect(wide.dismissals[0]!.page).toBeUndefined();
    expect(apply(wide, { op: 'undismiss', ids: [wide.dismissals[0]!.id] }).dismissals).toEqual([]);
  });

  test('reset restores the defaults but keeps the "Not this" choices; clearing them is its own change', () => {
    const changed = apply(apply(defaultSettings, { op: 'set', hoverDelayMs: 100 }), { op: 'dismiss', entityId: 'ice', entityName: 'ICE', text: 'ICE', site: 'a.example' });
    const reset = apply(changed, { op: 'reset' });
    expect({ ...reset, dismissals: [] }).toEqual(defaultSettings);
    expect(reset.dismissals).toHaveLength(1);
    expect(apply(reset, { op: 'clearDismissals' })).toEqual(defaultSettings);
  });
});

describe('settingsProblem', () => {
  test('names the first invalid field', () => {
    expect(settingsProblem(defaultSettings)).toBeUndefined();
    expect(settingsProblem({ ...defaultSettings, sites: { ...defaultSettings.sites, paused: ['bad site'] } })).toMatch(/^sites\.paused\.0: /);
  });
});
