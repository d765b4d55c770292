import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../../scripts/browsers/chromium';
import { launchFirefox } from '../../scripts/browsers/firefox';
import type { BrowserSession } from '../../scripts/browsers/session';
import { serveFolder } from '../../scripts/browsers/static-server';
import { kindTable } from '../../core/dataset/kinds';
import { chromeBuild, firefoxAddonId, firefoxBuild, highlightedTexts, hoverCard, root, screenshots, waitFor } from '../../scripts/browsers/watchwords-page';
import { screenshotColours } from './harness';

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

  test('a mention deep inside inline elements is painted in its kind\'s colour', async () => {
    // The highlight rules are on the root in Chromium (its highlight inheritance carries them down) and on every
    // element in Firefox: either way the text of a mention nested in a link, emphasis and a span shows them.
    await session.evaluate(`(() => {
      const p = document.createElement('p');
      p.id = 'deep-mention';
      p.innerHTML = 'Nested: <a href="#"><em><span><b>Clearview AI</b></span></em></a> was named again.';
      document.querySelector('p').after(p);
      p.scrollIntoView({ block: 'center' });
      return true;
    })()`);
    const box = await waitFor('the nested mention highlighted', () =>
      session.evaluate<{ x: number; top: number; bottom: number } | null>(`(() => {
        const range = [...(CSS.highlights.get('watchwords-vendor') ?? [])].find((r) => r.startContainer.parentElement?.closest('#deep-mention'));
        if (!range) return null;
        const rect = range.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, top: rect.top, bottom: rect.bottom };
      })()`),
    );
    await new Promise((done) => setTimeout(done, 300));
    const shot = join(screenshots, `deep-mention-${browserName}.png`);
    await session.screenshot(shot);
    // The reader's default style is an underline in the kind's colour, just below the text.
    const points = Array.from({ length: Math.ceil(box.bottom - box.top) + 10 }, (_, i) => ({ x: box.x, y: box.top + i }));
    const colours = await screenshotColours(session, shot, points);
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(kindTable.vendor.colour.light.slice(i, i + 2), 16)) as [number, number, number];
    const near = colours.filter(([pr, pg, pb]) => Math.abs(pr - r) + Math.abs(pg - g) + Math.abs(pb - b) < 90);
    expect(near.length).toBeGreaterThan(0);
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
