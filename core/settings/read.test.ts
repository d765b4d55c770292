import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { kinds } from '../dataset/kinds';
import { defaultSettings, settingsVersion, type Settings } from './model';
import { readSettings } from './read';
import { settingsSchema } from './schema';

const fixtures = 'tests/fixtures/settings';
const read = (settings: unknown, dismissals?: unknown) => readSettings({ settings, dismissals });

describe('every version ever stored reads as the current one', () => {
  const files = readdirSync(fixtures).filter((file) => /^v\d+\.json$/.test(file));

  test('there is a fixture for every version up to the current one', () => {
    expect(files.map((file) => Number(file.slice(1, -5))).sort((a, b) => a - b)).toEqual(Array.from({ length: settingsVersion }, (_, i) => i + 1));
  });

  test.each(files)('%s', (file) => {
    const stored = JSON.parse(readFileSync(`${fixtures}/${file}`, 'utf8'));
    const settings = readSettings(stored);
    expect(settingsSchema.safeParse(settings).success).toBe(true);
    expect(settings.hoverDelayMs).toBe(500);
    expect(settings.enabledKinds.program).toBe(false);
    expect(settings.sites.allowed).toEqual(['allowed.example']);
    expect(settings.sites.paused.slice(0, 2)).toEqual(['paused.example', 'localhost:8080']);
    // "Not this" choices survive every migration (an invalid one is dropped on its own).
    expect(settings.dismissals[0]).toMatchObject({ entityId: 'ice', phrase: 'ice', site: 'hockey.example', at: '2026-10-01T12:00:00.000Z' });
    expect(settings.dismissals[0]!.page).toBeUndefined();
  });

  test('version 1 choices become site-wide choices named by their entity id until the options page names them', () => {
    const stored = JSON.parse(readFileSync(`${fixtures}/v1.json`, 'utf8'));
    expect(readSettings(stored).dismissals).toEqual([
      { id: 'v1:hockey.example:ice:ice', entityId: 'ice', entityName: 'ice', phrase: 'ice', site: 'hockey.example', at: '2026-10-01T12:00:00.000Z' },
    ]);
    expect(readSettings(stored).showBadge).toBe(true);
  });
});

describe('reading leniently', () => {
  test('nothing stored, or something that is not settings: the defaults', () => {
    for (const stored of [undefined, null, {}, 'underline', 42, [1, 2]]) expect(read(stored)).toEqual(defaultSettings);
  });

  test('one invalid site is dropped, the others kept (an IPv6 host once wiped both lists)', () => {
    const settings = read({ version: 2, sites: { mode: 'everywhere', allowed: ['a.example', 'not a site', '[::1]:8080'], paused: ['b.example', 7] } });
    expect(settings.sites).toEqual({ mode: 'everywhere', allowed: ['a.example', '[::1]:8080'], paused: ['b.example'] });
  });

  test('each invalid field falls back on its own', () => {
    expect(read({ version: 2, hoverDelayMs: 5000, highlightStyle: 'background' })).toEqual({ ...defaultSettings, highlightStyle: 'background' });
    expect(read({ version: 2, hoverDelayMs: 250.5, enabledKinds: { tool: 'no', case: false } })).toEqual({
      ...defaultSettings,
      enabledKinds: { ...defaultSettings.enabledKinds, case: false },
    });
    expect(read({ version: 2, sites: { mode: 'nowhere', paused: ['example.com'] } }).sites).toEqual({ mode: 'everywhere', allowed: [], paused: ['example.com'] });
  });

  test('normalises sites: trimmed, lower case, without "www.", no repeats', () => {
    expect(read({ version: 2, sites: { allowed: [' Example.COM ', 'WWW.News.Example.org', 'example.com'] } }).sites.allowed).toEqual(['example.com', 'news.example.org']);
  });

  test('gives every kind a boolean', () => {
    expect(Object.keys(read({}).enabledKinds).sort()).toEqual([...kinds].sort());
  });

  const anything = fc.anything({ withObjectString: true, withNullPrototype: true });
  const settingsLike = fc.record(
    {
      version: fc.oneof(fc.constant(2), fc.constant(1), anything),
      enabledKinds: fc.oneof(fc.dictionary(fc.constantFrom(...kinds, 'gadget'), fc.oneof(fc.boolean(), anything)), anything),
      hoverDelayMs: fc.oneof(fc.integer({ min: -10, max: 4000 }), anything),
      highlightStyle: fc.oneof(fc.constantFrom('underline', 'background', 'blink'), anything),
      sites: fc.oneof(
        fc.record({ mode: fc.constantFrom('everywhere', 'only-allowed', 'x'), allowed: fc.array(fc.oneof(fc.domain(), fc.string(), anything)), paused: fc.array(fc.oneof(fc.domain(), fc.string())) }, { requiredKeys: [] }),
        anything,
      ),
      showBadge: fc.oneof(fc.boolean(), anything),
      dismissals: fc.oneof(fc.array(fc.oneof(anything, fc.record({ id: fc.string(), entityId: fc.string(), entityName: fc.string(), phrase: fc.string(), site: fc.domain(), at: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()) }))), anything),
    },
    { requiredKeys: [] },
  );

  test('whatever is stored, what is read is valid settings (so the owner can always write it back)', () => {
    fc.assert(
      fc.property(fc.oneof(settingsLike, anything), fc.oneof(fc.array(anything), anything), (settings, dismissals) => {
        expect(settingsSchema.safeParse(read(settings, dismissals)).success).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  test('valid settings read back unchanged', () => {
    const valid = fc.record({
      enabledKinds: fc.record(Object.fromEntries(kinds.map((kind) => [kind, fc.boolean()])) as Record<(typeof kinds)[number], fc.Arbitrary<boolean>>),
      hoverDelayMs: fc.integer({ min: 0, max: 3000 }),
      highlightStyle: fc.constantFrom('underline' as const, 'background' as const),
      highlightMethod: fc.constantFrom('auto' as const, 'wrap' as const),
      sites: fc.record({
        mode: fc.constantFrom('everywhere' as const, 'only-allowed' as const),
        allowed: fc.uniqueArray(fc.domain().filter((d) => !d.startsWith('www.'))),
        paused: fc.uniqueArray(fc.domain().filter((d) => !d.startsWith('www.'))),
      }),
      showBadge: fc.boolean(),
      dismissals: fc.constant([]),
    }) satisfies fc.Arbitrary<Settings>;
    fc.assert(
      fc.property(valid, (settings) => {
        expect(read({ ...settings, version: 2 })).toEqual(settings);
      }),
      { numRuns: 300 },
    );
  });
});
