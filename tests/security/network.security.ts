/**
 * The network: a recorder over every extension context — Chromium: the DevTools protocol's Network domain on every
 * target, auto-attached before it runs (service worker, pages, extension pages, frames); Firefox: BiDi
 * network.beforeRequestSent for all contexts, plus an observer of every HTTP channel in the browser window, which
 * also sees the background page — must see 0 requests anywhere but the test's own 127.0.0.1 servers while the
 * reader browses, opens cards, reads and writes notes, and exports (main has no import yet). Every other file of the
 * suite ends with the same check over all it did. First, the recorder is shown to see each kind of context.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import {
  hostileSuite, inExtension, readerOpensCard, readerSeesNote, readerWritesNote, secret, seedPageNote, settle, visit, waitFor, type World,
} from './harness';

/** An address outside the test's servers (and not on a port browsers block), refused at once: recorded, and goes nowhere. */
const outside = (what: string) => `http://127.0.0.2:65000/canary-${what}`;

hostileSuite(
  'the network recorder',
  (attack) => {
    attack('network/recorder-sees-every-context', {}, async (world: World) => {
      const session = world.session;
      const url = `${world.siteA}/network/journey.html`;
      await visit(world, url);
      const canaries = ['page', 'extension-page', 'background'];
      await session.evaluate(`fetch(${JSON.stringify(outside('page'))}).catch(() => 0)`);
      if (session.browser === 'chromium') {
        canaries.push('content-script');
        await inExtension(session, `fetch(${JSON.stringify(outside('background'))}).catch(() => 0)`);
        const extensionPage = await session.context.newPage();
        await extensionPage.goto(`${session.extensionOrigin}/popup.html`);
        await extensionPage.evaluate(`fetch(${JSON.stringify(outside('extension-page'))}).catch(() => 0)`);
        await extensionPage.close();
        await session.networkRecorder!.evaluateInContentScript(url, 'Watchwords', `fetch(${JSON.stringify(outside('content-script'))}).catch(() => 0)`);
      } else {
        await session.evaluateInExtension(`fetch(${JSON.stringify(outside('extension-page'))}).catch(() => 0)`);
        await session.evaluateInExtension(`browser.runtime.getBackgroundPage().then((page) => page.fetch(${JSON.stringify(outside('background'))}, { mode: 'no-cors' })).catch(() => 0)`);
      }
      // Polled: a request reaches the recorder a moment after it is made, later on a loaded machine.
      const seen = async () => (await world.foreignRequests()).map((request) => request.url);
      for (const canary of canaries) await expect.poll(seen, { message: `the recorder saw the ${canary}'s request`, timeout: 15_000 }).toContain(outside(canary));
    });
  },
  ['chromium', 'firefox'],
  { checkNetwork: false },
);

hostileSuite('the network', (attack) => {
  attack('network/journey', {}, async (world) => {
    const session = world.session;
    const url = `${world.siteA}/network/journey.html`;
    await seedPageNote(world, url);
    await visit(world, url);
    await readerOpensCard(world);
    await readerOpensCard(world, 'ShotSpotter');
    await session.moveMouse(1, 1);
    await readerSeesNote(world);
    await session.moveMouse(1, 1);
    await readerWritesNote(world, `Journey ${secret.draft}`, 'Nobody answered that question');
    if (session.browser === 'chromium') {
      for (const path of ['popup.html', 'notes.html', 'options.html', 'sidepanel.html']) {
        const extensionPage = await session.context.newPage();
        await extensionPage.goto(`${session.extensionOrigin}/${path}`);
        await settle(1000);
        if (path === 'popup.html') {
          const [download] = await Promise.all([extensionPage.waitForEvent('download'), extensionPage.getByRole('button', { name: 'Export all notes (JSON)' }).click()]);
          expect(JSON.parse(readFileSync((await download.path())!, 'utf8')).notes.length).toBeGreaterThan(0);
        }
        await extensionPage.close();
      }
    } else {
      await session.evaluateInExtension(`true`);
      // Last, as it makes the notes manager the page this session drives.
      await session.switchToExtensionPage('notes.html');
      await waitFor('the notes manager', async () => (await session.accessible('button', 'Export, import, sync')).length > 0);
    }
    await settle(1000);
    expect(await world.foreignRequests()).toEqual([]);
  });
});
