import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, type ChromiumSession } from '../../scripts/browsers/chromium';
import { chromeBuild, screenshots, waitFor } from '../../scripts/browsers/watchwords-page';

interface StoredSettings {
  enabledKinds: Record<string, boolean>;
  hoverDelayMs: number;
  highlightStyle: string;
  highlightMethod: string;
  sites: { mode: string; allowed: string[]; paused: string[] };
}

describe('the options page in chromium', () => {
  let session: ChromiumSession;
  let page: Page;
  const worker = (): Worker => session.context.serviceWorkers()[0]!;
  const stored = async <T>(key: string) => ((await worker().evaluate(`chrome.storage.local.get(${JSON.stringify(key)})`)) as Record<string, T>)[key];
  const region = (name: string) => page.getByRole('region', { name, exact: true });

  beforeAll(async () => {
    session = await launchChromium({ extensionDir: chromeBuild });
    page = session.page;
    await page.goto(`${session.extensionOrigin}/options.html`);
    await page.getByRole('checkbox', { name: 'Court cases' }).waitFor({ timeout: 10_000 });
  });
  afterAll(async () => {
    await session?.close();
  });

  test('is the manifest\'s options page, opened in a tab', async () => {
    const manifest = (await worker().evaluate('chrome.runtime.getManifest()')) as { options_ui?: { page: string; open_in_tab?: boolean } };
    expect(manifest.options_ui).toEqual({ page: 'options.html', open_in_tab: true });
  });

  test('shows the defaults: every kind on, underline, automatic, everywhere', async () => {
    for (const name of ['Tools', 'Vendors', 'Programs', 'Agencies', 'Bills', 'Laws', 'Executive orders', 'Campaigns', 'Court cases']) {
      expect(await page.getByRole('checkbox', { name }).isChecked(), name).toBe(true);
    }
    expect(await page.getByRole('spinbutton', { name: 'Hover delay' }).inputValue()).toBe('300');
    expect(await page.getByRole('radio', { name: 'Underline' }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: 'Automatic' }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: 'Everywhere except paused sites' }).isChecked()).toBe(true);
  });

  test('every change is saved at once', async () => {
    await page.getByRole('checkbox', { name: 'Court cases' }).uncheck();
    await page.getByRole('status').getByText('Saved').waitFor();

    const delay = page.getByRole('spinbutton', { name: 'Hover delay' });
    await delay.fill('5000');
    await page.getByText('The delay must be from 0 to 3000 milliseconds.').waitFor();
    expect(await delay.getAttribute('aria-invalid')).toBe('true');
    await delay.fill('500');
    expect(await page.getByText('The delay must be from 0 to 3000 milliseconds.').count()).toBe(0);

    await page.getByRole('radio', { name: 'Background' }).check();

    const paused = region('Paused sites');
    await paused.getByRole('textbox', { name: 'Add a paused site' }).fill('not a site!');
    await paused.getByRole('button', { name: 'Add' }).click();
    await paused.getByText('is not a site: a site is a host name such as example.com').waitFor();
    await paused.getByRole('textbox', { name: 'Add a paused site' }).fill('Example.COM');
    await paused.getByRole('textbox', { name: 'Add a paused site' }).press('Enter');
    await paused.getByRole('listitem').filter({ hasText: 'example.com' }).waitFor();
    expect(await paused.getByRole('listitem').allTextContents()).toEqual(['example.comRemove']);
    expect(await paused.getByRole('textbox', { name: 'Add a paused site' }).inputValue()).toBe('');

    const settings = await waitFor('the saved settings', async () => {
      const value = await stored<StoredSettings>('settings');
      return value?.sites.paused.length ? value : undefined;
    });
    expect(settings).toEqual({
      enabledKinds: { tool: true, vendor: true, program: true, agency: true, bill: true, law: true, case: false },
      hoverDelayMs: 500,
      highlightStyle: 'background',
      highlightMethod: 'auto',
      sites: { mode: 'everywhere', allowed: [], paused: ['example.com'] },
    });
  });

  test('after a reload the form shows the saved settings', async () => {
    await page.reload();
    await page.getByRole('checkbox', { name: 'Court cases' }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Court cases' }).isChecked()).toBe(false);
    expect(await page.getByRole('checkbox', { name: 'Laws' }).isChecked()).toBe(true);
    expect(await page.getByRole('spinbutton', { name: 'Hover delay' }).inputValue()).toBe('500');
    expect(await page.getByRole('radio', { name: 'Background' }).isChecked()).toBe(true);
    expect(await region('Paused sites').getByRole('listitem').allTextContents()).toEqual(['example.comRemove']);
  });

  test('follows a change made elsewhere', async () => {
    await worker().evaluate(`chrome.storage.local.get('settings').then(({ settings }) => chrome.storage.local.set({ settings: { ...settings, highlightMethod: 'wrap' } }))`);
    await waitFor('the compatibility method', () => page.getByRole('radio', { name: 'Compatibility' }).isChecked());
  });

  test('"Not this" choices are listed and reset after a confirm step', async () => {
    await worker().evaluate(`chrome.storage.local.set({ dismissals: [
      { site: 'example.com', phrase: 'ice', entityId: 'us-ice', at: '2025-05-01T10:00:00.000Z' },
      { site: 'news.example.org', phrase: 'section 702', entityId: 'fisa-section-702', at: '2025-05-02T10:00:00.000Z' },
    ] })`);
    await page.getByText('2 “Not this” choices are stored.').waitFor();
    const rows = page.getByRole('list', { name: 'Stored choices' }).getByRole('listitem');
    expect(await rows.count()).toBe(2);
    // Shown as "ice → us-ice on example.com"; a screen reader hears "ice is not us-ice on example.com".
    expect(await rows.first().innerText()).toMatch(/^ice\s*→\s*is not\s*us-ice\s*on\s*example\.com$/);
    expect(await rows.nth(1).innerText()).toMatch(/^section 702\s*→\s*is not\s*fisa-section-702\s*on\s*news\.example\.org$/);

    await page.screenshot({ path: join(screenshots, 'options-chromium.png'), fullPage: true });

    await page.getByRole('button', { name: 'Reset all' }).click();
    const confirm = page.getByRole('group', { name: /Delete all 2 “Not this” choices\?/ });
    await confirm.waitFor();
    // Escape cancels, and nothing is deleted.
    await page.keyboard.press('Escape');
    expect(await confirm.count()).toBe(0);
    expect(await stored<unknown[]>('dismissals')).toHaveLength(2);

    await page.getByRole('button', { name: 'Reset all' }).click();
    await confirm.getByRole('button', { name: 'Delete all 2' }).click();
    await page.getByText('No “Not this” choices are stored.').waitFor();
    expect(await waitFor('the empty dismissals', async () => ((await stored<unknown[]>('dismissals'))?.length === 0 ? 'empty' : undefined))).toBe('empty');
    expect(await page.getByRole('button', { name: 'Reset all' }).count()).toBe(0);
  });
});
