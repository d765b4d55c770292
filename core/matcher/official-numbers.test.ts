import { describe, expect, test } from 'vitest';
import type { MatchableEntry } from './matcher';
import { createMatcher } from './matcher';
import { citationCard, congressOfYear, lookupUrl } from './official-numbers';

const entries: MatchableEntry[] = [
  { id: 'faces-act', name: 'Faces Act', kind: 'bill', aliases: [], identifiers: { bills: [{ congress: 119, type: 's', number: 3779 }] } },
  { id: 'not-for-sale', name: 'Not For Sale Act', kind: 'bill', aliases: [], identifiers: { bills: [{ congress: 118, type: 'hr', number: 4639 }] } },
  { id: 'renewal', name: 'Renewal Act', kind: 'law', aliases: [], identifiers: { publicLaws: [{ congress: 118, number: 49 }], bills: [{ congress: 118, type: 'hr', number: 7888 }] } },
  { id: 'section-702', name: 'Section Seven', kind: 'law', aliases: [], identifiers: { usCode: [{ title: 50, section: '1881a' }] } },
  // The same number in two Congresses: only a year or a Congress in the text can tell them apart.
  { id: 'old-moratorium', name: 'Old Moratorium', kind: 'bill', aliases: [], identifiers: { bills: [{ congress: 117, type: 's', number: 2052 }] } },
  { id: 'new-moratorium', name: 'New Moratorium', kind: 'bill', aliases: [], identifiers: { bills: [{ congress: 118, type: 's', number: 2052 }] } },
];
const matcher = createMatcher(entries);
const found = (text: string) => matcher.scan(text).map((m) => [m.text, m.entity.id]);

describe('bill, law and code citations', () => {
  test.each([
    ['The senator introduced S. 3779 to limit face scans.', [['S. 3779', 'faces-act']]],
    ['The House passed H.R. 4639 last spring.', [['H.R. 4639', 'not-for-sale']]],
    ['The House passed H.R.4639 last spring.', [['H.R.4639', 'not-for-sale']]],
    ['Congress passed HR 4639 last spring.', [['HR 4639', 'not-for-sale']]],
    ['It was enacted as Pub. L. 118-49 in April.', [['Pub. L. 118-49', 'renewal']]],
    ['It was enacted as P.L. 118-49 in April.', [['P.L. 118-49', 'renewal']]],
    ['It was enacted as Public Law 118–49 in April.', [['Public Law 118–49', 'renewal']]],
    ['Collection happens under 50 U.S.C. 1881a.', [['50 U.S.C. 1881a', 'section-702']]],
    ['Collection happens under 50 U.S.C. § 1881a.', [['50 U.S.C. § 1881a', 'section-702']]],
    ['Senators introduced S. 2052 in 2021.', [['S. 2052', 'old-moratorium']]],
    ['Senators introduced S. 2052 in the 118th Congress.', [['S. 2052', 'new-moratorium']]],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  test.each([
    ['court citations', 'The Court decided Carpenter, 138 S. Ct. 2206 (2018), and 585 U.S. 296.'],
    ['initials', 'S. Jones and H. Ruiz testified on Tuesday.'],
    ['street addresses', 'The office is at 12 S. 5th Street.'],
    ['a bare "S." number with no legislative context', 'See figure S. 12 in the appendix.'],
    ['"HR" as human resources', 'Call HR 2024 about your benefits.'],
    ['unknown code sections', 'The rule is at 26 U.S.C. 501.'],
  ])('never reads %s as bills', (_, text) => {
    expect(found(text)).toEqual([]);
  });

  test('an unknown bill number gets a generic entity, with its Congress when the text gives one', () => {
    const [mention] = matcher.scan('The senator introduced S. 1234 in the 118th Congress.');
    expect(mention?.entity).toMatchObject({ name: 'S. 1234', kind: 'bill' });
    const card = citationCard(mention!.entity.id, '2026-11-26');
    expect(card?.name).toBe('S. 1234 (118th Congress)');
    expect(card?.sources[0]?.url).toBe('https://www.congress.gov/bill/118th-congress/senate-bill/1234');
  });

  test('a number known in another Congress is not linked to the wrong bill', () => {
    const [mention] = matcher.scan('The House passed H.R. 4639 in 2025.');
    expect(mention?.entity.id).not.toBe('not-for-sale');
    expect(mention?.entity.name).toBe('H.R. 4639');
  });

  test('without a Congress the lookup is a congress.gov search link', () => {
    const url = lookupUrl({ label: 'S.Res. 12', kind: 'bill', type: 'sres', number: 12 });
    expect(url.startsWith('https://www.congress.gov/search?q=')).toBe(true);
    expect(decodeURIComponent(url)).toContain('S.Res. 12');
  });

  test('Congresses follow the calendar', () => {
    expect([congressOfYear(1789), congressOfYear(2024), congressOfYear(2025), congressOfYear(2026)]).toEqual([1, 118, 119, 119]);
  });

  test('malformed citation ids give no card', () => {
    expect(citationCard('citation:bill:xx:12:', '2026-11-26')).toBeUndefined();
    expect(citationCard('citation:nope', '2026-11-26')).toBeUndefined();
  });
});
