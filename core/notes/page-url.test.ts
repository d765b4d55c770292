import { describe, expect, test } from 'vitest';
import { normalisePageUrl, notePageAddress } from './page-url';

describe('normalisePageUrl', () => {
  test('keeps a plain page address as it is', () => {
    expect(normalisePageUrl('https://news.example/2025/story')).toBe('https://news.example/2025/story');
    expect(normalisePageUrl('http://news.example/')).toBe('http://news.example/');
  });

  test('drops the fragment', () => {
    expect(normalisePageUrl('https://news.example/story#comments')).toBe('https://news.example/story');
    expect(normalisePageUrl('https://news.example/story?page=2#top')).toBe('https://news.example/story?page=2');
  });

  test('drops utm_* parameters, fbclid, gclid and other trackers', () => {
    expect(normalisePageUrl('https://news.example/story?utm_source=feed&utm_medium=rss&utm_campaign=x')).toBe('https://news.example/story');
    expect(normalisePageUrl('https://news.example/story?fbclid=abc123')).toBe('https://news.example/story');
    expect(normalisePageUrl('https://news.example/story?gclid=xyz&id=7')).toBe('https://news.example/story?id=7');
    expect(normalisePageUrl('https://news.example/story?UTM_Content=a&msclkid=b&mc_cid=c&id=7')).toBe('https://news.example/story?id=7');
  });

  test('keeps parameters that only look like trackers', () => {
    expect(normalisePageUrl('https://news.example/story?utmost=1&gclidx=2')).toBe('https://news.example/story?gclidx=2&utmost=1');
  });

  test('sorts the remaining parameters', () => {
    expect(normalisePageUrl('https://news.example/search?q=ice&page=2&lang=en')).toBe('https://news.example/search?lang=en&page=2&q=ice');
  });

  test('two addresses of the same page get the same key', () => {
    const a = normalisePageUrl('https://news.example/story?b=2&a=1&utm_source=x#p3');
    const b = normalisePageUrl('https://NEWS.example/story?a=1&fbclid=zz&b=2');
    expect(a).toBe('https://news.example/story?a=1&b=2');
    expect(b).toBe(a);
  });

  test('is idempotent', () => {
    for (const address of ['https://news.example/a?z=1&y=2&utm_term=q#f', 'http://news.example:8080/b?x=%20y', 'https://news.example/?']) {
      const once = normalisePageUrl(address)!;
      expect(normalisePageUrl(once)).toBe(once);
    }
  });

  test.each(['file:///home/me/story.html', 'chrome://extensions/', 'about:blank', 'moz-extension://abc/page.html', 'javascript:alert(1)', 'ftp://files.example/a', 'data:text/html,hi'])(
    'rejects the non-web address %s',
    (address) => {
      expect(normalisePageUrl(address)).toBeUndefined();
    },
  );

  test.each(['', 'not a url', '/relative/path', 'https://'])('rejects the malformed address %j', (address) => {
    expect(normalisePageUrl(address)).toBeUndefined();
  });
});

describe('notePageAddress', () => {
  test('prefers a canonical address on the same site, keeping the tab address as an alternate', () => {
    expect(notePageAddress('https://news.example/story?id=7&utm_source=x', 'https://news.example/2026/story')).toEqual({
      url: 'https://news.example/2026/story',
      alternateUrls: ['https://news.example/story?id=7'],
    });
  });

  test('ignores a canonical address on another site: a page cannot file notes under someone else', () => {
    expect(notePageAddress('https://news.example/story', 'https://other.example/story')).toEqual({ url: 'https://news.example/story', alternateUrls: [] });
  });

  test('ignores a canonical address on another port or scheme of the same host (a page on another port once read a site\'s notes)', () => {
    expect(notePageAddress('http://127.0.0.1:9000/evil', 'http://127.0.0.1:8000/story')).toEqual({ url: 'http://127.0.0.1:9000/evil', alternateUrls: [] });
    expect(notePageAddress('http://news.example/story', 'https://news.example/story')).toEqual({ url: 'http://news.example/story', alternateUrls: [] });
  });

  test('ignores a canonical address that is not one', () => {
    expect(notePageAddress('https://news.example/story', 'x'.repeat(100))).toEqual({ url: 'https://news.example/story', alternateUrls: [] });
  });

  test('no alternate when the canonical address is the tab address', () => {
    expect(notePageAddress('https://news.example/story#top', 'https://news.example/story')).toEqual({ url: 'https://news.example/story', alternateUrls: [] });
  });

  test('not a web page: no address', () => {
    expect(notePageAddress('chrome://settings', undefined)).toBeUndefined();
  });
});
