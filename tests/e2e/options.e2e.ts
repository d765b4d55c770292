import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, type ChromiumSession } from '../../scripts/browsers/chromium';
import { chromeBuild, screenshots, waitFor } from '../../scripts/browsers/watchwords-page';

interface StoredSettings {
  version: number;
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
      version: 2,
      enabledKinds: { tool: true, vendor: true, program: true, agency: true, bill: true, law: true, order: true, campaign: true, case: false },
      hoverDelayMs: 500,
      highlightStyle: 'background',
      highlightMethod: 'auto',
      sites: { mode: 'everywhere', allowed: [], paused: ['example.com'] },
      showBadge: true,
      dismissals: [],
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

  test('"Not this" choices are listed by name and place, removed one by one, and reset after a confirm step', async () => {
    await worker().evaluate(`chrome.storage.local.get('settings').then(({ settings }) => chrome.storage.local.set({ settings: { ...settings, dismissals: [
      { id: 'd1', site: 'example.com', phrase: 'ice', entityId: 'ice', entityName: 'ice', at: '2025-05-01T10:00:00.000Z' },
      { id: 'd2', site: 'news.example.org', page: 'https://news.example.org/2025/wiretaps', phrase: 'section 702', entityId: 'fisa-section-702', entityName: 'FISA Section 702', at: '2025-05-02T10:00:00.000Z' },
      { id: 'd3', site: 'example.com', phrase: 'nec', entityId: 'no-longer-in-the-dataset', entityName: 'NEC Corporation', at: '2025-05-03T10:00:00.000Z' },
    ] } }))`);
    await page.getByText('3 “Not this” choices are stored.').waitFor();
    const rows = page.getByRole('list', { name: 'Stored choices' }).getByRole('listitem');
    expect(await rows.count()).toBe(3);
    // Named from the dataset (not by raw id), with the page or the whole site; a screen reader hears "is not".
    await waitFor('names from the dataset', async () => /U\.S\. Immigration and Customs Enforcement/.test(await rows.first().innerText()));
    expect(await rows.first().innerText()).toMatch(/^“?ice”?\s*→\s*is not\s*U\.S\. Immigration and Customs Enforcement\s*on\s*all of example\.com\s*Remove$/);
    expect(await rows.nth(1).innerText()).toMatch(/^“?section 702”?\s*→\s*is not\s*FISA Section 702\s*on\s*news\.example\.org\/2025\/wiretaps\s*Remove$/);
    expect(await rows.nth(2).innerText()).toMatch(/NEC Corporation/);

    await rows.nth(2).getByRole('button', { name: /^Remove/ }).click();
    await page.getByText('2 “Not this” choices are stored.').waitFor();
    // The page shows a change at once; the settings' owner writes it a moment later (it failed here once, read too soon).
    await waitFor('the choice removed from storage', async () =>
      (await stored<{ dismissals: { id: string }[] }>('settings'))!.dismissals.map((d) => d.id).join() === 'd1,d2');

    await page.screenshot({ path: join(screenshots, 'options-chromium.png'), fullPage: true });

    await page.getByRole('button', { name: 'Reset all' }).click();
    const confirm = page.getByRole('group', { name: /Delete all 2 “Not this” choices\?/ });
    await confirm.waitFor();
    // Escape cancels, and nothing is deleted.
    await page.keyboard.press('Escape');
    expect(await confirm.count()).toBe(0);
    expect((await stored<{ dismissals: unknown[] }>('settings'))!.dismissals).toHaveLength(2);

    await page.getByRole('button', { name: 'Reset all' }).click();
    await confirm.getByRole('button', { name: 'Delete all 2' }).click();
    await page.getByText('No “Not this” choices are stored.').waitFor();
    expect(await waitFor('the empty dismissals', async () => ((await stored<{ dismissals: unknown[] }>('settings'))!.dismissals.length === 0 ? 'empty' : undefined))).toBe('empty');
    expect(await page.getByRole('button', { name: 'Reset all' }).count()).toBe(0);
  });
});
