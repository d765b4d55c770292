import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { serveFolder } from '../../scripts/browsers/static-server';
import { centreOfHighlight, clickInCard, hoverCard, root, screenshots, waitFor } from '../../scripts/browsers/watchwords-page';
import {
  browserNames, cardNamed, changeSettings, screenshotColours, clickButton, command, highlightList, inExtension, launchers, servedInnerHtml,
  noteSaved, scannedMentions, settledHighlights, staysTrue, storedSettings, type Session,
} from './harness';

const textOf = (label: string) => label.slice(label.indexOf(':') + 1);
/** The highlights of the fixture pages, as the scan CLI finds them with today's dataset. */
const newsLayout = scannedMentions('tests/pages/news-layout.html');
const dark = scannedMentions('tests/pages/dark.html');
const newsLayoutCount = newsLayout.length;
const darkCount = dark.length;
const marks = (session: Session) =>
  session.evaluate<{ kind: string; text: string; nested: boolean; children: number }[]>(`[...document.querySelectorAll('watchwords-mark')].map((m) => ({
    kind: m.dataset.kind, text: m.textContent, nested: !!m.parentElement.closest('watchwords-mark'),
    children: [...m.childNodes].filter((n) => n.nodeType !== 3).length }))`);
const activeElement = (session: Session) => session.evaluate<string>(`(() => { const e = document.activeElement; return e ? e.localName + (e.id ? '#' + e.id : '') + (e.getAttribute('rel') ? '[rel=' + e.getAttribute('rel') + ']' : '') : 'none'; })()`);

describe.each(browserNames)('the card\'s actions and the keyboard in %s', (browserName) => {
  let session: Session;
  /** Pause and "Not this" are per site (host and port): each test that changes them gets a server of its own. */
  const servers: Awaited<ReturnType<typeof serveFolder>>[] = [];
  const newSite = async () => {
    const server = await serveFolder(join(root, 'tests/pages'));
    servers.push(server);
    return server.origin;
  };

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    session = await launchers[browserName]();
  });
  afterEach(async () => {
    // No test leaves a card open, or the fallback on, for the next one.
    await changeSettings(session, (settings) => ({ ...settings, highlightMethod: 'auto' }));
  });
  afterAll(async () => {
    await session?.close();
    await Promise.all(servers.map((server) => server.close()));
  });

  test('keyboard: "next mention" opens the first mention\'s card with focus in it, then the next; Escape gives focus back', async () => {
    const site = await newSite();
    await session.goto(`${site}/dark.html`);
    const list = await settledHighlights(session, (l) => l.length === darkCount);
    expect(list.map(textOf)).toEqual(dark.map(textOf));
    // The reader was on the byline's link.
    await session.evaluate(`(document.querySelector('a[rel=author]').focus(), true)`);
    expect(await activeElement(session)).toBe('a[rel=author]');

    await command(session, 'next-mention');
    const card = await cardNamed(session, 'Flock Safety');
    expect(await activeElement(session)).toBe('watchwords-ui');
    // Next to the first mention (below it, or above when there is no room), inside the viewport.
    const mention = await session.evaluate<{ top: number; bottom: number; left: number; right: number }>(`(() => {
      const range = [...CSS.highlights.get('watchwords-vendor')].find((r) => r.toString() === 'Flock Safety');
      const r = range.getClientRects()[0]; return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
    })()`);
    expect(mention.top).toBeGreaterThanOrEqual(0);
    expect(mention.bottom).toBeLessThanOrEqual(900);
    const gapBelow = card.box.y - mention.bottom;
    const gapAbove = mention.top - (card.box.y + card.box.height);
    expect(Math.min(Math.abs(gapBelow - 6), Math.abs(gapAbove - 6))).toBeLessThan(3);
    expect(card.box.y).toBeGreaterThanOrEqual(0);
    expect(card.box.y + card.box.height).toBeLessThanOrEqual(900);
    const shot = join(screenshots, `keyboard-card-${browserName}.png`);
    await session.screenshot(shot);
    // Focus is on the card itself, in the frame.
    expect(await session.evaluateInOverlay<string | null>(`document.activeElement.getAttribute('aria-label')`)).toBe('Flock Safety');
    // Focus shows: the accent-coloured ring just outside the card's left edge (outline-offset 2px, 2px wide), in
    // the card's dark colours, as the page is dark. (Headless Chromium gives an out-of-process frame no focus state
    // of its own, so `:focus` never matches there; Firefox draws it.)
    if (browserName === 'firefox') {
      const leftOfCard = await screenshotColours(session, shot, [1, 2, 3, 4, 5].map((dx) => ({ x: card.box.x - dx, y: card.box.y + card.box.height / 2 })));
      expect(leftOfCard.some(([r, g, b]) => Math.abs(r - 0x93) + Math.abs(g - 0xc5) + Math.abs(b - 0xfd) < 30), JSON.stringify(leftOfCard)).toBe(true);
    }
    // The card itself is dark on this dark page.
    const [inside] = await screenshotColours(session, shot, [{ x: card.box.x + card.box.width - 70, y: card.box.y + 5 }]);
    expect(inside!.reduce((sum, c) => sum + c, 0) / 3, JSON.stringify(inside)).toBeLessThan(60);

    await command(session, 'next-mention');
    await cardNamed(session, 'ShotSpotter');
    expect(await session.accessible('dialog', 'Flock Safety')).toEqual([]);
    expect(await activeElement(session)).toBe('watchwords-ui');

    await session.press('Escape');
    await waitFor('the card to close', async () => (await session.accessible('dialog', 'ShotSpotter')).length === 0);
    expect(await activeElement(session)).toBe('a[rel=author]');

    await command(session, 'announce-mentions');
    const status = await waitFor('the announcement', async () => (await session.accessible('status')).find((s) => s.text.includes('mentions on this page')));
    expect(status.text).toMatch(/^Watchwords found 3 mentions on this page\.\u200B?$/);
  });

  test('keyboard: "announce" works on a page where no card was opened yet', async () => {
    const site = await newSite();
    await session.goto(`${site}/news-layout.html`);
    const list = await settledHighlights(session, (l) => l.length === newsLayoutCount);
    await command(session, 'announce-mentions');
    const status = await waitFor('the announcement', async () => (await session.accessible('status')).find((s) => s.text.includes('mentions on this page')));
    expect(status.text).toContain(`Watchwords found ${list.length} mentions on this page.`);
  });

  test('"Not this" removes that entity\'s highlights for the phrase on the page, and they stay gone after a reload', async () => {
    const site = await newSite();
    await session.goto(`${site}/news-layout.html`);
    const before = (await settledHighlights(session, (l) => l.length === newsLayoutCount)).map(textOf);
    expect(before.filter((t) => t === 'Flock Safety')).toHaveLength(4);
    await hoverCard(session, 'Flock Safety', 'Flock Safety');
    await clickButton(session, 'Not this');
    await waitFor('the card to close', async () => (await session.accessible('dialog', 'Flock Safety')).length === 0);
    const after = (await settledHighlights(session, (l) => !l.map(textOf).includes('Flock Safety'))).map(textOf);
    expect(after).toEqual(before.filter((t) => t !== 'Flock Safety'));

    const { dismissals } = await storedSettings(session);
    expect(dismissals.map(({ site: s, phrase, entityId, entityName, page }) => ({ site: s, phrase, entityId, entityName, page }))).toEqual([
      { site: new URL(site).host, phrase: 'flock safety', entityId: 'flock-safety', entityName: 'Flock Safety', page: `${site}/news-layout.html` },
    ]);

    await session.goto(`${site}/news-layout.html`);
    const reloaded = (await settledHighlights(session, (l) => l.length === after.length)).map(textOf);
    expect(reloaded).toEqual(after);
    // On another site the phrase is still highlighted.
    await session.goto(`${await newSite()}/news-layout.html`);
    expect((await settledHighlights(session, (l) => l.length === newsLayoutCount)).map(textOf)).toEqual(before);
  });

  test('"Pause on this site" removes every highlight, also after a reload; resuming brings them back', async () => {
    const site = await newSite();
    await session.goto(`${site}/dark.html`);
    await settledHighlights(session, (l) => l.length === darkCount);
    await hoverCard(session, 'ShotSpotter', 'ShotSpotter');
    await clickButton(session, 'Pause on this site');
    await settledHighlights(session, (l) => l.length === 0);
    expect(await session.accessible('dialog', 'ShotSpotter')).toEqual([]);
    expect((await storedSettings(session)).sites.paused).toEqual([new URL(site).host]);

    await session.goto(`${site}/dark.html`);
    // Unpaused, this page is highlighted within about 500 ms of its load event; watch for twice that.
    await staysTrue('no highlights on the paused site', async () => (await highlightList(session)).length === 0, 1000);

    await changeSettings(session, (settings) => ({ ...settings, sites: { ...settings.sites, paused: [] } }));
    expect((await settledHighlights(session, (l) => l.length === darkCount)).map(textOf)).toEqual(dark.map(textOf));
  });

  test('compatibility mode wraps exactly the mentions in <watchwords-mark>; back to automatic leaves the HTML as served', async () => {
    const site = await newSite();
    await session.goto(`${site}/news-layout.html`);
    const highlighted = await settledHighlights(session, (l) => l.length === newsLayoutCount);
    const served = await servedInnerHtml(session, 'article');

    await changeSettings(session, (settings) => ({ ...settings, highlightMethod: 'wrap' }));
    const wrapped = await waitFor('the marks', async () => {
      const found = await marks(session);
      return found.length === highlighted.length ? found : undefined;
    });
    expect(wrapped.map(({ kind, text }) => `${kind}:${text}`)).toEqual(highlighted);
    expect(wrapped.every(({ nested, children }) => !nested && children === 0)).toBe(true);
    expect(await highlightList(session)).toEqual([]);
    // Text outside the marks is untouched: the article reads the same.
    expect(await session.evaluate<string>(`document.querySelector('article').textContent`)).toBe(
      await session.evaluate<string>(`new DOMParser().parseFromString('<article>' + ${JSON.stringify(served)} + '</article>', 'text/html').querySelector('article').textContent`),
    );

    const centre = await session.evaluate<{ x: number; y: number }>(`(() => {
      const mark = [...document.querySelectorAll('watchwords-mark')].find((m) => m.textContent === 'ShotSpotter');
      mark.scrollIntoView({ block: 'center' });
      const r = mark.getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    })()`);
    await session.screenshot(join(screenshots, `fallback-marks-${browserName}.png`));
    await session.moveMouse(centre.x - 3, centre.y);
    await session.moveMouse(centre.x, centre.y);
    await cardNamed(session, 'ShotSpotter');
    await session.press('Escape');
    await waitFor('the card to close', async () => (await session.accessible('dialog', 'ShotSpotter')).length === 0);

    await changeSettings(session, (settings) => ({ ...settings, highlightMethod: 'auto' }));
    await waitFor('the marks to go', async () => (await marks(session)).length === 0);
    expect(await settledHighlights(session, (l) => l.length === newsLayoutCount)).toEqual(highlighted);
    expect(await session.evaluate<string>(`document.querySelector('article').innerHTML`)).toBe(served);
    expect(await session.evaluate<number>(`document.querySelectorAll('watchwords-mark').length`)).toBe(0);
  });

  test('"Add note" in the card: Ctrl+Enter saves the note, and the page sees none of what was typed', async () => {
    const site = await newSite();
    await session.goto(`${site}/dark.html`);
    await settledHighlights(session, (l) => l.length === darkCount);
    // A page script listening for every keystroke, as a key logger would.
    await session.evaluate(`(window.__typed = [], ['keydown', 'keyup', 'keypress', 'beforeinput', 'input'].forEach((type) => {
      for (const target of [window, document]) for (const capture of [true, false])
        target.addEventListener(type, (e) => window.__typed.push(type + ':' + (e.key ?? e.data) + ':' + e.isTrusted), capture);
    }), true)`);
    await hoverCard(session, 'Clearview AI', 'Clearview AI');
    await clickButton(session, 'Add note');
    await cardNamed(session, 'Add a note on Clearview AI');
    for (const key of 'Asked the county') await session.press(key === ' ' ? 'Space' : key);
    // Nothing typed reached the page.
    expect(await session.evaluate<string[]>(`window.__typed`)).toEqual([]);
    await session.press('Control+Enter');
    await noteSaved(session);
    // Saving closes the editor, so the chord's key-ups may go to the page. And Firefox makes every keyboard event
    // composed: there the page may see the untrusted copy of Ctrl+Enter our UI acts on, retargeted to our element.
    const afterSave = await session.evaluate<string[]>(`window.__typed`);
    expect(afterSave.filter((event) => !/^keyup:(Enter|Control):true$|^key(down|up):Enter:false$/.test(event))).toEqual([]);
    if (browserName === 'chromium') expect(afterSave.filter((event) => event.startsWith('keydown'))).toEqual([]);

    // The pointer goes straight from where the editor was back onto the mention (nothing of the page in between:
    // the frame had it): its card opens again, and now lists the note. (It did not: the card it had opened before
    // the editor still counted as on its way, and Firefox's CI failed here one run in three.)
    const centre = (await centreOfHighlight(session, 'Clearview AI'))!;
    await session.moveMouse(centre.x, centre.y);
    const card = await cardNamed(session, 'Clearview AI');
    expect(card.text).toContain('Asked the county');
    // Closed by the reader while the pointer rests there: moving within the mention does not bring it back…
    await session.press('Escape');
    await waitFor('the card to close', async () => (await session.accessible('dialog', 'Clearview AI')).length === 0);
    await session.moveMouse(centre.x + 2, centre.y);
    await staysTrue('the closed card stays closed', async () => (await session.accessible('dialog')).length === 0, 1000);
    // …leaving it and coming back does.
    await session.moveMouse(5, 450);
    await new Promise((done) => setTimeout(done, 200));
    await session.moveMouse(centre.x, centre.y);
    await cardNamed(session, 'Clearview AI');
    await session.press('Escape');
  });

  test('earlier developments stay folded under the latest one until the reader opens them, by keyboard or a click', async () => {
    const site = await newSite();
    await session.goto(`${site}/news-layout.html`);
    await settledHighlights(session, (l) => l.length === newsLayoutCount);
    await hoverCard(session, 'Flock Safety', 'Flock Safety');
    const folded = () =>
      session.evaluateInOverlay<{ summary: string; open: boolean; shown: number; items: number }>(`(() => {
        const details = document.querySelector('details.card-earlier');
        const items = [...details.querySelectorAll('li')];
        return { summary: details.querySelector('summary').textContent, open: details.open,
          shown: items.filter((item) => item.checkVisibility()).length, items: items.length };
      })()`);
    const closed = await folded();
    expect(closed.summary).toBe(`Earlier developments (${closed.items})`);
    expect(closed.items).toBeGreaterThan(1);
    expect(closed).toMatchObject({ open: false, shown: 0 });
    await session.evaluateInOverlay(`(document.querySelector('details.card-earlier summary').focus(), true)`);
    await session.press('Enter');
    await waitFor('the earlier developments to open', async () => (await folded()).open);
    expect((await folded()).shown).toBe(closed.items);
    await session.screenshot(join(screenshots, `card-earlier-${browserName}.png`));
    await session.press('Space');
    await waitFor('the earlier developments to fold again', async () => !(await folded()).open);
    // A click on the line opens them too.
    await clickInCard(session, 'details.card-earlier summary');
    await waitFor('a click to open the earlier developments', async () => (await folded()).open);
    await session.press('Escape');
    await waitFor('the card to close', async () => (await session.accessible('dialog', 'Flock Safety')).length === 0);
  });

  test('a related entity opens its own card, with a Back button to the first', async () => {
    const site = await newSite();
    await session.goto(`${site}/dark.html`);
    await settledHighlights(session, (l) => l.length === darkCount);
    const card = await hoverCard(session, 'ShotSpotter', 'ShotSpotter');
    expect(card.text).toContain('Made by');
    expect(await session.accessible('button', 'Back')).toEqual([]);
    await clickButton(session, 'SoundThinking');
    const related = await cardNamed(session, 'SoundThinking');
    expect(related.text).toContain('SoundThinking');
    expect(await session.accessible('dialog', 'ShotSpotter')).toEqual([]);
    expect(await session.accessible('button', 'Back')).toHaveLength(1);
    await session.screenshot(join(screenshots, `related-card-${browserName}.png`));

    await clickButton(session, 'Back');
    await cardNamed(session, 'ShotSpotter');
    expect(await session.accessible('dialog', 'SoundThinking')).toEqual([]);
    expect(await session.accessible('button', 'Back')).toEqual([]);
    await clickButton(session, 'Close');
    await waitFor('the card to close', async () => (await session.accessible('dialog', 'ShotSpotter')).length === 0);
  });

  test('none of the above made the extension log an error', () => {
    const ours = session.logEntries().filter((entry) => entry.type === 'error' || /watchwords|chrome-extension:|moz-extension:/i.test(`${entry.text}\n${entry.source}`));
    expect(ours.map((entry) => `${entry.level}: ${entry.text} ${entry.source.split('\n')[0]}`)).toEqual([]);
  });
});
