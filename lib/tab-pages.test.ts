import { describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createTabPages } from './tab-pages';

describe('which page each tab shows', () => {
  test.each([
    ['in memory', () => createTabPages()],
    ['in session storage', () => createTabPages(fakeBrowser.storage.session)],
  ])('%s: finds the tab that last showed one of the addresses, and forgets closed tabs', async (_, make) => {
    const pages = make();
    await pages.record({ id: 1, windowId: 10 }, ['https://news.example/a']);
    await pages.record({ id: 2, windowId: 20 }, ['https://news.example/b', 'https://news.example/b?id=1']);
    expect(await pages.find(['https://news.example/b?id=1'])).toEqual({ id: 2, windowId: 20 });
    expect(await pages.find(['https://news.example/c'])).toBeUndefined();
    // Tab 1 moves on to page b (a single-page app, or a link): both show it, the latest report wins.
    await new Promise((done) => setTimeout(done, 2));
    await pages.record({ id: 1, windowId: 10 }, ['https://news.example/b']);
    expect(await pages.find(['https://news.example/b'])).toEqual({ id: 1, windowId: 10 });
    expect(await pages.find(['https://news.example/a'])).toBeUndefined();
    await pages.forget(1);
    expect(await pages.find(['https://news.example/b'])).toEqual({ id: 2, windowId: 20 });
  });

  test('reports arriving together are all kept', async () => {
    const pages = createTabPages(fakeBrowser.storage.session);
    await Promise.all(Array.from({ length: 20 }, (_, i) => pages.record({ id: i, windowId: 1 }, [`https://news.example/${i}`])));
    for (let i = 0; i < 20; i++) expect(await pages.find([`https://news.example/${i}`])).toEqual({ id: i, windowId: 1 });
  });
});
