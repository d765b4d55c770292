import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumBinary } from '../system-requirements';
import type { AccessibleElement, BrowserSession, LogEntry } from './session';

export { chromiumBinary };

export interface ChromiumSession extends BrowserSession {
  readonly browser: 'chromium';
  readonly context: BrowserContext;
  readonly page: Page;
  /** chrome-extension://ID */
  readonly extensionOrigin: string;
  logEntries(): LogEntry[];
}

/** Debian's Chromium with the unpacked extension loaded, in a fresh profile, driven by playwright-core. */
export async function launchChromium(options: { extensionDir: string; headless?: boolean }): Promise<ChromiumSession> {
  const extensionDir = resolve(options.extensionDir);
  const profile = await mkdtemp(join(tmpdir(), 'watchwords-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumBinary,
    headless: false,
    viewport: { width: 1280, height: 900 },
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      ...(options.headless === false ? [] : ['--headless=new']),
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
      `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`,
    ],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const extensionOrigin = `chrome-extension://${new URL(worker.url()).host}`;
    const page = context.pages()[0] ?? (await context.newPage());
    const logs: LogEntry[] = [];
    page.on('console', (message) => {
      const { url, lineNumber } = message.location();
      logs.push({ type: 'console', level: message.type(), text: message.text(), source: url ? `${url}:${lineNumber + 1}` : '' });
    });
    page.on('pageerror', (error) => logs.push({ type: 'error', level: 'error', text: String(error.message), source: error.stack ?? '' }));
    return {
      browser: 'chromium',
      context,
      page,
      extensionOrigin,
      async goto(url) {
        await page.goto(url, { waitUntil: 'load' });
      },
      evaluate: <T>(expression: string) => page.evaluate(`(async () => (${expression}))()`) as Promise<T>,
      moveMouse: (x, y) => page.mouse.move(x, y),
      async wheel(x, y, dx, dy) {
        await page.mouse.move(x, y);
        await page.mouse.wheel(dx, dy);
      },
      click: (x, y) => page.mouse.click(x, y),
      press: (key) => page.keyboard.press(key),
      accessible: (role, name) => accessibleElements(page, role, name),
      logEntries: () => [...logs],
      async screenshot(path) {
        // caret: 'initial', or Playwright would set a style attribute on every input, textarea and contenteditable.
        await page.screenshot({ path, caret: 'initial' });
      },
      async close() {
        await context.close();
        await rm(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context.close();
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
}

interface AxNode {
  role?: { value?: string };
  name?: { value?: string };
  backendDOMNodeId?: number;
  ignored?: boolean;
}

/** Through the DevTools protocol's accessibility tree, which includes closed shadow roots. */
async function accessibleElements(page: Page, role: string, name?: string): Promise<AccessibleElement[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
    const matches = nodes.filter((node) => !node.ignored && node.role?.value === role && (name === undefined || node.name?.value === name) && node.backendDOMNodeId);
    const found: AccessibleElement[] = [];
    for (const node of matches) {
      const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: node.backendDOMNodeId });
      const { result } = await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId!,
        functionDeclaration: 'function () { const r = this.getBoundingClientRect(); return { text: this.textContent, box: { x: r.x, y: r.y, width: r.width, height: r.height } }; }',
        returnByValue: true,
      });
      found.push({ name: node.name?.value ?? '', ...(result.value as Omit<AccessibleElement, 'name'>) });
    }
    return found;
  } finally {
    await cdp.detach();
  }
}
