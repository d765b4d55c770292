import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { readDataset } from '../../scripts/dataset-files';
import { createMatcher, type MatchableEntry } from '../matcher/matcher';
import type { WatchEntry } from './entry';
import { cardEntryOf, collisionsOf, composeDataset, isRuntimeId, ownerOfId, packEntryId, readerEntryId, type Owner, type RuntimeLayer } from './runtime';

const bundled: MatchableEntry[] = [
  { id: 'palantir', name: 'Palantir Technologies', kind: 'vendor', aliases: ['Palantir'] },
  { id: 'ice', name: 'U.S. Immigration and Customs Enforcement', kind: 'agency', aliases: [{ text: 'ICE', caseSensitive: true }] },
];
const entry = (id: string, name: string, aliases: WatchEntry['aliases'] = []): WatchEntry => ({ id, kind: 'tool', name, aliases, summary: `${name}, for tests.`, sources: [] });
const reader = (...entries: WatchEntry[]): RuntimeLayer => ({ owner: { by: 'reader' }, entries });
const pack = (packId: string, ...entries: WatchEntry[]): RuntimeLayer => ({
  owner: { by: 'pack', packId, packName: `Pack ${packId}`, author: 'A. Reporter', date: '2026-01-02' },
  entries,
});

describe('namespaced ids', () => {
  test('reader and pack ids carry their owner, and can never be a bundled id', () => {
    expect(readerEntryId('grid')).toBe('reader:grid');
    expect(packEntryId('city', 'grid')).toBe('pack:city:grid');
    expect(ownerOfId('pack:city:grid')).toEqual({ by: 'pack', packId: 'city', localId: 'grid' });
    expect(ownerOfId('reader:grid')).toEqual({ by: 'reader', localId: 'grid' });
    expect(ownerOfId('palantir')).toEqual({ by: 'bundled' });
    const local = fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    fc.assert(
      fc.property(local, local, (packId, localId) => {
        expect(ownerOfId(packEntryId(packId, localId))).toEqual({ by: 'pack', packId, localId });
        expect(ownerOfId(readerEntryId(localId))).toEqual({ by: 'reader', localId });
        // Bundled ids are lowercase words joined by hyphens: never a namespaced one.
        expect(isRuntimeId(localId)).toBe(false);
      }),
    );
  });

  test('the same local id in the reader\'s list and in two packs makes three entities', () => {
    const { entries } = composeDataset(bundled, [reader(entry('grid', 'Harbor Grid')), pack('a', entry('grid', 'Harbor Grid Two')), pack('b', entry('grid', 'Harbor Grid Three'))]);
    expect(entries.map((e) => e.id)).toEqual(['reader:grid', 'pack:a:grid', 'pack:b:grid']);
  });
});

describe('composeDataset', () => {
  test('a reader term that cannot be told apart from a bundled one is kept but never highlighted', () => {
    const { entries } = composeDataset(bundled, [reader(entry('my-palantir', 'Palantir Gotham City', ['palantir']))]);
    expect(entries[0]!.hidden).toEqual([{ text: 'palantir', by: { id: 'palantir', name: 'Palantir Technologies' } }]);
    const matcher = createMatcher([...bundled, ...entries.map((e) => e.matchable)]);
    expect(matcher.scan('Palantir won the contract for Palantir Gotham City.').map((m) => [m.text, m.entity.id])).toEqual([
      ['Palantir', 'palantir'],
      ['Palantir Gotham City', 'reader:my-palantir'],
    ]);
  });

  test('a term the rules tell apart is kept (ICE case-sensitive vs "ice" needing context)', () => {
    const { entries } = composeDataset(bundled, [reader(entry('ice-rink', 'Harbor Ice Rink', [{ text: 'ice', requiresContext: ['skating'] }]))]);
    expect(entries[0]!.hidden).toEqual([]);
  });

  test('earlier layers win: the reader\'s own entry over a pack\'s, a pack over a later one', () => {
    const { entries } = composeDataset(bundled, [reader(entry('grid', 'Harbor Grid')), pack('a', entry('grid', 'Harbor Grid')), pack('b', entry('other', 'Harbor Grid'))]);
    expect(entries.map((e) => e.hidden.map((h) => h.by.id))).toEqual([[], ['reader:grid'], ['reader:grid']]);
  });

  test('property: whatever the reader and packs add, every bundled mention of the real dataset stays', () => {
    const dataset = readDataset();
    const names = dataset.flatMap((e) => [e.name, ...e.aliases.map((a) => (typeof a === 'string' ? a : a.text))]);
    const text = dataset
      .slice(0, 60)
      .map((e) => `Reporters asked about ${e.name} on Tuesday.`)
      .join('\n\n');
    const bundledOnly = createMatcher(dataset).scan(text);
    const term = fc.oneof(fc.constantFrom(...names), fc.constantFrom(...names).map((n) => n.toLowerCase()), fc.constantFrom(...names).map((n) => n.toUpperCase()));
    const rule = fc.oneof(term, term.map((text) => ({ text, caseSensitive: true as const })));
    const layerEntry = fc.record({ id: fc.stringMatching(/^[a-z]{1,6}$/), name: fc.constantFrom(...names), aliases: fc.array(rule, { maxLength: 3 }) });
    fc.assert(
      fc.property(fc.array(layerEntry, { maxLength: 8 }), fc.array(layerEntry, { maxLength: 8 }), (mine, theirs) => {
        const { entries } = composeDataset(dataset, [
          reader(...mine.map((e) => entry(e.id, e.name, e.aliases))),
          pack('p', ...theirs.map((e) => entry(e.id, e.name, e.aliases))),
        ]);
        const found = createMatcher([...dataset, ...entries.map((e) => e.matchable)]).scan(text);
        // Same-text terms of the reader's or a pack's never replace a bundled mention; nothing bundled is lost.
        expect(found.filter((m) => !isRuntimeId(m.entity.id))).toEqual(bundledOnly);
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});

describe('collisionsOf', () => {
  test('blocking when the rules cannot tell them apart, a note when they can', () => {
    const { index } = composeDataset(bundled, [reader(entry('grid', 'Harbor Grid'))]);
    expect(collisionsOf(entry('x', 'Palantir Gotham', ['Palantir']), index)).toEqual([
      { text: 'Palantir', with: { id: 'palantir', name: 'Palantir Technologies' }, blocking: true },
    ]);
    expect(collisionsOf(entry('x', 'Harbor Grid'), index)).toEqual([{ text: 'Harbor Grid', with: { id: 'reader:grid', name: 'Harbor Grid' }, blocking: true }]);
    // Editing an entry does not collide with itself.
    expect(collisionsOf(entry('grid', 'Harbor Grid'), index, 'reader:grid')).toEqual([]);
    expect(collisionsOf(entry('x', 'Ice Palace', [{ text: 'ICE', requiresContext: ['hockey'], caseSensitive: true }]), index)).toEqual([
      { text: 'ICE', with: { id: 'ice', name: 'U.S. Immigration and Customs Enforcement' }, blocking: false },
    ]);
  });
});

describe('cardEntryOf', () => {
  test('a card says whose the entry is, and carries no facts', () => {
    const owner: Owner = { by: 'pack', packId: 'city', packName: 'City cameras', author: 'Metro desk', date: '2026-03-04' };
    const [runtime] = composeDataset(bundled, [{ owner, entries: [{ ...entry('grid', 'Harbor Grid'), sources: [{ url: 'https://example.org/grid' }] }] }]).entries;
    expect(cardEntryOf(runtime!)).toMatchObject({
      id: 'pack:city:grid',
      name: 'Harbor Grid',
      facts: {},
      relations: {},
      sources: [{ url: 'https://example.org/grid', title: 'example.org' }],
      origin: { by: 'pack', pack: 'City cameras', author: 'Metro desk', date: '2026-03-04' },
    });
    const [mine] = composeDataset(bundled, [reader({ ...entry('grid', 'Harbor Grid'), created: '2026-01-01T10:00:00.000Z', updated: '2026-01-05T10:00:00.000Z' } as WatchEntry)]).entries;
    expect(cardEntryOf(mine!).origin).toEqual({ by: 'reader', added: '2026-01-05' });
  });
});
