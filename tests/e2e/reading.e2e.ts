import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../../scripts/browsers/chromium';
import { launchFirefox } from '../../scripts/browsers/firefox';
import type { BrowserSession } from '../../scripts/browsers/session';
import { serveFolder } from '../../scripts/browsers/static-server';
import { chromeBuild, firefoxAddonId, firefoxBuild, highlightedTexts, hoverCard, root, screenshots, waitFor } from '../../scripts/browsers/watchwords-page';

const launchers: Record<string, () => Promise<BrowserSession>> = {
  chromium: () => launchChromium({ extensionDir: chromeBuild }),
  firefox: () => launchFirefox({ extensionDir: firefoxBuild, addonId: firefoxAddonId() }),
};

describe.each(Object.keys(launchers))('reading the demo article in %s', (browserName) => {
  let session: BrowserSession;
  let server: Awaited<ReturnType<typeof serveFolder>>;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    server = await serveFolder(join(root, 'demo'));
    session = await launchers[browserName]!();
    await session.goto(`${server.origin}/article.html`);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  test('highlights the surveillance terms and none of the ordinary words', async () => {
    // NexisXplore is named in the article but has no entry: no source for it could be found.
    const expected = ['Clearview AI', 'Mobile Fortify', 'National Targeting Center', 'ICE Out of Our Faces Act', 'S. 3779'];
    const byKind = await waitFor('highlights of the demo\'s entities', async () => {
      const found = await highlightedTexts(session);
      const texts = Object.values(found).flat();
      return expected.every((text) => texts.includes(text)) ? found : undefined;
    });
    const texts = Object.values(byKind).flat();
    expect(byKind['watchwords-vendor']).toContain('Clearview AI');
    // The article's ordinary words: a wedding ring, gulls that flock, a link, to fortify, ice on the steps, the Pegasus Diner.
    for (const trap of ['ring', 'flock', 'link', 'fortify', 'ice', 'clear', 'predator', 'Pegasus']) expect(texts).not.toContain(trap);
  });

  test('the page DOM is not modified by highlighting', async () => {
    const added = await session.evaluate<string[]>(`[...document.querySelectorAll('watchwords-highlight, mark')].map((e) => e.outerHTML)`);
    expect(added).toEqual([]);
  });

  test('resting the pointer on a mention opens its card; Escape closes it', async () => {
    const card = await hoverCard(session, 'Clearview AI', 'Clearview AI');
    expect(card.text).toContain('Clearview AI');
    expect(card.text).toMatch(/Sources/);
    expect(card.text).toMatch(/as of \d{4}-\d{2}-\d{2}/);
    await session.screenshot(join(screenshots, `card-${browserName}.png`));
    await session.press('Escape');
    await waitFor('the card to close', async () => (await session.accessible('dialog', 'Clearview AI')).length === 0);
  });
});
