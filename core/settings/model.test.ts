import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { siteOf } from '../site';
import { defaultSettings, dismissalPhrase, isActiveOn, isDismissed, settingsChange, type Dismissal, type Settings } from './model';
import { readSettings } from './read';

const withSites = (sites: Partial<Settings['sites']>): Settings => ({ ...defaultSettings, sites: { ...defaultSettings.sites, ...sites } });

describe('isActiveOn', () => {
  test('everywhere: every site', () => {
    expect(isActiveOn(defaultSettings, 'example.com')).toBe(true);
    expect(isActiveOn(defaultSettings, 'localhost:8080')).toBe(true);
  });

  test('everywhere: except paused sites', () => {
    const settings = withSites({ paused: ['example.com'] });
    expect(isActiveOn(settings, 'example.com')).toBe(false);
    expect(isActiveOn(settings, 'news.example.com')).toBe(true);
    expect(isActiveOn(settings, 'example.org')).toBe(true);
  });

  test('everywhere: the allowed list does not matter', () => {
    expect(isActiveOn(withSites({ allowed: ['example.org'] }), 'example.com')).toBe(true);
  });

  test('only on allowed sites', () => {
    const settings = withSites({ mode: 'only-allowed', allowed: ['example.com'] });
    expect(isActiveOn(settings, 'example.com')).toBe(true);
    expect(isActiveOn(settings, 'example.org')).toBe(false);
    expect(isActiveOn(settings, 'news.example.com')).toBe(false);
  });

  test('only on allowed sites, with none allowed: nowhere', () => {
    expect(isActiveOn(withSites({ mode: 'only-allowed' }), 'example.com')).toBe(false);
  });

  test('a paused site stays paused even when allowed', () => {
    expect(isActiveOn(withSites({ mode: 'only-allowed', allowed: ['example.com'], paused: ['example.com'] }), 'example.com')).toBe(false);
  });

  test('never without a site', () => {
    expect(isActiveOn(defaultSettings, undefined)).toBe(false);
    expect(isActiveOn(defaultSettings, '')).toBe(false);
  });

  test('with siteOf: www. and case do not matter', () => {
    const settings = withSites({ paused: ['example.com'] });
    expect(isActiveOn(settings, siteOf('https://WWW.Example.com/news?id=1'))).toBe(false);
    expect(isActiveOn(settings, siteOf('chrome://extensions'))).toBe(false);
  });
});

describe('dismissals', () => {
  const at = '2025-01-01T00:00:00.000Z';
  const dismissals: Dismissal[] = [
    { id: '1', site: 'example.com', phrase: 'ice', entityId: 'ice', entityName: 'ICE', at },
    { id: '2', site: 'example.com', phrase: 'section 702', entityId: 'fisa-section-702', entityName: 'FISA Section 702', at },
    { id: '3', site: 'news.example', page: 'https://news.example/hockey', phrase: 'ice', entityId: 'ice', entityName: 'ICE', at },
  ];
  const onSite = { site: 'example.com', page: 'https://example.com/any' };

  test('dismissalPhrase lower-cases and collapses white space', () => {
    expect(dismissalPhrase('  Section\n\t 702 ')).toBe('section 702');
    expect(dismissalPhrase('ICE')).toBe('ice');
    expect(dismissalPhrase('Clearview\u00a0AI')).toBe('clearview ai');
  });

  test('a site-wide choice matches site, entity and phrase however the text is written, on any page', () => {
    expect(isDismissed(dismissals, onSite, 'ICE', 'ice')).toBe(true);
    expect(isDismissed(dismissals, { site: 'example.com' }, 'Section  702', 'fisa-section-702')).toBe(true);
    expect(isDismissed(dismissals, onSite, 'Section\n702', 'fisa-section-702')).toBe(true);
  });

  test('a page choice holds on that page only', () => {
    expect(isDismissed(dismissals, { site: 'news.example', page: 'https://news.example/hockey' }, 'ICE', 'ice')).toBe(true);
    expect(isDismissed(dismissals, { site: 'news.example', page: 'https://news.example/raids' }, 'ICE', 'ice')).toBe(false);
  });

  test('it is per site, per entity and per phrase', () => {
    expect(isDismissed(dismissals, { site: 'example.org' }, 'ICE', 'ice')).toBe(false);
    expect(isDismissed(dismissals, onSite, 'ICE', 'other-entity')).toBe(false);
    expect(isDismissed(dismissals, onSite, 'Immigration and Customs Enforcement', 'ice')).toBe(false);
    expect(isDismissed([], onSite, 'ICE', 'ice')).toBe(false);
  });
});

describe('settingsChange', () => {
  const dismissal = (id: string, phrase = 'gotham'): Dismissal => ({ id, entityId: 'palantir-gotham', entityName: 'Gotham', phrase, site: 'example.com', at: '2026-12-05T00:00:00.000Z' });
  const reversed = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).reverse()) as T;

  test('the same settings written again are no change, whatever their keys\' order', () => {
    expect(settingsChange(defaultSettings, { ...defaultSettings })).toBe('none');
    // What the background's migration writes on a fresh install, read back as the content script reads it.
    expect(settingsChange(readSettings({}), readSettings({ settings: { ...defaultSettings, version: 2 } }))).toBe('none');
    const withOne = { ...defaultSettings, dismissals: [dismissal('a')] };
    expect(settingsChange(withOne, { ...reversed(withOne), sites: reversed(withOne.sites), dismissals: [reversed(dismissal('a'))] })).toBe('none');
  });

  test('only new "Not this" choices', () => {
    const before = { ...defaultSettings, dismissals: [dismissal('a')] };
    expect(settingsChange(before, { ...before, dismissals: [dismissal('a'), dismissal('b', 'stingray')] })).toBe('dismissals-added');
    expect(settingsChange(defaultSettings, { ...defaultSettings, dismissals: [dismissal('a')] })).toBe('dismissals-added');
  });

  test('anything else starts again', () => {
    const before = { ...defaultSettings, dismissals: [dismissal('a')] };
    expect(settingsChange(before, defaultSettings)).toBe('other'); // a choice undone
    expect(settingsChange(before, { ...before, dismissals: [dismissal('b')] })).toBe('other'); // one replaced
    expect(settingsChange(before, { ...before, dismissals: [dismissal('a'), dismissal('b')], showBadge: false })).toBe('other');
    expect(settingsChange(defaultSettings, { ...defaultSettings, hoverDelayMs: 301 })).toBe('other');
    expect(settingsChange(defaultSettings, { ...defaultSettings, sites: { ...defaultSettings.sites, paused: ['example.com'] } })).toBe('other');
    expect(settingsChange(defaultSettings, { ...defaultSettings, enabledKinds: { ...defaultSettings.enabledKinds, bill: false } })).toBe('other');
  });

  test('property: "none" exactly when the settings read back alike', () => {
    const settings = fc.record({
      hoverDelayMs: fc.integer({ min: 0, max: 3000 }),
      showBadge: fc.boolean(),
      highlightStyle: fc.constantFrom('underline' as const, 'background' as const),
      paused: fc.uniqueArray(fc.constantFrom('a.com', 'b.org', 'c.net'), { maxLength: 3 }),
      dismissals: fc.uniqueArray(fc.constantFrom('x', 'y', 'z'), { maxLength: 3 }),
    }).map(({ paused, dismissals, ...rest }): Settings => ({ ...defaultSettings, ...rest, sites: { ...defaultSettings.sites, paused }, dismissals: dismissals.map((id) => dismissal(id)) }));
    fc.assert(
      fc.property(settings, settings, (a, b) => {
        const alike = JSON.stringify(a) === JSON.stringify(b);
        expect(settingsChange(a, b) === 'none').toBe(alike);
        expect(settingsChange(a, JSON.parse(JSON.stringify(a)))).toBe('none');
      }),
    );
  });
});
