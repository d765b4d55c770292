import { createServer, request, type Server } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startRclone, type TestServer } from '../../lib/sync/test-servers';
import { launchChromium, type ChromiumSession } from '../../scripts/browsers/chromium';
import { askFromPage } from './harness';
import { chromeBuild } from '../../scripts/browsers/watchwords-page';

/**
 * The browser stops the extension's service worker in the middle of a sync (through the DevTools protocol, as
 * Chrome does to idle MV3 workers): nothing is lost, nothing is doubled, and the next sync completes. A proxy in
 * front of rclone slows every answer so that the sync is surely under way when the worker is stopped.
 */

function slowProxy(target: string, delayMs: number): Promise<{ url: string; server: Server; requests: () => number }> {
  const to = new URL(target);
  let count = 0;
  const server = createServer((incoming, outgoing) => {
    count++;
    const headers: Record<string, string | string[] | undefined> = { ...incoming.headers, host: to.host };
    // A MOVE names its destination by full address: the server's own, not the proxy's.
    if (typeof headers.destination === 'string') headers.destination = headers.destination.replace(/^http:\/\/[^/]+/, to.origin);
    const forward = request({ host: to.hostname, port: to.port, method: incoming.method, path: incoming.url, headers }, (answer) => {
      setTimeout(() => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      }, delayMs);
    });
    forward.on('error', () => outgoing.destroy());
    incoming.pipe(forward);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}/Watchwords/`, server, requests: () => count })));
}

async function extensionPage(session: ChromiumSession): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`${session.extensionOrigin}/notes.html`);
  return page;
}


const note = (i: number) => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  createdAt: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
  updatedAt: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
  deletedAt: null,
  deviceId: 'seed',
  target: { kind: 'page', url: `https://news.example/s/${i}`, alternateUrls: [], title: `Story ${i}`, quote: { exact: `quote ${i}`, prefix: '', suffix: '' }, position: { start: 0, end: 8 } },
  body: `Note ${i}`,
  tags: [],
});

describe('the service worker stopped mid-sync, in chromium', () => {
  let server: TestServer;
  let proxy: Awaited<ReturnType<typeof slowProxy>>;
  let a: ChromiumSession;
  let b: ChromiumSession;
  beforeAll(async () => {
    server = await startRclone();
    proxy = await slowProxy(server.url, 250);
    a = await launchChromium({ extensionDir: chromeBuild });
    b = await launchChromium({ extensionDir: chromeBuild });
  }, 90_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    proxy?.server.close();
    await server?.dispose();
  });

  test('nothing lost, nothing doubled; the next sync completes', { timeout: 180_000 }, async () => {
    const count = 2500;
    const pageA = await extensionPage(a);
    const text = JSON.stringify({ format: 'watchwords-notes', version: 1, exportedAt: new Date().toISOString(), notes: Array.from({ length: count }, (_, i) => note(i + 1)) });
    await askFromPage(pageA, { type: 'notes.import.apply', text });
    const credentials = { url: proxy.url, username: server.username, password: server.password };
    expect(await askFromPage(pageA, { type: 'sync.test', ...credentials, createFolder: true })).toMatchObject({ ok: true });

    // Start syncing, and stop the worker once a few requests have gone out.
    const before = proxy.requests();
    const first = askFromPage(pageA, { type: 'sync.configure', ...credentials }).then(
      () => 'finished',
      () => 'cut short',
    );
    while (proxy.requests() < before + 6) await new Promise((r) => setTimeout(r, 50));
    const cdp = await a.context.newCDPSession(pageA);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    expect(await first).toBe('cut short');

    // The next message wakes the worker; the next sync goes on from where the last one stopped.
    await expect.poll(() => askFromPage<{ state: string; message?: string }>(pageA, { type: 'sync.now' }).then((o) => (o.state === 'synced' ? o.state : JSON.stringify(o)), (e) => String(e)), { timeout: 60_000, interval: 1000 }).toBe('synced');
    const pageB = await extensionPage(b);
    expect(await askFromPage(pageB, { type: 'sync.configure', ...credentials })).toMatchObject({ state: 'synced' });
    const csv = (page: Page) => askFromPage<{ data: string }>(page, { type: 'notes.export', format: 'csv' }).then((f) => f.data.trim().split('\r\n'));
    const rowsA = await csv(pageA);
    const rowsB = await csv(pageB);
    expect(rowsA).toHaveLength(count + 1);
    expect(new Set(rowsB.map((r) => r.split(',')[0])).size).toBe(count + 1);
    expect(rowsB.sort()).toEqual(rowsA.sort());
  });
});
