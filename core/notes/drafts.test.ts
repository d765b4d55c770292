import { describe, expect, test } from 'vitest';
import type { EditorTarget } from '../protocol/frame';
import { draftKey, draftLimits, draftsOnPage, indexWith, type DraftIndexEntry } from './drafts';

const quote = { exact: 'the ferry lot', prefix: 'enters ', suffix: ' and keeps' };
const pageTarget = (writtenAt: string, canonicalUrl?: string): EditorTarget => ({
  kind: 'page',
  quote,
  position: { start: 40, end: 53 },
  page: { writtenAt, title: 'Story', ...(canonicalUrl && { canonicalUrl }) },
});

describe('draft keys', () => {
  test('a page draft is keyed by the page (its notes key) and the quote\'s position; tracking and fragments do not matter', () => {
    expect(draftKey(pageTarget('https://news.example/story?utm_source=x#top'), 'https://news.example/story')).toEqual({
      key: 'page:https://news.example/story#40-53',
      pages: ['https://news.example/story'],
    });
  });

  test('written before a single-page-app navigation: kept under the page it was written on (same origin only)', () => {
    expect(draftKey(pageTarget('https://news.example/first'), 'https://news.example/second')?.key).toBe('page:https://news.example/first#40-53');
    expect(draftKey(pageTarget('https://evil.example/first'), 'https://news.example/second')?.key).toBe('page:https://news.example/second#40-53');
  });

  test('a canonical link on the same origin keys it, the tab address is an alternate', () => {
    expect(draftKey(pageTarget('https://news.example/s?id=7', 'https://news.example/2026/s'), 'https://news.example/s?id=7')).toEqual({
      key: 'page:https://news.example/2026/s#40-53',
      pages: ['https://news.example/2026/s', 'https://news.example/s?id=7'],
    });
  });

  test('an entity draft is one per entity, offered on the page it was written on; no draft off the web', () => {
    expect(draftKey({ kind: 'entity', entityId: 'ice', name: 'ICE' }, 'https://news.example/a')).toEqual({ key: 'entity:ice', pages: ['https://news.example/a'] });
    expect(draftKey(pageTarget('chrome://newtab/'), 'chrome://newtab/')).toBeUndefined();
  });
});

describe('the drafts index', () => {
  const entry = (key: string, savedAt: string, pages = ['https://news.example/a']): DraftIndexEntry => ({ key, savedAt, pages, target: { kind: 'entity', entityId: key, name: key } });
  const now = new Date('2026-06-01T12:00:00Z');

  test('newest first; saving again replaces; a removed key goes', () => {
    let { index } = indexWith([], entry('a', '2026-06-01T10:00:00Z'), undefined, now);
    ({ index } = indexWith(index, entry('b', '2026-06-01T11:00:00Z'), undefined, now));
    ({ index } = indexWith(index, entry('a', '2026-06-01T11:30:00Z'), undefined, now));
    expect(index.map((e) => e.key)).toEqual(['a', 'b']);
    const removed = indexWith(index, undefined, 'a', now);
    expect(removed.index.map((e) => e.key)).toEqual(['b']);
  });

  test('at most the limit, none older than the limit: the rest are dropped (and their text with them)', () => {
    const many = Array.from({ length: draftLimits.count + 5 }, (_, i) => entry(`k${i}`, new Date(now.getTime() - i * 60_000).toISOString()));
    const old = entry('old', new Date(now.getTime() - (draftLimits.ageDays + 1) * 86_400_000).toISOString());
    const { index, dropped } = indexWith([...many, old], undefined, undefined, now);
    expect(index).toHaveLength(draftLimits.count);
    expect(dropped).toContain('old');
    expect(dropped).toHaveLength(6);
  });

  test('offered on the pages they were written on, without their text', () => {
    const index = [entry('a', '2026-06-01T10:00:00Z'), entry('b', '2026-06-01T09:00:00Z', ['https://news.example/b'])];
    expect(draftsOnPage(index, ['https://news.example/a'])).toEqual([{ target: index[0]!.target, savedAt: '2026-06-01T10:00:00Z' }]);
  });
});
