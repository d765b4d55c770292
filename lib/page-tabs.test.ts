import { describe, expect, test } from 'vitest';
import { createPageNote, type Note } from '../core/notes/note';
import { createPageTabs, type TabsApi } from './page-tabs';

const note: Note = createPageNote(
  { quote: { exact: 'ferry', prefix: '', suffix: '' }, position: { start: 0, end: 5 }, body: 'b', tags: [] },
  { url: 'https://news.example/2026/story', alternateUrls: ['https://news.example/story?id=7'], title: 't' },
  { deviceId: 'd', now: new Date('2026-01-01T00:00:00Z'), id: '00000000-0000-4000-8000-000000000001' },
);

function fakeTabs(revealable: (tabId: number) => boolean) {
  const calls: string[] = [];
  let saved: unknown;
  const api: TabsApi = {
    update: async (tabId) => void calls.push(`activate ${tabId}`),
    create: async ({ url }) => (calls.push(`create ${url}`), { id: 99 }),
    focusWindow: async (windowId) => void calls.push(`focus window ${windowId}`),
    reveal: async (tabId, noteId) => (calls.push(`reveal ${noteId.slice(-1)} in ${tabId}`), revealable(tabId)),
    store: { load: async () => saved, save: async (value) => void (saved = value) },
  };
  return { api, calls, saved: () => saved };
}

describe('"Open" finds the tab that shows a note\'s page', () => {
  test('brings the tab forward, focuses its window and shows the note (by any of the page\'s addresses)', async () => {
    const { api, calls } = fakeTabs(() => true);
    const tabs = createPageTabs(api);
    tabs.record({ id: 4, windowId: 2 }, ['https://news.example/story?id=7']);
    expect(await tabs.open(note)).toBe('shown');
    expect(calls).toEqual(['activate 4', 'focus window 2', 'reveal 1 in 4']);
  });

  test('with no tab showing the page, opens it and shows the note once the page has found its notes', async () => {
    const { api, calls } = fakeTabs(() => true);
    const tabs = createPageTabs(api);
    tabs.record({ id: 4 }, ['https://news.example/other']);
    expect(await tabs.open(note)).toBe('opened');
    expect(calls).toEqual(['create https://news.example/2026/story']);
    await tabs.anchored(99);
    expect(calls.at(-1)).toBe('reveal 1 in 99');
    // Only once.
    await tabs.anchored(99);
    expect(calls.filter((call) => call.startsWith('reveal'))).toHaveLength(1);
  });

  test('"Open" again before the new tab has loaded brings that tab forward instead of opening another', async () => {
    const { api, calls } = fakeTabs(() => false);
    const tabs = createPageTabs(api);
    expect(await tabs.open(note)).toBe('opened');
    expect(await tabs.open(note)).toBe('opened');
    expect(calls.filter((call) => call.startsWith('create'))).toHaveLength(1);
    expect(calls).toContain('activate 99');
  });

  test('a closed tab is forgotten', async () => {
    const { api, calls } = fakeTabs(() => true);
    const tabs = createPageTabs(api);
    tabs.record({ id: 4 }, [note.target.kind === 'page' ? note.target.url : '']);
    tabs.forget(4);
    expect(await tabs.open(note)).toBe('opened');
    expect(calls[0]).toBe('create https://news.example/2026/story');
  });

  test('the registry outlives a restart of the background', async () => {
    const first = fakeTabs(() => true);
    createPageTabs(first.api).record({ id: 5, windowId: 1 }, ['https://news.example/2026/story']);
    const again = createPageTabs({ ...first.api });
    expect(await again.open(note)).toBe('shown');
    expect(first.calls.slice(-3)).toEqual(['activate 5', 'focus window 1', 'reveal 1 in 5']);
  });

  test('entity notes cannot be opened', async () => {
    const tabs = createPageTabs(fakeTabs(() => true).api);
    await expect(tabs.open({ ...note, target: { kind: 'entity', entityId: 'ice' } })).rejects.toThrow();
  });
});
