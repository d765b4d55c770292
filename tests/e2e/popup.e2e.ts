import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { commands } from '../../core/commands';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, type ChromiumSession } from '../../scripts/browsers/chromium';
import { serveFolder } from '../../scripts/browsers/static-server';
import { chromeBuild, highlightedTexts, root, screenshots, waitFor } from '../../scripts/browsers/watchwords-page';

describe('the toolbar popup in chromium', () => {
  let session: ChromiumSession;
  let server: Awaited<ReturnType<typeof serveFolder>>;
  let popup: Page;
  let site: string;

  const storedSettings = async () => {
    const worker: Worker = session.context.serviceWorkers()[0] ?? (await session.context.waitForEvent('serviceworker'));
    const { settings } = (await worker.evaluate(`chrome.storage.local.get('settings')`)) as { settings?: { sites: { paused: string[] } } };
    return settings;
  };

  beforeAll(async () => {
    server = await serveFolder(join(root, 'demo'));
    site = new URL(server.origin).host;
    session = await launchChromium({ extensionDir: chromeBuild });
    await session.goto(`${server.origin}/article.html`);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  test('"On this page" lists the mentions by kind, with counts', async () => {
    // The whole article scanned: its last mentions are highlighted (scanning runs in slices).
    const highlighted = await waitFor('the scan', async () => {
      const texts = await highlightedTexts(session);
      const all = Object.values(texts).flat();
      return ['Clearview AI', 'S. 3779', 'DHS Office of Inspector General'].every((text) => all.includes(text)) ? texts : undefined;
    });
    const total = Object.values(highlighted).reduce((sum, ranges) => sum + ranges.length, 0);

    popup = await session.context.newPage();
    // Tall enough for the whole popup without a scroll bar; the screenshot is of the body.
    await popup.setViewportSize({ width: 380, height: 1400 });
    await popup.goto(`${session.extensionOrigin}/popup.html`);
    const onThisPage = popup.getByRole('region', { name: 'On this page' });
    await onThisPage.getByText(`${total} mentions`, { exact: true }).waitFor({ timeout: 5000 });
    expect(await popup.getByRole('heading', { level: 1 }).textContent()).toBe('Watchwords');
    expect(await popup.locator('.site').textContent()).toBe(site);

    const vendors = onThisPage.getByRole('list', { name: /^Vendors/ });
    const clearview = vendors.getByRole('button', { name: /^Clearview AI/ });
    expect(await clearview.getAttribute('aria-describedby')).toBe('reveal-hint');
    expect((await clearview.locator('.count [aria-hidden]').textContent())?.trim()).toBe('2');
    expect(await clearview.textContent()).toContain('2 mentions');
    // Every kind has a switch; the vendors' one is on.
    expect(await popup.getByRole('switch', { name: /^Vendors/ }).isChecked()).toBe(true);
    await popup.locator('body').screenshot({ path: join(screenshots, 'popup-on-this-page-chromium.png') });
  });

  test('the toolbar button shows the page\'s mention count, and no count once switched off in the options', async () => {
    const worker: Worker = session.context.serviceWorkers()[0]!;
    // Without the "tabs" permission the extension cannot look a tab up by its address: every tab's badge is read.
    const badges = async () => (await worker.evaluate(`chrome.tabs.query({}).then((tabs) => Promise.all(tabs.map((t) => chrome.action.getBadgeText({ tabId: t.id }))))`)) as string[];
    const total = Number((await popup.getByRole('region', { name: 'On this page' }).locator('.total').textContent())!.split(' ')[0]);
    expect(await waitFor('the badge', async () => ((await badges()).includes(String(total)) ? 'shown' : undefined))).toBe('shown');
    await worker.evaluate(`chrome.storage.local.get('settings').then(({ settings }) => chrome.storage.local.set({ settings: { ...settings, showBadge: false } }))`);
    expect(await waitFor('the badge cleared', async () => ((await badges()).every((text) => text === '') ? 'cleared' : undefined))).toBe('cleared');
    await worker.evaluate(`chrome.storage.local.get('settings').then(({ settings }) => chrome.storage.local.set({ settings: { ...settings, showBadge: true } }))`);
  });

  test('the keyboard shortcuts are listed as assigned, with the way to change them', async () => {
    await popup.getByText('Keyboard shortcuts').click();
    const rows = popup.locator('.shortcut');
    await rows.first().waitFor();
    const texts = await rows.allInnerTexts();
    for (const key of ['Alt+Shift+J', 'Alt+Shift+M', 'Alt+Shift+K', 'Alt+Shift+L']) expect(texts.some((text) => text.startsWith(key))).toBe(true);
    // Only the commands without a default key ("Watch this name": Chromium assigns at most four) wait for the reader's.
    expect(await popup.getByText('Not set').count()).toBe(Object.values(commands).filter((command) => !command.key).length);
    expect(await popup.getByRole('button', { name: 'Change shortcuts' }).count()).toBe(1);
  });

  test('the pause switch pauses Watchwords on the site, and resumes it', async () => {
    const pause = popup.getByRole('switch', { name: `Pause on ${site}` });
    expect(await pause.isChecked()).toBe(false);
    await pause.focus();
    await popup.keyboard.press('Space');
    await popup.getByText('Watchwords is paused on this site').waitFor({ timeout: 5000 });
    expect(await pause.isChecked()).toBe(true);
    expect((await storedSettings())?.sites.paused).toEqual([site]);

    await pause.click();
    await waitFor('the site resumed', async () => (await storedSettings())?.sites.paused.length === 0);
    expect(await pause.isChecked()).toBe(false);
    expect(await popup.getByText('Watchwords is paused on this site').count()).toBe(0);
  });

  test('"All notes" opens the notes manager in the side panel (and the popup closes)', async () => {
    // Playwright does not list side-panel documents as pages; the DevTools protocol lists every target.
    const cdp = await session.context.newCDPSession(session.page);
    const panels = async () =>
      ((await cdp.send('Target.getTargets')).targetInfos as { type: string; url: string }[]).filter((target) => target.url === `${session.extensionOrigin}/sidepanel.html`);
    expect(await panels()).toEqual([]);
    await popup.getByRole('button', { name: 'All notes', exact: true }).click();
    const opened = await waitFor('the side panel', async () => ((await panels()).length ? await panels() : undefined));
    expect(opened.map((target) => target.type)).toEqual(['page']);
    await waitFor('the popup to close', async () => popup.isClosed());
  });
});
