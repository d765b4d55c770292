import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startRclone, type TestServer } from '../../lib/sync/test-servers';
import { launchChromium, type ChromiumSession } from '../../scripts/browsers/chromium';
import { askFromPage } from './harness';
import { chromeBuild, root, screenshots } from '../../scripts/browsers/watchwords-page';

/**
 * Two browser profiles (two devices) keep the same notes through a real WebDAV server (rclone on 127.0.0.1),
 * set up and driven through the notes manager's "Export, import, sync" panel.
 */
const fixture = join(root, 'core/exchange/fixtures/watchwords-v1-popup.json');

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

  test('import on one profile, test the connection, sync; the other profile gets the notes; a delete travels back', { timeout: 120_000 }, async () => {
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

    // B deletes a note; after both sync, it is gone on A too; both export the same notes.
    const id = '1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d';
    expect(await askFromPage(pageB, { type: 'notes.delete', ids: [id] })).toEqual({ count: 1 });
    expect(await askFromPage(pageB, { type: 'sync.now' })).toMatchObject({ state: 'synced' });
    expect(await askFromPage(pageA, { type: 'sync.now' })).toMatchObject({ state: 'synced' });
    const csv = async (page: Page) => (await askFromPage<{ data: string }>(page, { type: 'notes.export', format: 'csv' })).data;
    const exported = await csv(pageA);
    expect(exported).not.toContain(id);
    expect(exported.trim().split('\r\n')).toHaveLength(3);
    expect(await csv(pageB)).toBe(exported);
    // The CSV export downloads from the panel too.
    await pageA.getByLabel('Format').selectOption('csv');
    const [download] = await Promise.all([pageA.waitForEvent('download'), pageA.getByRole('button', { name: 'Export', exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    expect(readFileSync((await download.path())!, 'utf8')).toBe(exported);
  });
});
