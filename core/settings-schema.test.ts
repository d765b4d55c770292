import { describe, expect, test } from 'vitest';
import { kinds } from './dataset/kinds';
import { defaultSettings } from './settings';
import { dismissalSchema, readSettings, settingsSchema } from './settings-schema';

const site = dismissalSchema.shape.site;

describe('readSettings', () => {
  test('gives the defaults for nothing stored', () => {
    expect(readSettings(undefined)).toEqual(defaultSettings);
    expect(readSettings(null)).toEqual(defaultSettings);
    expect(readSettings({})).toEqual(defaultSettings);
  });

  test('gives the defaults for a stored value that is not an object', () => {
    expect(readSettings('underline')).toEqual(defaultSettings);
    expect(readSettings(42)).toEqual(defaultSettings);
    expect(readSettings([1, 2])).toEqual(defaultSettings);
  });

  test('keeps valid settings as they are', () => {
    const settings = {
      enabledKinds: { ...defaultSettings.enabledKinds, case: false, vendor: false },
      hoverDelayMs: 500,
      highlightStyle: 'background',
      highlightMethod: 'wrap',
      sites: { mode: 'only-allowed', allowed: ['example.com', 'localhost:8080'], paused: ['news.example.org'] },
    } as const;
    expect(readSettings(settings)).toEqual(settings);
  });

  test('completes missing fields and missing kinds with defaults', () => {
    expect(readSettings({ enabledKinds: { tool: false }, sites: { paused: ['example.com'] } })).toEqual({
      ...defaultSettings,
      enabledKinds: { ...defaultSettings.enabledKinds, tool: false },
      sites: { mode: 'everywhere', allowed: [], paused: ['example.com'] },
    });
  });

  test('repairs invalid fields one by one and keeps the valid ones', () => {
    expect(readSettings({ hoverDelayMs: 5000, highlightStyle: 'background' })).toEqual({ ...defaultSettings, highlightStyle: 'background' });
    expect(readSettings({ hoverDelayMs: -1, highlightMethod: 'wrap' })).toEqual({ ...defaultSettings, highlightMethod: 'wrap' });
    expect(readSettings({ hoverDelayMs: 250.5 }).hoverDelayMs).toBe(defaultSettings.hoverDelayMs);
    expect(readSettings({ hoverDelayMs: '500' }).hoverDelayMs).toBe(defaultSettings.hoverDelayMs);
    expect(readSettings({ highlightStyle: 'blink', hoverDelayMs: 0 })).toEqual({ ...defaultSettings, hoverDelayMs: 0 });
    expect(readSettings({ highlightMethod: 42, hoverDelayMs: 3000 })).toEqual({ ...defaultSettings, hoverDelayMs: 3000 });
    expect(readSettings({ enabledKinds: { tool: 'no' }, hoverDelayMs: 100 })).toEqual({ ...defaultSettings, hoverDelayMs: 100 });
    expect(readSettings({ sites: { mode: 'nowhere', paused: ['example.com'] }, hoverDelayMs: 100 })).toEqual({ ...defaultSettings, hoverDelayMs: 100 });
    expect(readSettings({ sites: { allowed: ['not a site'] }, highlightStyle: 'background' })).toEqual({ ...defaultSettings, highlightStyle: 'background' });
  });

  test('drops unknown fields', () => {
    expect(readSettings({ theme: 'dark', hoverDelayMs: 100 })).toEqual({ ...defaultSettings, hoverDelayMs: 100 });
    expect(readSettings({ enabledKinds: { tool: false, gadget: true } }).enabledKinds).toEqual({ ...defaultSettings.enabledKinds, tool: false });
  });

  test('normalises sites: trimmed, lower case, without "www."', () => {
    expect(readSettings({ sites: { allowed: [' Example.COM ', 'WWW.News.Example.org'], paused: ['www.localhost:8080'] } }).sites).toEqual({
      mode: 'everywhere',
      allowed: ['example.com', 'news.example.org'],
      paused: ['localhost:8080'],
    });
  });

  test('gives every kind a boolean', () => {
    expect(Object.keys(readSettings({}).enabledKinds).sort()).toEqual([...kinds].sort());
  });

  test('the parsed defaults are the defaults', () => {
    expect(settingsSchema.parse({})).toEqual(defaultSettings);
  });
});

describe('the site rule', () => {
  test.each([
    ['example.com', 'example.com'],
    ['Example.COM', 'example.com'],
    ['  www.example.com  ', 'example.com'],
    ['sub-domain.example.co.uk', 'sub-domain.example.co.uk'],
    ['localhost', 'localhost'],
    ['127.0.0.1:8080', '127.0.0.1:8080'],
    ['www', 'www'],
    ['wwwexample.com', 'wwwexample.com'],
  ])('accepts %j as %j', (input, expected) => {
    expect(site.parse(input)).toBe(expected);
  });

  test.each([
    '', ' ', 'http://example.com', 'example.com/path', 'exa mple.com', 'user@example.com', 'example.com:', 'example.com:port',
    'example.com:123456', '.', '..', '-', 'a..b', '.example.com', 'example.com.', 'www.', '-example.com', 'example-.com', 'exämple.com',
    '*.example.com',
  ])('rejects %j', (input) => {
    const result = site.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('a site is a host name such as example.com');
  });
});

describe('dismissalSchema', () => {
  const dismissal = { site: 'example.com', phrase: 'clearview', entityId: 'clearview-ai', at: '2025-01-02T03:04:05.000Z' };

  test('accepts a dismissal and normalises its site', () => {
    expect(dismissalSchema.parse(dismissal)).toEqual(dismissal);
    expect(dismissalSchema.parse({ ...dismissal, site: 'WWW.Example.com' }).site).toBe('example.com');
  });

  test('rejects missing or invalid fields', () => {
    const { at: _, ...withoutDate } = dismissal;
    for (const bad of [
      withoutDate,
      { ...dismissal, site: 'not a site' },
      { ...dismissal, phrase: '' },
      { ...dismissal, phrase: 'x'.repeat(201) },
      { ...dismissal, entityId: '' },
      { ...dismissal, at: 'yesterday' },
      { ...dismissal, at: 1735787045000 },
    ]) {
      expect(dismissalSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  test('accepts a 200-character phrase', () => {
    expect(dismissalSchema.safeParse({ ...dismissal, phrase: 'x'.repeat(200) }).success).toBe(true);
  });
});
