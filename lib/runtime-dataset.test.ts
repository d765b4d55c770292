import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test } from 'vitest';
import { entrySchema, type Entry } from '../core/dataset/schema';
import { createMatcher } from '../core/matcher/matcher';
import { emptyForm, entryFromForm } from '../core/watchlist/entry';
import { createRuntimeDataset, sightingsPerEntry } from './runtime-dataset';
import { runtimeDatasetKey } from './runtime-dataset-state';
import type { StorageArea } from './settings';
import { WatchlistDatabase } from './watchlist-db';

const bundled: Entry[] = [
  entrySchema.parse({
    id: 'palantir',
    kind: 'vendor',
    name: 'Palantir Technologies',
    aliases: [{ text: 'Palantir', caseSensitive: true }],
    summary: 'A made-up entry for tests.',
    facts: { headquarters: 'Nowhere', products: ['Gizmo'], concern: 'Made up for tests.' },
    sources: [{ url: 'https://example.org/', title: 'Example', type: 'self', supports: ['summary'] }],
    asOf: '2025-01-01',
  }),
];

/** storage.local as the background sees it, in memory. */
function memoryArea(): StorageArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    get: (async (keys: string | string[]) => Object.fromEntries([keys].flat().filter((key) => key in data).map((key) => [key, data[key]]))) as StorageArea['get'],
    set: (async (items: Record<string, unknown>) => void Object.assign(data, structuredClone(items))) as StorageArea['set'],
    remove: (async (keys: string | string[]) => void [keys].flat().forEach((key) => delete data[key])) as StorageArea['remove'],
  };
}

const open: WatchlistDatabase[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

function setup() {
  const db = new WatchlistDatabase(`watchlist-test-${process.pid}-${Math.random().toString(36).slice(2)}`);
  open.push(db);
  const area = memoryArea();
  let clock = Date.parse('2026-03-04T10:00:00Z');
  let ids = 0;
  const dataset = createRuntimeDataset({ db, bundled, area, now: () => new Date((clock += 1000)), newId: () => `id-${++ids}` });
  return { db, area, dataset };
}

const grid = (extra: Partial<ReturnType<typeof emptyForm>> = {}) =>
  entryFromForm({ ...emptyForm('Harbor Sentinel Grid'), summary: 'The city’s camera network (made up).', sourceUrl: 'https://example.org/grid', ...extra }, 'ignored');
const packText = (entries: unknown[], id = 'city-cameras') =>
  JSON.stringify({ format: 'watchwords-pack', version: 1, id, name: 'City cameras', author: 'Metro desk', description: '', date: '2026-03-01', entries });

describe('the runtime dataset', () => {
  test('starts as the bundled dataset alone: no extra terms, revision 0', async () => {
    const { dataset } = setup();
    expect(await dataset.terms()).toEqual({ revision: 0, terms: [] });
    expect((await dataset.entry('palantir'))?.name).toBe('Palantir Technologies');
    expect(await dataset.entry('reader:nothing')).toBeUndefined();
  });

  test('a saved entry joins under reader:, bumps the revision tabs watch, and its card says it is the reader\'s', async () => {
    const { dataset, area } = setup();
    const { id, revision } = await dataset.save(grid());
    expect(id).toBe('reader:harbor-sentinel-grid');
    expect(revision).toBe(1);
    expect(area.data[runtimeDatasetKey]).toEqual({ revision: 1, entries: 1 });
    const { terms } = await dataset.terms();
    expect(terms.map((t) => t.id)).toEqual([id]);
    expect(createMatcher([...bundled, ...terms]).scan('Cameras of the Harbor Sentinel Grid.').map((m) => m.entity.id)).toEqual([id]);
    expect(await dataset.entry(id)).toMatchObject({ name: 'Harbor Sentinel Grid', origin: { by: 'reader', added: '2026-03-04' }, sources: [{ url: 'https://example.org/grid' }] });
    expect(await dataset.knows(id)).toBe(true);
  });

  test('the same name twice gets a second id; a term that shadows an existing one is refused in words', async () => {
    const { dataset } = setup();
    await dataset.save(grid());
    await expect(dataset.save(grid())).rejects.toThrow('“Harbor Sentinel Grid” cannot be told apart from your entry “Harbor Sentinel Grid”');
    await expect(dataset.save(grid({ name: 'Palantir Technologies' }))).rejects.toThrow('in Watchwords’ own dataset');
    const other = await dataset.save(grid({ aliases: 'Sentinel Grid Two', name: 'Harbor Sentinel Grid', matchCase: true }));
    expect(other.id).toBe('reader:harbor-sentinel-grid-2');
  });

  test('the dataset\'s rules are the form\'s: a single common word is refused until guarded', async () => {
    const { dataset } = setup();
    const word = grid({ name: 'Sentinel' });
    expect((await dataset.check(word)).problems[0]).toMatch(/single word/);
    await expect(dataset.save(word)).rejects.toThrow(/single word/);
    expect((await dataset.check(grid({ name: 'Sentinel', nearby: 'camera' }))).problems).toEqual([]);
  });

  test('editing keeps the id and when it was added; deleting removes it and its sightings', async () => {
    const { dataset } = setup();
    const { id } = await dataset.save(grid());
    const before = (await dataset.view()).entries[0]!;
    await dataset.save(grid({ summary: 'Changed.' }), id);
    const after = (await dataset.view()).entries[0]!;
    expect([after.runtimeId, after.summary, after.created]).toEqual([id, 'Changed.', before.created]);
    expect(after.updated > before.updated).toBe(true);
    await dataset.recordSightings('https://news.example/a', 'A story', { [id]: 2 });
    const { revision } = await dataset.remove(id);
    expect(revision).toBe(3);
    expect((await dataset.view()).entries).toEqual([]);
    expect(await dataset.entry(id)).toBeUndefined();
    await expect(dataset.remove('palantir')).rejects.toThrow('Only your own entries');
  });

  test('sightings: page, title and count per entry, the latest 20 kept, bundled entries never recorded', async () => {
    const { dataset } = setup();
    const { id } = await dataset.save(grid());
    expect(await dataset.recordSightings('https://news.example/a', 'A story', { [id]: 3, palantir: 5, 'reader:unknown': 1 })).toBe(1);
    expect((await dataset.view()).entries[0]!.seen).toMatchObject([{ page: 'https://news.example/a', title: 'A story', count: 3 }]);
    for (let i = 0; i < sightingsPerEntry + 5; i++) await dataset.recordSightings(`https://news.example/${i}`, `Story ${i}`, { [id]: 1 });
    const seen = (await dataset.view()).entries[0]!.seen;
    expect(seen).toHaveLength(sightingsPerEntry);
    expect(seen[0]!.page).toBe(`https://news.example/${sightingsPerEntry + 4}`);
  });
});

describe('packs in the runtime dataset', () => {
  test('import: nothing stored until applied; then namespaced, on, and carded with the pack\'s name', async () => {
    const { dataset, area } = setup();
    const planned = await dataset.planPack(packText([{ id: 'tram', kind: 'tool', name: 'Tram Cam Network', summary: 'Made up.' }]), 'city.json');
    if ('error' in planned) throw new Error(planned.error);
    expect(planned.report).toMatchObject({ added: ['Tram Cam Network'], rejected: [], replaces: false });
    expect(await dataset.terms()).toEqual({ revision: 0, terms: [] });
    expect(await dataset.applyPack(planned.token)).toEqual({ revision: 1, packId: 'city-cameras' });
    await expect(dataset.applyPack(planned.token)).rejects.toThrow('no longer waiting');
    expect((await dataset.terms()).terms.map((t) => t.id)).toEqual(['pack:city-cameras:tram']);
    expect((await dataset.entry('pack:city-cameras:tram'))?.origin).toEqual({ by: 'pack', pack: 'City cameras', author: 'Metro desk', date: '2026-03-01' });
    expect(area.data[runtimeDatasetKey]).toEqual({ revision: 1, entries: 1 });
  });

  test('switched off, its entries leave the matcher (and come back); removed, it is gone', async () => {
    const { dataset } = setup();
    const planned = await dataset.planPack(packText([{ id: 'tram', kind: 'tool', name: 'Tram Cam Network', summary: 'Made up.' }]), 'city.json');
    if ('error' in planned) throw new Error(planned.error);
    await dataset.applyPack(planned.token);
    await dataset.setPackEnabled('city-cameras', false);
    expect((await dataset.terms()).terms).toEqual([]);
    expect(await dataset.entry('pack:city-cameras:tram')).toBeUndefined();
    await dataset.setPackEnabled('city-cameras', true);
    expect((await dataset.terms()).terms).toHaveLength(1);
    const { revision } = await dataset.removePack('city-cameras');
    expect(revision).toBe(4);
    expect((await dataset.view()).packs).toEqual([]);
    await expect(dataset.setPackEnabled('city-cameras', true)).rejects.toThrow('no longer kept');
  });

  test('a hostile pack is refused in one sentence and nothing changes', async () => {
    const { dataset } = setup();
    expect(await dataset.planPack('{"format":"watchwords-pack","__proto__":{"x":1}}', 'evil.json')).toEqual({
      error: 'Watchwords refused this pack: it contains the key "__proto__", which no pack has.',
    });
    expect((await dataset.view()).packs).toEqual([]);
  });

  test('export: the reader\'s entries as a pack that imports again, as the same entries', async () => {
    const { dataset } = setup();
    await expect(dataset.exportPack({ name: 'Mine', author: 'Me' })).rejects.toThrow('no entries');
    const { id } = await dataset.save(grid());
    const { fileName, text } = await dataset.exportPack({ name: 'Harbor watch', author: 'Metro desk', description: 'Cameras.' });
    expect(fileName).toMatch(/^watchwords-pack-harbor-watch-2026-03-04\.json$/);
    // Imported beside the reader's own entry, it would shadow it: rejected with the reason.
    const clash = await dataset.planPack(text, fileName);
    expect('report' in clash && clash.report.rejected.map((r) => r.reason)).toEqual(['“Harbor Sentinel Grid” cannot be told apart from your entry “Harbor Sentinel Grid”.']);
    await dataset.remove(id);
    const planned = await dataset.planPack(text, fileName);
    if ('error' in planned) throw new Error(planned.error);
    expect(planned.report.added).toEqual(['Harbor Sentinel Grid']);
    await dataset.applyPack(planned.token);
    const card = await dataset.entry('pack:harbor-watch:harbor-sentinel-grid');
    expect(card).toMatchObject({ name: 'Harbor Sentinel Grid', summary: 'The city’s camera network (made up).', origin: { by: 'pack', pack: 'Harbor watch' } });
  });

  test('a later bundled entry with the same name hides the reader\'s term instead of being shadowed', async () => {
    const { db, area } = setup();
    const first = createRuntimeDataset({ db, bundled: [], area });
    await first.save(grid({ name: 'Palantir Technologies' }));
    // The extension is updated: the bundled dataset now has it.
    const updated = createRuntimeDataset({ db, bundled, area });
    const { entries } = await updated.view();
    expect(entries[0]!.hidden).toEqual([{ text: 'Palantir Technologies', by: { id: 'palantir', name: 'Palantir Technologies' } }]);
    const matcher = createMatcher([...bundled, ...(await updated.terms()).terms]);
    expect(matcher.scan('Palantir Technologies said.').map((m) => m.entity.id)).toEqual(['palantir']);
  });
});

describe('reports in the runtime dataset', () => {
  test('kept, listed newest first, exported, deleted', async () => {
    const { dataset } = setup();
    await expect(dataset.exportReports()).rejects.toThrow('no reports');
    await dataset.addReport({ kind: 'missing-name', comment: 'Missing.', text: 'Harbor Grid' });
    await dataset.addReport({ kind: 'wrong-match', comment: 'Not the company.', entityId: 'palantir', entityName: 'Palantir Technologies', text: 'Palantir' });
    const { reports } = await dataset.view();
    expect(reports.map((r) => r.kind)).toEqual(['wrong-match', 'missing-name']);
    expect((await dataset.exportReports()).text).toContain('## Wrong match here: Palantir Technologies');
    await dataset.removeReport(reports[0]!.id);
    expect((await dataset.view()).reports).toHaveLength(1);
  });
});
