import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Note } from '../../core/notes/note';
import type { FirefoxSession } from '../../scripts/browsers/firefox';
import { serveFolder } from '../../scripts/browsers/static-server';
import { root, screenshots, waitFor } from '../../scripts/browsers/watchwords-page';
import { inExtension, launchers, noteEditorOpen, markedNotes, noteSaved, selectText, storedRecords, typeText, visitScanned, type Session } from './harness';

const sentence = 'Then he waved her through the gate at the Port Haskell ferry terminal.';
const body = 'Which database does the ferry scan feed';

describe('the "Add a Watchwords note" context-menu item in firefox', () => {
  let session: FirefoxSession;
  let server: Awaited<ReturnType<typeof serveFolder>>;
  const visit = async () => {
    await visitScanned(session, `${server.origin}/article.html`);
  };

  beforeAll(async () => {
    server = await serveFolder(join(root, 'demo'));
    // The Firefox launcher has system access, which `contextMenu` needs to reach the browser's own menu.
    session = (await launchers.firefox()) as FirefoxSession;
    await visit();
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  test('chosen on a selection, it opens the note editor there; the saved note is stored and its quote highlighted', async () => {
    const point = await selectText(session, sentence);
    await session.contextMenu(point.x, point.y, 'Add a Watchwords note');
    await noteEditorOpen(session);
    await typeText(session, body);
    await session.screenshot(join(screenshots, 'context-menu-note-editor-firefox.png'));
    await session.press('Control+Enter');
    await noteSaved(session);
    const notes = await storedRecords<Note>(session, 'notes');
    expect(notes.map((note) => ({ body: note.body, quote: note.target.kind === 'page' && note.target.quote.exact }))).toEqual([{ body, quote: sentence }]);
    await waitFor('the note highlight', async () => (await markedNotes(session)).includes(sentence));
  });

  test('after a reload the quote is highlighted again', async () => {
    await visit();
    await waitFor('the note highlight', async () => (await markedNotes(session)).includes(sentence));
    expect((await storedRecords<{ state: string }>(session, 'anchoring')).map((s) => s.state)).toEqual(['anchored']);
  });
});

// Chromium's context menu is native browser UI: CDP and Playwright cannot open or click it, and no extension or
// testing API clicks an item (so its click path is covered in Firefox only). What can be seen is that the service
// worker registered the item: updating an item with no changes succeeds only for an id that exists. Its title and
// contexts cannot be read back.
describe('the context-menu item in chromium', () => {
  let session: Session;

  beforeAll(async () => {
    session = await launchers.chromium();
  });
  afterAll(async () => {
    await session?.close();
  });

  test('is registered by the service worker', async () => {
    await waitFor('the menu item', () =>
      inExtension<boolean>(session, `api.contextMenus.update('watchwords-add-note', {}).then(() => true, () => false)`),
    );
  });

  test('"Watch this name" and "Report a mistake…" are registered too (their routes run in tests/e2e/watchlist.e2e.ts)', async () => {
    for (const id of ['watchwords-watch-name', 'watchwords-report-mistake']) {
      await waitFor(`the menu item ${id}`, () => inExtension<boolean>(session, `api.contextMenus.update('${id}', {}).then(() => true, () => false)`));
    }
  });
});
