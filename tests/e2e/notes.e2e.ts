import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { noteEntryV2Schema } from '../../core/exchange/watchwords-json';
import { launchChromium, type ChromiumSession } from '../../scripts/browsers/chromium';
import { serveFolder } from '../../scripts/browsers/static-server';
import { chromeBuild, root, screenshots, waitFor } from '../../scripts/browsers/watchwords-page';
import { noteEditorOpen, noteSaved } from './harness';

const quote = 'a government database, or a commercial product';
const body = 'Ask CBP which database the ferry scans go to.';

describe('keeping a note on a selection in chromium', () => {
  let session: ChromiumSession;
  let server: Awaited<ReturnType<typeof serveFolder>>;
  let articleUrl: string;

  beforeAll(async () => {
    server = await serveFolder(join(root, 'demo'));
    session = await launchChromium({ extensionDir: chromeBuild });
    articleUrl = `${server.origin}/article.html?utm_source=newsletter`;
    await session.goto(articleUrl);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  test('select text, choose "Add note", write and save with Ctrl+Enter', async () => {
    await waitFor('the scan', () => session.evaluate<boolean>(`CSS.highlights.size > 0`));
    await session.evaluate(`(() => {
      const paragraph = [...document.querySelectorAll('p')].find((p) => p.textContent.includes(${JSON.stringify(quote)}));
      const node = [...paragraph.childNodes].find((n) => n.nodeType === 3 && n.data.includes(${JSON.stringify(quote)}));
      const start = node.data.indexOf(${JSON.stringify(quote)});
      getSelection().setBaseAndExtent(node, start, node, start + ${quote.length});
    })()`);
    await session.press('Shift');
    const [button] = await waitFor('the Add note button', async () => {
      const found = await session.accessible('button', 'Add note');
      return found.length ? found : undefined;
    });
    await session.page.mouse.click(button!.box.x + button!.box.width / 2, button!.box.y + button!.box.height / 2);
    await noteEditorOpen(session);
    // A page script listening for every keystroke, as a key logger would.
    await session.evaluate(`(window.__typed = [], ['keydown', 'keyup', 'input', 'beforeinput'].forEach((type) => window.addEventListener(type, (e) => window.__typed.push(type), true)))`);
    await session.page.keyboard.type(body);
    await session.screenshot(join(screenshots, 'note-editor-chromium.png'));
    // What is being written is in the extension's frame, not in the page: the page's own search does not find it.
    expect(await session.evaluate<boolean>(`window.find(${JSON.stringify(body.slice(0, 20))})`)).toBe(false);
    await session.page.keyboard.press('Control+Enter');
    await noteSaved(session);
  });

  test('the page cannot see the note: no keystrokes, no page IndexedDB, a closed shadow root', async () => {
    expect(await session.evaluate<string[]>(`window.__typed`)).toEqual([]);
    expect(await session.evaluate<string[]>(`indexedDB.databases().then((dbs) => dbs.map((db) => db.name))`)).toEqual([]);
    expect(await session.evaluate<boolean>(`document.querySelector('watchwords-ui').shadowRoot === null`)).toBe(true);

  });

  test('after a reload the popup lists the note for this page', async () => {
    await session.page.reload();
    const popup = await session.context.newPage();
    await popup.goto(`${session.extensionOrigin}/popup.html`);
    await popup.getByText(body).waitFor({ timeout: 5000 });
    expect(await popup.textContent('main')).toContain(quote);
    await popup.screenshot({ path: join(screenshots, 'popup-chromium.png') });
    await popup.close();
  });

  test('"Export all notes (JSON)" downloads every note, valid against the note model', async () => {
    const popup = await session.context.newPage();
    await popup.goto(`${session.extensionOrigin}/popup.html`);
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: 'Export all notes (JSON)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^watchwords-notes-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { format: string; version: number; notes: unknown[] };
    expect(exported).toMatchObject({ format: 'watchwords-notes', version: 2 });
    expect(exported.notes).toHaveLength(1);
    expect(noteEntryV2Schema.parse(exported.notes[0]).body).toBe(body);
    await popup.close();
  });
});
