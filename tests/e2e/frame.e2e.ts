import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ChromiumSession } from '../../scripts/browsers/chromium';
import { serveFolder } from '../../scripts/browsers/static-server';
import { centreOfHighlight, hoverCard, root, screenshots, waitFor } from '../../scripts/browsers/watchwords-page';
import {
  browserNames, cardNamed, clickButton, command, highlightList, inExtension, launchers, markedNotes, noteMarkBoxes, noteOnSelection, noteSaved,
  scannedMentions, settledHighlights, storedSettings, typeText, visitScanned, type Session,
} from './harness';

const newsLayout = scannedMentions('tests/pages/news-layout.html');
const dark = scannedMentions('tests/pages/dark.html');

/**
 * The overlay frame (entrypoints/overlay): cards, notes and the editor in an extension page the page cannot read,
 * drafts that survive, actions with Undo, what forged input cannot do, touch, and the cap on highlights.
 */
const quoted = 'The cameras record every car that enters the ferry lot';
const story = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbor cameras</title>
<script>window.__messages = []; addEventListener('message', (event) => window.__messages.push(String(event.data && (event.data.type || event.data))));</script>
<style>body{font:18px/1.6 Georgia,serif;max-width:640px;margin:40px auto}</style></head>
<body><article><h1>Harbor cameras</h1><p>The harbor board met on Tuesday to review the new camera contracts.</p>
<p>Residents said the plan came as a surprise. ${quoted} and keep the images for a year.</p>
<p>Clearview AI was not part of the contract, the board said. Flock Safety was.</p></article></body></html>`;
const names = ['Flock Safety', 'ShotSpotter', 'Clearview AI', 'Cellebrite', 'Palantir Technologies'];
const crowded = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Many mentions</title></head><body>${Array.from(
  { length: 500 },
  (_, p) => `<p>${names.map((name) => `${name} again`).join(', ')} (${p}).</p>`,
).join('')}</body></html>`;

const noticeText = (session: Session) => session.inUiShadowRoot<string>(`(root) => root.querySelector('.notices')?.textContent ?? ''`);
const draftsStored = async (session: Session) =>
  Object.entries(await inExtension<Record<string, { body?: string }>>(session, 'api.storage.local.get(null)')).filter(([key]) => key.startsWith('draft:'));

describe.each(browserNames)('the overlay frame in %s', (browserName) => {
  let session: Session;
  const servers: Awaited<ReturnType<typeof serveFolder>>[] = [];
  const folder = mkdtempSync(join(tmpdir(), 'watchwords-frame-'));
  /** Pause and "Not this" are per site: each test that changes them gets a server of its own. */
  const newSite = async (dir = folder) => {
    const server = await serveFolder(dir);
    servers.push(server);
    return server.origin;
  };

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    writeFileSync(join(folder, 'story.html'), story);
    writeFileSync(join(folder, 'crowded.html'), crowded);
    session = await launchers[browserName]();
  });
  afterAll(async () => {
    await session?.close();
    await Promise.all(servers.map((server) => server.close()));
    rmSync(folder, { recursive: true, force: true });
  });

  test('the page hears nothing from Watchwords starting, and forged pointer, key and click events open or close nothing', async () => {
    const site = await newSite();
    await visitScanned(session, `${site}/story.html`);
    expect(await session.evaluate<string[]>(`window.__messages`)).toEqual([]);
    const centre = (await waitFor('a highlight', () => centreOfHighlight(session, 'Clearview AI')))!;
    await session.evaluate(`(() => {
      const at = document.elementFromPoint(${centre.x}, ${centre.y});
      for (let i = 0; i < 20; i++) at.dispatchEvent(new PointerEvent('pointermove', { clientX: ${centre.x}, clientY: ${centre.y}, bubbles: true, pointerType: 'mouse' }));
      document.dispatchEvent(new PointerEvent('pointerup', { bubbles: true }));
      return true;
    })()`);
    await new Promise((done) => setTimeout(done, 1200));
    expect(await session.accessible('dialog')).toEqual([]);

    // A card the reader opened is not closed by a forged Escape.
    await hoverCard(session, 'Clearview AI', 'Clearview AI');
    await session.evaluate(`(document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })), true)`);
    await new Promise((done) => setTimeout(done, 300));
    expect(await session.accessible('dialog', 'Clearview AI')).toHaveLength(1);
    await session.press('Escape');
    await waitFor('the card to close', async () => (await session.accessible('dialog', 'Clearview AI')).length === 0);
  });

  test('a draft survives the page removing our UI, and a reload offers it back; saving it clears it', async () => {
    const site = await newSite();
    await visitScanned(session, `${site}/story.html`);
    await noteOnSelection(session, quoted);
    const text = 'Ask who keeps the ferry images';
    await typeText(session, text);
    await waitFor('the draft to be kept', async () => (await draftsStored(session)).some(([, draft]) => draft.body === text));

    // The page takes our element away: it comes back, with the editor and what was written.
    await session.evaluate(`(document.querySelector('watchwords-ui').remove(), true)`);
    const field = await waitFor('the editor back with the draft', async () =>
      (await session.accessible('textbox', 'Your note')).find((box) => box.text === text),
    10_000);
    expect(field.text).toBe(text);
    await session.screenshot(join(screenshots, `editor-restored-${browserName}.png`));

    // A reload (or a crash, or the tab closed): the page offers the draft back.
    await visitScanned(session, `${site}/story.html`);
    const offer = await cardNamed(session, 'Unsaved notes');
    expect(offer.text).toMatch(/Resume your unsaved note from .+\?/);
    expect(offer.text).toContain(quoted);
    await session.screenshot(join(screenshots, `draft-offer-${browserName}.png`));
    await clickButton(session, 'Resume');
    await waitFor('the editor with the draft', async () => (await session.accessible('textbox', 'Your note')).some((box) => box.text === text));
    await session.press('Control+Enter');
    await noteSaved(session);
    await waitFor('the draft to go', async () => (await draftsStored(session)).length === 0);
    await waitFor('the note marked', async () => (await markedNotes(session)).includes(quoted));
  });

  test('"Not this" offers Undo and "Hide on the whole site" in the card; each does what it says', async () => {
    const site = await newSite(join(root, 'tests/pages'));
    await session.goto(`${site}/news-layout.html`);
    const before = await settledHighlights(session, (l) => l.length === newsLayout.length);
    const flock = before.filter((label) => label.endsWith(':Flock Safety')).length;
    expect(flock).toBe(4);
    await hoverCard(session, 'Flock Safety', 'Flock Safety');
    await clickButton(session, 'Not this');
    const notice = await cardNamed(session, 'Watchwords');
    expect(notice.text).toContain('“Flock Safety” is no longer highlighted as Flock Safety on this page.');
    await settledHighlights(session, (l) => l.length === before.length - flock);
    await session.screenshot(join(screenshots, `not-this-undo-${browserName}.png`));
    await clickButton(session, 'Undo');
    expect(await settledHighlights(session, (l) => l.length === before.length)).toEqual(before);
    expect((await storedSettings(session)).dismissals).toEqual([]);

    await hoverCard(session, 'Flock Safety', 'Flock Safety');
    await clickButton(session, 'Not this');
    await clickButton(session, 'Hide on the whole site');
    await waitFor('the site-wide choice', async () => (await storedSettings(session)).dismissals.every((d) => d.page === undefined));
    const { dismissals } = await storedSettings(session);
    expect(dismissals.map(({ phrase, entityId, site: s }) => ({ phrase, entityId, site: s }))).toEqual([{ phrase: 'flock safety', entityId: 'flock-safety', site: new URL(site).host }]);
    expect((await cardNamed(session, 'Watchwords')).text).toContain(`anywhere on ${new URL(site).host}`);
    await clickButton(session, 'Undo');
    await waitFor('no choice left', async () => (await storedSettings(session)).dismissals.length === 0);
    await settledHighlights(session, (l) => l.length === before.length);
  });

  test('"Pause on this site" offers Undo in the card', async () => {
    const site = await newSite(join(root, 'tests/pages'));
    await session.goto(`${site}/dark.html`);
    await settledHighlights(session, (l) => l.length === dark.length);
    await hoverCard(session, 'ShotSpotter', 'ShotSpotter');
    await clickButton(session, 'Pause on this site');
    await settledHighlights(session, (l) => l.length === 0);
    expect((await cardNamed(session, 'Watchwords')).text).toContain(`Watchwords is paused on ${new URL(site).host}.`);
    await session.screenshot(join(screenshots, `pause-undo-${browserName}.png`));
    await clickButton(session, 'Undo');
    await settledHighlights(session, (l) => l.length === dark.length);
    expect((await storedSettings(session)).sites.paused).toEqual([]);
  });

  test('a related card opens at its top, and offers no "Not this" (the phrase was never that entity)', async () => {
    const site = await newSite(join(root, 'tests/pages'));
    await session.goto(`${site}/dark.html`);
    await settledHighlights(session, (l) => l.length === dark.length);
    await hoverCard(session, 'ShotSpotter', 'ShotSpotter');
    expect(await session.accessible('button', 'Not this')).toHaveLength(1);
    // The reader scrolled this card down, then follows a link in it.
    await session.evaluateInOverlay(`(() => {
      document.querySelector('.card-body').scrollTop = 400;
      [...document.querySelectorAll('.related-button')].find((b) => b.textContent.startsWith('SoundThinking')).click();
      return true;
    })()`);
    await cardNamed(session, 'SoundThinking');
    expect(await session.evaluateInOverlay<number>(`document.querySelector('.card-body').scrollTop`)).toBe(0);
    expect(await session.accessible('button', 'Not this')).toEqual([]);
    expect(await session.accessible('button', 'Pause on this site')).toHaveLength(1);
    await clickButton(session, 'Close');
  });

  test('"announce" also shows a brief visible message', async () => {
    const site = await newSite(join(root, 'tests/pages'));
    await session.goto(`${site}/dark.html`);
    await settledHighlights(session, (l) => l.length === dark.length);
    await command(session, 'announce-mentions');
    await waitFor('the visible message', async () => (await noticeText(session))?.includes(`Watchwords found ${dark.length} mentions on this page.`));
  });

  test('at most 2,000 highlights, with a notice; "Show all" shows every one', async () => {
    const site = await newSite();
    await session.goto(`${site}/crowded.html`);
    await settledHighlights(session, (l) => l.length === 2000, 20_000);
    await waitFor('the notice', async () => (await noticeText(session))?.includes('Watchwords highlighted the first 2,000 mentions on this page.'));
    await session.screenshot(join(screenshots, `highlight-cap-${browserName}.png`));
    await clickButton(session, 'Show all');
    await settledHighlights(session, (l) => l.length === 2500, 30_000);
  });

  test('a single-page app: each route gets its own notes again, and restarts leave no listeners behind', async () => {
    const site = await newSite(join(root, 'tests/pages'));
    const listeners = async () => {
      if (session.browser !== 'chromium') return 0;
      const page = (session as ChromiumSession).page;
      const cdp = await page.context().newCDPSession(page);
      try {
        let total = 0;
        for (const expression of ['document', 'window']) {
          const { result } = await cdp.send('Runtime.evaluate', { expression });
          const { listeners: found } = (await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! })) as { listeners: unknown[] };
          total += found.length;
        }
        return total;
      } finally {
        await cdp.detach();
      }
    };
    await session.goto(`${site}/spa.html?story=2`);
    await settledHighlights(session, (l) => l.some((label) => label.endsWith(':NSO Group')));
    const sentence = 'Castellane has since moved to a new phone and a new number.';
    await noteOnSelection(session, sentence, 'Ask about the old phone');
    const atFirst = await listeners();

    for (const n of [3, 1, 3, 2]) {
      await session.evaluate(`(window.showStory(${n}), true)`);
      await waitFor(`story ${n}`, () => session.evaluate<boolean>(`window.currentStory() === ${n}`));
      await new Promise((done) => setTimeout(done, 900));
    }
    // Back on story 2: its note was fetched again and is marked.
    await waitFor('the note on story 2 marked again', async () => (await markedNotes(session)).includes(sentence), 8000);
    if (session.browser === 'chromium') expect(await listeners()).toBe(atFirst);
    await session.evaluate(`(window.showStory(3), true)`);
    await waitFor('no note marked on story 3', async () => (await markedNotes(session)).length === 0, 8000);
  });

  test('"All notes" in the card opens the notes manager', async () => {
    const site = await newSite(join(root, 'tests/pages'));
    await session.goto(`${site}/dark.html`);
    await settledHighlights(session, (l) => l.length === dark.length);
    await hoverCard(session, 'ShotSpotter', 'ShotSpotter');
    await clickButton(session, 'All notes');
    // Chrome opens its side panel on the reader's click; Firefox (whose framed pages cannot open the sidebar) a tab.
    await waitFor('the notes manager', async () => {
      const tabs = await inExtension<{ url?: string }[]>(session, 'api.tabs.query({})');
      if (tabs.some((tab) => tab.url?.endsWith('/notes.html'))) return true;
      if (session.browser !== 'chromium') return false;
      const contexts = await inExtension<unknown[]>(session, `api.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })`);
      return contexts.length > 0;
    });
  });
});

describe('in chromium only (touch emulation, text inserted into the frame)', () => {
  let session: ChromiumSession;
  let server: Awaited<ReturnType<typeof serveFolder>>;

  beforeAll(async () => {
    server = await serveFolder(join(root, 'tests/pages'));
    session = (await launchers.chromium()) as ChromiumSession;
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  test('tapping a highlight opens its card; tapping elsewhere closes it', async () => {
    const cdp = await session.context.newCDPSession(session.page);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
    const tap = async (x: number, y: number) => {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    await session.goto(`${server.origin}/dark.html`);
    await settledHighlights(session, (l) => l.length === dark.length);
    expect((await highlightList(session)).length).toBe(dark.length);
    const centre = (await waitFor('a highlight', () => centreOfHighlight(session, 'ShotSpotter')))!;
    await tap(centre.x, centre.y);
    await cardNamed(session, 'ShotSpotter');
    await session.screenshot(join(screenshots, 'touch-card-chromium.png'));
    // Elsewhere on the page (the left margin).
    await tap(20, centre.y);
    await waitFor('the card to close', async () => (await session.accessible('dialog', 'ShotSpotter')).length === 0);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: false });
    await cdp.detach();
  });

  test('a 20,000-character note: its popover stays within the window and scrolls', async () => {
    await session.goto(`${server.origin}/dark.html`);
    await settledHighlights(session, (l) => l.length === dark.length);
    await noteOnSelection(session, 'starts her shift at 10 p.m.');
    const frame = session.page.frames().find((f) => f.url().startsWith('chrome-extension:'))!;
    const cdp = await session.context.newCDPSession(frame);
    await cdp.send('Input.insertText', { text: 'A long note. '.repeat(1538) + 'end!' });
    await cdp.detach();
    await session.press('Control+Enter');
    await noteSaved(session);
    await session.moveMouse(5, 5);
    await waitFor('the note marked', async () => (await markedNotes(session)).includes('starts her shift at 10 p.m.'));
    const [box] = (await noteMarkBoxes(session))[0]!;
    await session.moveMouse(box!.left + 10, (box!.top + box!.bottom) / 2);
    const popover = await cardNamed(session, 'Your note');
    expect(popover.box.height).toBeLessThanOrEqual(640);
    expect(popover.box.y).toBeGreaterThanOrEqual(0);
    expect(popover.box.y + popover.box.height).toBeLessThanOrEqual(900);
    expect(await session.evaluateInOverlay<boolean>(`(() => { const body = document.querySelector('.note-popover-body'); return body.scrollHeight > body.clientHeight * 10; })()`)).toBe(true);
    await session.screenshot(join(screenshots, 'long-note-popover-chromium.png'));
  });
});
