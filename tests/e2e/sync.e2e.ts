import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startRclone, type TestServer } from '../../lib/sync/test-servers';
import { launchChromium, type ChromiumSession } from '../../scripts/browsers/chromium';
import type { FirefoxSession } from '../../scripts/browsers/firefox';
import { askFromPage, launchers } from './harness';
import { chromeBuild, root, screenshots, waitFor } from '../../scripts/browsers/watchwords-page';

/**
 * Browser profiles (devices) keep the same notes through a real WebDAV server (rclone on 127.0.0.1): two Chromium
 * profiles set up through the notes manager's "Export, import, sync" panel, and a Chromium and a Firefox profile.
 * Both sides edit and delete between syncs, including the same notes at once, and end with the same notes.
 */
const fixture = join(root, 'core/exchange/fixtures/watchwords-v1-popup.json');
const ids = { dock: '7f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b', plate: '1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d', entity: '0b6e5d4c-3b2a-4190-8f7e-6d5c4b3a2f1e' };
const extraId = (n: number) => `e0000000-0000-4000-8000-00000000000${n}`;

/** One device as a test drives it: messages to its background (as its extension pages send them), and what its notes manager shows. */
interface Device {
  name: string;
  ask<T>(message: object): Promise<T>;
  /** The text of its open notes manager. */
  shown(): Promise<string>;
}

function chromiumDevice(name: string, page: Page): Device {
  return { name, ask: (message) => askFromPage(page, message), shown: () => page.locator('body').innerText() };
}

/** Firefox: the notes manager in a tab; messages sent from it, as its own code sends them. */
async function firefoxDevice(name: string, session: FirefoxSession): Promise<Device> {
  await session.switchToExtensionPage('notes.html');
  return {
    name,
    ask: (message) =>
      session.evaluate(`(async () => {
        const reply = await browser.runtime.sendMessage(${JSON.stringify(message)});
        if (!reply?.ok) throw new Error(reply?.error ?? 'no answer');
        return reply.value;
      })()`),
    shown: () => session.evaluate<string>('document.body.innerText'),
  };
}

async function manager(session: ChromiumSession): Promise<Page> {
  const page = await session.context.newPage();
  // The browser's "Allow access to 127.0.0.1?" prompt cannot be clicked by automation: the reader's "Allow" is
  // played by answering the request (the content scripts' access already covers the address in Chromium).
  await page.addInitScript(() => {
    const permissions = (globalThis as unknown as { chrome: { permissions: { request: () => Promise<boolean> } } }).chrome.permissions;
    permissions.request = async () => true;
  });
  await page.goto(`${session.extensionOrigin}/notes.html`);
  await page.getByRole('button', { name: 'Export, import, sync' }).click();
  return page;
}

async function startSync(page: Page, server: TestServer): Promise<void> {
  await page.getByLabel('WebDAV folder address').fill(server.url);
  await page.getByLabel('User name').fill(server.username);
  await page.getByLabel('App password').fill(server.password);
  await page.getByRole('button', { name: /^Start syncing$|^Save and sync$/ }).click();
  await page.getByText(/Last synced/).waitFor({ timeout: 20_000 });
}

interface ExportedNote {
  id: string;
  deletedAt?: string | null;
  body?: string;
  tags?: string[];
  conflictOf?: string;
}
/** Every note the device has, tombstones and clock stamps included (its Watchwords JSON export, without the export's date). */
async function library(device: Device): Promise<ExportedNote[]> {
  const file = await device.ask<{ data: string }>({ type: 'notes.export', format: 'watchwords-json' });
  return (JSON.parse(file.data).notes as ExportedNote[]).sort((x, y) => (x.id < y.id ? -1 : 1));
}
const live = (notes: ExportedNote[]) => notes.filter((n) => !n.deletedAt);

async function sync(device: Device): Promise<void> {
  expect(await device.ask(({ type: 'sync.now' })), device.name).toMatchObject({ state: 'synced' });
}

/** Waits until the device's notes manager shows every one of `texts` and none of `gone`. */
async function shows(device: Device, texts: string[], gone: string[] = []): Promise<void> {
  await waitFor(
    `${device.name} shows ${JSON.stringify(texts)} and not ${JSON.stringify(gone)}`,
    async () => {
      const text = await device.shown();
      return texts.every((t) => text.includes(t)) && !gone.some((t) => text.includes(t));
    },
    20_000,
  );
}

/**
 * Both devices already sync the fixture's three live notes. B brings three notes of its own; then, without
 * syncing in between, both edit and delete — the same note's text on both (both texts kept), a delete on each
 * side, a delete on both, a delete on one side of a note the other edits (the edit brings it back), a tag on one
 * side of a note whose text the other changes — and after syncing both hold exactly the same notes.
 */
async function editAndDeleteOnBoth(a: Device, b: Device): Promise<void> {
  const extras = [1, 2, 3].map((n) => ({
    id: extraId(n),
    createdAt: '2026-10-10T10:00:00.000Z',
    updatedAt: '2026-10-10T10:00:00.000Z',
    deletedAt: null,
    deviceId: 'b',
    target: { kind: 'entity', entityId: 'clearview-ai' },
    body: `Extra note ${n} from ${b.name}.`,
    tags: [],
  }));
  const text = JSON.stringify({ format: 'watchwords-notes', version: 1, exportedAt: '2026-10-10T10:00:00.000Z', notes: extras });
  expect(await b.ask({ type: 'notes.import.apply', text })).toMatchObject({ counts: { added: 3 } });
  await sync(b);
  await sync(a);
  await shows(a, ['Extra note 1', 'Extra note 2', 'Extra note 3']);
  expect(await library(a)).toEqual(await library(b));

  const dockA = `Ask which database. ${a.name}: the agency says ATS.`;
  const dockB = `Ask which database. ${b.name}: the vendor says TECS.`;
  const entityA = `Fined in several countries, and again by ${a.name}'s regulator.`;
  const extra2A = `Extra note 2, edited on ${a.name} while ${b.name} deleted it.`;
  expect(await a.ask({ type: 'notes.edit', id: ids.dock, body: dockA, tags: ['border', 'face recognition'] })).toMatchObject({ note: { body: dockA } });
  expect(await b.ask({ type: 'notes.edit', id: ids.dock, body: dockB, tags: ['border', 'face recognition'] })).toMatchObject({ note: { body: dockB } });
  expect(await a.ask({ type: 'notes.delete', ids: [ids.plate] })).toEqual({ count: 1 });
  expect(await b.ask({ type: 'notes.delete', ids: [extraId(1)] })).toEqual({ count: 1 });
  expect(await a.ask({ type: 'notes.edit', id: extraId(2), body: extra2A, tags: [] })).toMatchObject({ note: { body: extra2A } });
  expect(await b.ask({ type: 'notes.delete', ids: [extraId(2)] })).toEqual({ count: 1 });
  expect(await b.ask({ type: 'notes.tag', ids: [ids.entity], tag: 'follow-up' })).toEqual({ count: 1 });
  expect(await a.ask({ type: 'notes.edit', id: ids.entity, body: entityA, tags: ['vendor'] })).toMatchObject({ note: { body: entityA } });
  expect(await a.ask({ type: 'notes.delete', ids: [extraId(3)] })).toEqual({ count: 1 });
  expect(await b.ask({ type: 'notes.delete', ids: [extraId(3)] })).toEqual({ count: 1 });

  for (const device of [a, b, a, b]) await sync(device);
  const final = await library(a);
  expect(await library(b)).toEqual(final);
  const notes = live(final);
  // Both texts of the dock note (one on a conflict copy), the entity note with a's text and both tags, extra 2
  // back with a's edit; the plate note and extras 1 and 3 stay deleted.
  expect(notes.map((n) => n.body).sort()).toEqual([dockA, dockB, entityA, extra2A].sort());
  expect(notes.filter((n) => n.conflictOf === ids.dock).map((n) => n.tags)).toEqual([expect.arrayContaining(['conflict'])]);
  expect(notes.find((n) => n.id === ids.entity)?.tags?.sort()).toEqual(['follow-up', 'vendor']);
  expect(final.filter((n) => n.deletedAt).map((n) => n.id).sort()).toEqual([ids.plate, extraId(1), extraId(3), '9c8b7a6f-5e4d-4c3b-8a29-1f0e9d8c7b6a'].sort());
  // And each notes manager shows it so.
  for (const device of [a, b]) await shows(device, [dockA, dockB, entityA, extra2A], ['Extra note 1', 'Extra note 3', '<script>alert(1)</script>']);
}

describe('sync between two browser profiles in chromium', () => {
  let server: TestServer;
  let a: ChromiumSession;
  let b: ChromiumSession;

  beforeAll(async () => {
    server = await startRclone();
    a = await launchChromium({ extensionDir: chromeBuild });
    b = await launchChromium({ extensionDir: chromeBuild });
  }, 90_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await server?.dispose();
  });

  test('set up through the panel; the other profile gets the notes; edits and deletes on both converge', { timeout: 180_000 }, async () => {
    const pageA = await manager(a);
    // Import: a dry-run report first, then the import.
    await pageA.getByLabel(/A Watchwords export/).setInputFiles(fixture);
    await pageA.getByText(/4 new/).waitFor();
    await pageA.getByRole('button', { name: 'Import', exact: true }).click();
    await pageA.getByText(/Imported: 4 new/).waitFor();
    await pageA.getByText('Ask which database.').first().waitFor();

    // Test connection: the folder is missing; create it; every step passes.
    await pageA.getByLabel('WebDAV folder address').fill(server.url);
    await pageA.getByLabel('User name').fill(server.username);
    await pageA.getByLabel('App password').fill(server.password);
    await pageA.getByRole('button', { name: 'Test connection' }).click();
    await pageA.getByRole('button', { name: 'Create the folder' }).click();
    await pageA.getByText('✓ The test file was deleted.').waitFor();
    await pageA.screenshot({ path: join(screenshots, 'sync-panel-chromium.png'), fullPage: true });
    await pageA.getByLabel('App password').fill(server.password);
    await pageA.getByRole('button', { name: 'Start syncing' }).click();
    await pageA.getByText(/Last synced/).waitFor({ timeout: 20_000 });
    // The status the page can read never holds the password.
    expect(JSON.stringify(await askFromPage(pageA, { type: 'sync.status' }))).not.toContain(server.password);

    const pageB = await manager(b);
    await startSync(pageB, server);
    await pageB.getByText('Ask which database.').first().waitFor();
    await pageB.getByText('Fined in several countries.').first().waitFor();

    const [devA, devB] = [chromiumDevice('A', pageA), chromiumDevice('B', pageB)];
    await editAndDeleteOnBoth(devA, devB);
    // "Sync now" in the panel says it synced.
    await pageB.getByRole('button', { name: 'Sync now' }).click();
    await pageB.getByText(/Last synced just now/).waitFor();
    await pageA.screenshot({ path: join(screenshots, 'sync-converged-chromium.png'), fullPage: true });

    // The CSV export downloads from the panel, with the same rows on both profiles.
    const csv = async (page: Page) => (await askFromPage<{ data: string }>(page, { type: 'notes.export', format: 'csv' })).data;
    const exported = await csv(pageA);
    expect(exported.trim().split('\r\n')).toHaveLength(1 + 4);
    expect(await csv(pageB)).toBe(exported);
    await pageA.getByLabel('Format').selectOption('csv');
    const [download] = await Promise.all([pageA.waitForEvent('download'), pageA.getByRole('button', { name: 'Export', exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    expect(readFileSync((await download.path())!, 'utf8')).toBe(exported);
  });
});

describe('sync between a chromium and a firefox profile', () => {
  let server: TestServer;
  let chromium: ChromiumSession;
  let firefox: FirefoxSession;

  beforeAll(async () => {
    server = await startRclone();
    chromium = await launchChromium({ extensionDir: chromeBuild });
    firefox = (await launchers.firefox()) as FirefoxSession;
  }, 90_000);
  afterAll(async () => {
    await chromium?.close();
    await firefox?.close();
    await server?.dispose();
  });

  test('Firefox takes the notes in, and edits and deletes on both converge', { timeout: 180_000 }, async () => {
    const a = chromiumDevice('Chromium', await manager(chromium));
    expect(await a.ask({ type: 'notes.import.apply', text: readFileSync(fixture, 'utf8') })).toMatchObject({ counts: { added: 4 } });
    const credentials = { url: server.url, username: server.username, password: server.password };
    expect(await a.ask({ type: 'sync.test', ...credentials, createFolder: true })).toMatchObject({ ok: true });
    expect(await a.ask({ type: 'sync.configure', ...credentials })).toMatchObject({ state: 'synced' });

    const b = await firefoxDevice('Firefox', firefox);
    // Without the reader's permission for that server Firefox's background cannot reach it, and says so.
    expect(await b.ask({ type: 'sync.configure', ...credentials })).toMatchObject({ state: 'needs-permission' });
    await firefox.grantOrigins([`http://${new URL(server.url).hostname}/*`]);
    expect(await b.ask({ type: 'sync.configure', ...credentials })).toMatchObject({ state: 'synced', downloaded: 4 });
    await shows(b, ['Ask which database.', 'Fined in several countries.']);

    await editAndDeleteOnBoth(a, b);
    await firefox.screenshot(join(screenshots, 'sync-converged-firefox.png'));
  });
});
