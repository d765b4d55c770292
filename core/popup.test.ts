import { describe, expect, test } from 'vitest';
import { kinds } from './dataset/kinds';
import { canPause, groupByKind, mentionsText, type SummaryEntity } from './popup';
import { defaultSettings } from './settings/model';

const entities: SummaryEntity[] = [
  { id: 'mobile-fortify', name: 'Mobile Fortify', kind: 'tool', count: 3 },
  { id: 'clearview-ai', name: 'Clearview AI', kind: 'vendor', count: 2 },
  { id: 'ice', name: 'ICE', kind: 'agency', count: 4 },
  { id: 'section-702', name: 'Section 702', kind: 'law', count: 1 },
  { id: 'paragon', name: 'Paragon', kind: 'vendor', count: 1 },
  { id: 'cbp', name: 'CBP', kind: 'agency', count: 2 },
];

describe('groupByKind', () => {
  test('groups in kind order, keeps page order inside a group, counts each group and the total', () => {
    const model = groupByKind(entities);
    expect(model.groups.map((g) => [g.label, g.count, g.entities.map((e) => e.name)])).toEqual([
      ['Tools', 3, ['Mobile Fortify']],
      ['Vendors', 3, ['Clearview AI', 'Paragon']],
      ['Agencies', 6, ['ICE', 'CBP']],
      ['Laws', 1, ['Section 702']],
    ]);
    expect(model.total).toBe(13);
    expect(model.countByKind).toEqual({ tool: 3, vendor: 3, program: 0, agency: 6, bill: 0, law: 1, order: 0, campaign: 0, case: 0 });
  });

  test('kinds switched off are counted for their switch but not listed nor in the total', () => {
    const model = groupByKind(entities, { ...defaultSettings.enabledKinds, agency: false });
    expect(model.groups.map((g) => g.kind)).toEqual(['tool', 'vendor', 'law']);
    expect(model.total).toBe(7);
    expect(model.countByKind.agency).toBe(6);
  });

  test('an empty page', () => {
    const model = groupByKind([]);
    expect(model).toEqual({ total: 0, groups: [], countByKind: Object.fromEntries(kinds.map((k) => [k, 0])) });
  });

  test('mentionsText', () => {
    expect(mentionsText(1)).toBe('1 mention');
    expect(mentionsText(12)).toBe('12 mentions');
    expect(mentionsText(0)).toBe('0 mentions');
  });
});

describe('the site switch', () => {
  test('every site a tab can have can be paused (an IPv6 host too), nothing else', () => {
    expect(canPause('[::1]:8080')).toBe(true);
    expect(canPause('127.0.0.1:4173')).toBe(true);
    expect(canPause('news.example')).toBe(true);
    expect(canPause(undefined)).toBe(false);
    expect(canPause('')).toBe(false);
  });
});
