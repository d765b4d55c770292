/**
 * Injection: markup, script, template, formula and link payloads in every field a page or a note can carry — note
 * body, tags, page title, quote, page address, canonical link, "Not this" page — shown in the card, the note, the
 * editor, the popup, the notes manager and the options page, and exported. Nothing may run (a payload that runs
 * requests an address under /pwned, which the network recorder sees), everything is shown as text, and the JSON export
 * gives back exactly what was written. (Main has one export format, JSON; W3C, Markdown and CSV are not there yet.)
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { createEntityNote, type Note } from '../../core/notes/note';

import {
  clickButton, hostileSuite, readerOpensCard, readerPinsCard, readerSavesNote, readerSeesNote, readerWritesDraft, readerWritesNote,
  resetSettings, secret, seedNote, seedPageNote, settingsOf, settle, visit, waitFor, type World,
} from './harness';

const payloads = [
  `<img src="/pwned-img" onerror="fetch('/pwned-onerror')">`,
  `"><svg onload="fetch('/pwned-svg')"></svg>`,
  `javascript:fetch('/pwned-js')`,
  `</textarea><script>fetch('/pwned-script')</script>`,
  `{{constructor.constructor('fetch("/pwned-template")')()}}`,
  `=HYPERLINK("/pwned-formula","x")`,
  `[link](javascript:fetch('/pwned-md'))`,
  `\u202eRTL override ${secret.pageNote}`,
];
const payloadBody = payloads.join('\n');
const page = (world: World, name: string) => `${world.siteA}/injection/${name}.html`;

async function expectNothingRan(world: World): Promise<void> {
  const ran = (await world.session.networkRequests()).filter((request) => {
    try {
      return new URL(request.url).pathname.includes('/pwned');
    } catch {
      return false;
    }
  });
  expect(ran, 'requests made by a payload that ran').toEqual([]);
}

/** Chromium: the popup and the notes manager, each opened in a tab, show every note (and run nothing). */
async function extensionPagesShowNotes(world: World, expected: string): Promise<void> {
  const session = world.session;
  if (session.browser !== 'chromium') return;
  for (const path of ['notes.html', 'popup.html']) {
    const extensionPage = await session.context.newPage();
    try {
      await extensionPage.goto(`${session.extensionOrigin}/${path}`);
      // Polled: on a loaded machine the page may still be rendering. Then a pause, counted from the render, in which a
      // payload that ran would make its request (expectNothingRan looks for it).
      if (path === 'notes.html') await expect.poll(() => extensionPage.textContent('body'), { message: `${path} shows the payload as text`, timeout: 15_000 }).toContain(expected);
      await settle(1500);
    } finally {
      await extensionPage.close();
    }
  }
}

hostileSuite('injection', (attack) => {
  attack('injection/note-body', {}, async (world) => {
    await seedPageNote(world, page(world, 'note-body'), { body: payloadBody, tags: payloads.map((p) => p.slice(0, 90)), title: payloads[0] });
    await visit(world, page(world, 'note-body'));
    await readerSeesNote(world);
    const [note] = await world.session.accessible('dialog', 'Your note');
    expect(note?.text, 'the note shows its body as text').toContain(payloads[0]);
    await extensionPagesShowNotes(world, payloads[3]!);
    await expectNothingRan(world);
  });

  attack('injection/entity-note', {}, async (world) => {
    await seedNote(world, createEntityNote({ entityId: 'flock-safety', body: payloadBody, tags: [payloads[1]!] }, { deviceId: 'security-suite', now: new Date(), id: crypto.randomUUID() }));
    await visit(world, page(world, 'entity-note'));
    await readerOpensCard(world, 'Flock Safety');
    const [card] = await world.session.accessible('dialog', 'Flock Safety');
    expect(card?.text, 'the card shows the note as text').toContain(payloads[0]);
    await expectNothingRan(world);
  });

  attack('injection/page-title', {}, async (world) => {
    await visit(world, page(world, 'page-title'));
    const title = await world.session.evaluate<string>('document.title');
    const saved = await readerWritesNote(world, `Title test ${secret.draft}`);
    expect(saved.target.kind === 'page' && saved.target.title).toBe(title);
    await extensionPagesShowNotes(world, title.slice(0, 40));
    await expectNothingRan(world);
  });

  attack('injection/quote', {}, async (world) => {
    await visit(world, page(world, 'quote'));
    const quote = `<img src="/pwned-quote" onerror="fetch('/pwned-quote-onerror')"> and </textarea><script>fetch('/pwned-quote-script')</script>`;
    await readerWritesDraft(world, `Quote test ${secret.draft}`, quote);
    const [editor] = await world.session.accessible('dialog', 'Add a note');
    expect(editor?.text, 'the editor shows the quote as text').toContain('<img src="/pwned-quote"');
    const saved = await readerSavesNote(world, `Quote test ${secret.draft}`);
    expect(saved.target.kind === 'page' && saved.target.quote.exact).toBe(quote);
    await extensionPagesShowNotes(world, '<img src="/pwned-quote"');
    await expectNothingRan(world);
  });

  attack('injection/url', {}, async (world) => {
    const url = `${page(world, 'url')}?q=${encodeURIComponent(payloads[0]!)}&r=${encodeURIComponent(payloads[2]!)}`;
    await visit(world, url);
    const saved = await readerWritesNote(world, `Address test ${secret.draft}`);
    expect(saved.target.kind === 'page' && new URL(saved.target.url).pathname).toBe('/injection/url.html');
    await extensionPagesShowNotes(world, `Address test ${secret.draft}`);
    await expectNothingRan(world);
  });

  attack('injection/canonical', {}, async (world) => {
    await visit(world, page(world, 'canonical'));
    const saved = await readerWritesNote(world, `Canonical test ${secret.draft}`);
    expect(saved.target.kind === 'page' && [saved.target.url, ...saved.target.alternateUrls]).toEqual([page(world, 'canonical')]);
    const session = world.session;
    if (session.browser === 'chromium') {
      const manager = await session.context.newPage();
      try {
        await manager.goto(`${session.extensionOrigin}/notes.html`);
        await manager.getByText(`Canonical test ${secret.draft}`).waitFor();
        await manager.locator('article', { hasText: `Canonical test ${secret.draft}` }).getByRole('button', { name: 'Open' }).click();
        await settle(1500);
      } finally {
        await manager.close();
      }
    }
    await expectNothingRan(world);
  });

  attack('injection/not-this', { browsers: ['chromium'] }, async (world) => {
    const session = world.session;
    if (session.browser !== 'chromium') return;
    await visit(world, `${page(world, 'not-this')}?q=${encodeURIComponent(payloads[0]!)}`);
    await readerPinsCard(world);
    await clickButton(session, 'Not this');
    try {
      await waitFor('the choice', async () => (await settingsOf(world)).dismissals.length > 0);
      const options = await session.context.newPage();
      try {
        await options.goto(`${session.extensionOrigin}/options.html`);
        // Rendered first, then the pause in which a payload that ran would make its request.
        await expect.poll(() => options.textContent('body'), { timeout: 15_000 }).toContain('Clearview AI');
        await settle(1500);
      } finally {
        await options.close();
      }
      await expectNothingRan(world);
    } finally {
      await resetSettings(world);
    }
  });

  attack('injection/export', { browsers: ['chromium'] }, async (world) => {
    const session = world.session;
    if (session.browser !== 'chromium') return;
    const written = await seedPageNote(world, page(world, 'export'), { body: payloadBody, tags: payloads.map((p) => p.slice(0, 90)), title: payloads.join(' ').slice(0, 900) });
    await visit(world, page(world, 'export'));
    const popup = await session.context.newPage();
    try {
      await popup.goto(`${session.extensionOrigin}/popup.html`);
      const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: 'Export all notes (JSON)' }).click()]);
      const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { notes: (Note & { state?: unknown })[] };
      // Exactly as written (beside the clock stamps the export adds for imports and merges).
      const { state, ...exportedNote } = exported.notes.find((note) => note.id === written.id) ?? ({} as Note & { state?: unknown });
      expect(state, 'the clock stamps of the note').toBeDefined();
      const sortedTags = (note: { tags?: string[] }) => ({ ...note, tags: [...(note.tags ?? [])].sort() });
      expect(sortedTags(exportedNote), 'the exported note, exactly as written (tags in the export\'s order)').toEqual(sortedTags(written));
    } finally {
      await popup.close();
    }
    await expectNothingRan(world);
  });
});
