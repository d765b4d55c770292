import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { siteFromInput, siteOf, sitePattern } from './site';

describe('siteOf', () => {
  it.each([
    ['https://www.Example.com/story?id=1', 'example.com'],
    ['http://news.example.org:8080/a', 'news.example.org:8080'],
    ['http://[::1]:8080/page', '[::1]:8080'],
    ['http://127.0.0.1:5173/', '127.0.0.1:5173'],
    ['https://example.com:443/', 'example.com'],
  ])('%s → %s', (address, site) => expect(siteOf(address)).toBe(site));

  it.each(['file:///tmp/a.html', 'chrome://extensions', 'about:blank', 'not a url', ''])('%s is not a site', (address) =>
    expect(siteOf(address)).toBeUndefined(),
  );

  it('every site it produces has the shape the settings accept (an IPv6 host once wiped the site lists)', () => {
    const hosts = fc.oneof(
      fc.domain(),
      fc.ipV4(),
      fc.ipV6().map((ip) => `[${ip}]`),
    );
    fc.assert(
      fc.property(hosts, fc.option(fc.integer({ min: 1, max: 65535 })), fc.constantFrom('http', 'https'), (host, port, scheme) => {
        const site = siteOf(`${scheme}://${host}${port === null ? '' : `:${port}`}/x`);
        if (site !== undefined) expect(site).toMatch(sitePattern);
      }),
      { numRuns: 500 },
    );
  });
});

describe('siteFromInput', () => {
  it('takes a host name or a whole address', () => {
    expect(siteFromInput(' WWW.News.Example.org ')).toBe('news.example.org');
    expect(siteFromInput('https://www.example.com/a/b')).toBe('example.com');
    expect(siteFromInput('[::1]:8080')).toBe('[::1]:8080');
    expect(siteFromInput('localhost:3000')).toBe('localhost:3000');
  });
  it('refuses what is not a site', () => {
    for (const text of ['', '  ', 'not a site', 'a..b', 'www.', 'javascript:alert(1)', 'ftp://example.com']) expect(siteFromInput(text)).toBeUndefined();
  });
});
