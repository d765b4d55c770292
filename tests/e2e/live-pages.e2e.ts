import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveFolder } from '../../scripts/browsers/static-server';
import { hoverCard, root, screenshots, waitFor } from '../../scripts/browsers/watchwords-page';
import { browserNames, highlightList, launchers, rangesAreLive, scannedMentions, servedInnerHtml, settledHighlights, type Session } from './harness';

/** What `npm run scan` finds in news-layout.html (the static page): kind:text in document order. */
const newsLayoutMentions = scannedMentions('tests/pages/news-layout.html');
const textOf = (label: string) => label.slice(label.indexOf(':') + 1);

describe.each(browserNames)('Watchwords on live pages in %s', (browserName) => {
  let session: Session;
  let server: Awaited<ReturnType<typeof serveFolder>>;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    server = await serveFolder(join(root, 'tests/pages'));
    session = await launchers[browserName]();
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  test('highlighting leaves the article\'s HTML exactly as served', async () => {
    await session.goto(`${server.origin}/news-layout.html`);
    const atLoad = await session.evaluate<string>(`document.querySelector('article').innerHTML`);
    const highlights = await settledHighlights(session, (list) => list.length === newsLayoutMentions.length);
    expect(highlights).toEqual(newsLayoutMentions);
    const served = await servedInnerHtml(session, 'article');
    const servedBody = await servedInnerHtml(session, 'body');
    expect(atLoad).toBe(served);
    expect(await session.evaluate<string>(`document.querySelector('article').innerHTML`)).toBe(served);
    // Nothing added anywhere in the body either (the page has no scripts of its own).
    expect(await session.evaluate<string>(`document.body.innerHTML`)).toBe(servedBody);
    // An open card lives outside the body, in our own element.
    await hoverCard(session, 'ShotSpotter', 'ShotSpotter');
    expect(await session.evaluate<string>(`document.body.innerHTML`)).toBe(servedBody);
    expect(await session.evaluate<string[]>(`[...document.documentElement.children].map((e) => e.localName)`)).toEqual(['head', 'body', 'watchwords-ui']);
    await session.press('Escape');
  });

  test('never highlights the textarea, the contenteditable draft, code or JSON-LD, even when they change', async () => {
    await session.goto(`${server.origin}/news-layout.html`);
    await settledHighlights(session, (list) => list.length === newsLayoutMentions.length);
    const inside = () => session.evaluate<Record<string, string[]>>(`(() => {
      const ranges = [...CSS.highlights].filter(([name]) => name.startsWith('watchwords-')).flatMap(([, h]) => [...h]);
      const within = (selector) => ranges.filter((r) => r.startContainer.parentElement.closest(selector) || r.endContainer.parentElement.closest(selector)).map(String);
      return { textarea: within('textarea'), editable: within('[contenteditable]'), code: within('pre, code'), script: within('script, head') };
    })()`);
    expect(await inside()).toEqual({ textarea: [], editable: [], code: [], script: [] });
    const texts = (await highlightList(session)).map(textOf);
    // The same names elsewhere on the page are highlighted...
    expect(texts.filter((t) => t === 'ShotSpotter')).toHaveLength(2); // not the draft's or the JSON-LD's
    expect(texts.filter((t) => t === 'Flock Safety')).toHaveLength(4); // not the JSON-LD's
    expect(texts).toContain('Palantir Technologies');
    // ...but not where they are only in the skipped parts.
    expect(texts).not.toContain('Palantir'); // the <pre><code> block
    expect(texts).not.toContain('Clearview AI'); // the <textarea> only

    // The reader types into the draft and the comment box, and the page adds a paragraph naming the same tool.
    await session.evaluate(`(() => {
      document.getElementById('comment-draft').append(' Did Clearview AI bid too?');
      document.getElementById('comment-body').append(' And Fog Reveal?');
      const p = document.createElement('p');
      p.id = 'late';
      p.textContent = 'Update: the county confirmed it never bought Clearview AI.';
      document.querySelector('.story__body').append(p);
    })()`);
    await waitFor('the added paragraph to be highlighted', async () =>
      session.evaluate<boolean>(`[...CSS.highlights].some(([name, h]) => name.startsWith('watchwords-') && [...h].some((r) => r.startContainer.parentElement.id === 'late'))`));
    await settledHighlights(session);
    expect(await inside()).toEqual({ textarea: [], editable: [], code: [], script: [] });
    expect((await highlightList(session)).map(textOf).filter((t) => t === 'Clearview AI')).toHaveLength(1);
  });

  test('infinite scroll: an appended teaser is highlighted (how fast: npm run bench, incremental); a removed one leaves no highlight behind', async () => {
    await session.goto(`${server.origin}/infinite-scroll.html`);
    const before = await settledHighlights(session, (list) => list.map(textOf).includes('Flock Safety'));
    expect(before.map(textOf)).toContain('Palantir Technologies');
    const inAppended = (n: number) => session.evaluate<string[]>(`[...CSS.highlights].filter(([name]) => name.startsWith('watchwords-'))
      .flatMap(([, h]) => [...h]).filter((r) => r.startContainer.parentElement.closest('[data-appended="${n}"]')).map(String)`);

    await session.evaluate(`(window.appendTeaser(), true)`);
    const started = Date.now();
    await waitFor('the appended teaser\'s Cellebrite highlighted', async () => (await inAppended(1)).includes('Cellebrite'), 10_000);
    const took = Date.now() - started;
    expect(took).toBeLessThanOrEqual(1100);

    // The rest of the cycle, each with its own entities.
    const expected: Record<number, string[]> = { 2: ['FISA Section 702'], 3: ['Pegasus', 'NSO Group'], 4: ['ShotSpotter'], 5: ['U.S. Customs and Border Protection', 'CBP'] };
    for (const [n, names] of Object.entries(expected)) {
      await session.evaluate(`(window.appendTeaser(), true)`);
      const found = await waitFor(`teaser ${n} highlighted`, async () => {
        const texts = await inAppended(Number(n));
        return names.every((name) => texts.some((t) => t === name || t.startsWith(`${name} `))) ? texts : undefined;
      }, 10_000);
      expect(found.length).toBeGreaterThan(0);
    }

    // The first teaser is the only one naming Flock Safety.
    const removed = await session.evaluate<string>(`window.removeFirstTeaser()`);
    expect(removed).toContain('plate camera contract');
    await waitFor('the removed teaser\'s highlights gone', async () =>
      (await rangesAreLive(session)) && !(await highlightList(session)).map(textOf).includes('Flock Safety'), 10_000);
    expect(await rangesAreLive(session)).toBe(true);
    expect((await highlightList(session)).map(textOf)).toContain('Cellebrite');
  });

  test('single-page app: each story gets its own highlights, back and forward too', async () => {
    const story1 = ['Mobile Fortify', 'Clearview AI'];
    const story2 = ['NSO Group', 'Cellebrite', 'FISA Section 702'];
    await session.goto(`${server.origin}/spa.html`);
    const first = (await settledHighlights(session, (list) => story1.every((name) => list.map(textOf).includes(name)))).map(textOf);
    expect(first).toContain('ICE');

    await session.evaluate(`(window.showStory(2), true)`);
    const second = (await settledHighlights(session, (list) => {
      const texts = list.map(textOf);
      return story2.every((name) => texts.includes(name)) && !story1.some((name) => texts.includes(name));
    })).map(textOf);
    expect(second.filter((t) => t.startsWith('Pegasus'))).toHaveLength(2); // not "Pegasus Airlines"
    expect(await session.evaluate<boolean>(`[...CSS.highlights].filter(([name]) => name.startsWith('watchwords-'))
      .every(([, h]) => [...h].every((r) => !r.endContainer.data.slice(r.endOffset).startsWith(' Airlines')))`)).toBe(true);
    expect(await rangesAreLive(session)).toBe(true);
    for (const name of [...story1, 'ICE', 'DHS']) expect(second).not.toContain(name);

    await session.evaluate(`(window.showStory(3), true)`);
    await settledHighlights(session, (list) => list.length === 0);
    expect(await session.evaluate<number>(`[...CSS.highlights].filter(([name]) => name.startsWith('watchwords-')).reduce((n, [, h]) => n + h.size, 0)`)).toBe(0);

    await session.evaluate(`(history.back(), true)`);
    await waitFor('story 2 again', () => session.evaluate<boolean>(`window.currentStory() === 2`));
    const again = (await settledHighlights(session, (list) => story2.every((name) => list.map(textOf).includes(name)))).map(textOf);
    expect(again).toEqual(second);
    expect(await rangesAreLive(session)).toBe(true);
  });

  test('no console errors from the extension while loading, hovering and opening a card (nor in the tests above)', async () => {
    await session.goto(`${server.origin}/dark.html`);
    await settledHighlights(session, (list) => list.length === 3);
    await session.screenshot(join(screenshots, `dark-highlights-${browserName}.png`));
    const card = await hoverCard(session, 'Clearview AI', 'Clearview AI');
    expect(card.text).toContain('Sources');
    await session.screenshot(join(screenshots, `dark-card-${browserName}.png`));
    await session.press('Escape');
    await waitFor('the card to close', async () => (await session.accessible('dialog', 'Clearview AI')).length === 0);

    const entries = session.logEntries();
    const ours = entries.filter((entry) => /watchwords|chrome-extension:|moz-extension:/i.test(`${entry.text}\n${entry.source}`));
    expect(ours).toEqual([]);
    // The fixture pages throw nothing of their own, so any uncaught error here (an extension's rejection can come
    // without a script address) is ours too.
    expect(entries.filter((entry) => entry.type === 'error')).toEqual([]);
  });
});
