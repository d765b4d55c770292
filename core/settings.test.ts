import { describe, expect, test } from 'vitest';
import { defaultSettings, dismissalPhrase, isActiveOn, isDismissed, siteOf, type Dismissal, type Settings } from './settings';

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

describe('siteOf', () => {
  test.each([
    ['https://example.com/a/b?c#d', 'example.com'],
    ['http://example.com', 'example.com'],
    ['https://www.example.com/', 'example.com'],
    ['https://WWW.EXAMPLE.COM/Path', 'example.com'],
    ['https://news.example.com/', 'news.example.com'],
    ['https://www.news.example.com/', 'news.example.com'],
    ['https://wwwexample.com/', 'wwwexample.com'],
    ['http://localhost:8080/demo', 'localhost:8080'],
    ['http://127.0.0.1:5173/', '127.0.0.1:5173'],
    ['https://example.com:443/', 'example.com'],
    ['http://example.com:80/', 'example.com'],
    ['https://user:secret@example.com/', 'example.com'],
  ])('%s → %s', (address, site) => {
    expect(siteOf(address)).toBe(site);
  });

  test.each(['file:///home/reader/article.html', 'chrome-extension://abc/options.html', 'about:blank', 'data:text/html,hi', 'ftp://example.com/', 'not a url', ''])(
    'no site for %j',
    (address) => {
      expect(siteOf(address)).toBeUndefined();
    },
  );
});

describe('dismissals', () => {
  const dismissals: Dismissal[] = [
    { site: 'example.com', phrase: 'ice', entityId: 'us-ice', at: '2025-01-01T00:00:00.000Z' },
    { site: 'example.com', phrase: 'section 702', entityId: 'fisa-section-702', at: '2025-01-01T00:00:00.000Z' },
  ];

  test('dismissalPhrase lower-cases and collapses white space', () => {
    expect(dismissalPhrase('  Section\n\t 702 ')).toBe('section 702');
    expect(dismissalPhrase('ICE')).toBe('ice');
    expect(dismissalPhrase('Clearview\u00a0AI')).toBe('clearview ai');
  });

  test('isDismissed matches site, entity and phrase however the text is written', () => {
    expect(isDismissed(dismissals, 'example.com', 'ICE', 'us-ice')).toBe(true);
    expect(isDismissed(dismissals, 'example.com', 'Section  702', 'fisa-section-702')).toBe(true);
    expect(isDismissed(dismissals, 'example.com', 'Section\n702', 'fisa-section-702')).toBe(true);
  });

  test('isDismissed is per site, per entity and per phrase', () => {
    expect(isDismissed(dismissals, 'example.org', 'ICE', 'us-ice')).toBe(false);
    expect(isDismissed(dismissals, 'example.com', 'ICE', 'other-entity')).toBe(false);
    expect(isDismissed(dismissals, 'example.com', 'Immigration and Customs Enforcement', 'us-ice')).toBe(false);
    expect(isDismissed([], 'example.com', 'ICE', 'us-ice')).toBe(false);
  });
});
