import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { chromiumBinary } from '../system-requirements';
import { freePort, recordChromiumNetwork, type ChromiumNetworkRecorder } from './chromium-network';
import type { AccessibleElement, BrowserSession, LogEntry, RecordedRequest } from './session';

export { chromiumBinary };

export interface ChromiumSession extends BrowserSession {
  readonly browser: 'chromium';
  readonly context: BrowserContext;
  readonly page: Page;
  /** chrome-extension://ID */
  readonly extensionOrigin: string;
  logEntries(): LogEntry[];
  /** Every request of every target (pages, frames, extension pages, the service worker) since launch; needs `recordNetwork`. */
  networkRequests(): Promise<RecordedRequest[]>;
  /** The network recorder's own connection (needs `recordNetwork`): it can also run code in a page's content scripts. */
  readonly networkRecorder?: ChromiumNetworkRecorder;
}

/** Debian's Chromium with the unpacked extension loaded, in a fresh profile, driven by playwright-core. */
export async function launchChromium(options: { extensionDir: string; headless?: boolean; recordNetwork?: boolean }): Promise<ChromiumSession> {
  const extensionDir = resolve(options.extensionDir);
  const profile = await mkdtemp(join(tmpdir(), 'watchwords-chromium-'));
  const debuggingPort = options.recordNetwork ? await freePort() : undefined;
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
      ...(debuggingPort ? [`--remote-debugging-port=${debuggingPort}`] : []),
    ],
  });
  let recorder: ChromiumNetworkRecorder | undefined;
  try {
    if (debuggingPort) recorder = await recordChromiumNetwork(debuggingPort);
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
      inUiShadowRoot: (fn) => inUiShadowRoot(page, fn),
      async evaluateInOverlay<T>(expression: string) {
        const frame = page.frames().find((f) => f.url().startsWith('chrome-extension:'));
        if (!frame) throw new Error('no overlay frame on the page');
        return (await frame.evaluate(`(async () => (${expression}))()`)) as T;
      },
      logEntries: () => [...logs],
      networkRecorder: recorder,
      async networkRequests() {
        if (!recorder) throw new Error('launch Chromium with recordNetwork: true to record requests');
        return recorder.requests();
      },
      openTabs: async () => context.pages().map((tab) => ({ url: tab.url(), close: () => tab.close() })),
      async screenshot(path) {
        // caret: 'initial', or Playwright would set a style attribute on every input, textarea and contenteditable.
        await page.screenshot({ path, caret: 'initial' });
      },
      async close() {
        recorder?.close();
        await context.close();
        await rm(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    recorder?.close();
    await context.close();
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
}

interface AxNode {
  role?: { value?: string };
  name?: { value?: string };
  value?: { value?: unknown };
  backendDOMNodeId?: number;
  ignored?: boolean;
}

/**
 * Through the DevTools protocol's accessibility tree, which includes closed shadow roots: the page's, then each
 * extension frame's (Watchwords' overlay frame, an out-of-process frame with its own tree), boxes in the page's
 * viewport.
 */
async function accessibleElements(page: Page, role: string, name?: string): Promise<AccessibleElement[]> {
  const found = await accessibleIn(page, page, role, name, { x: 0, y: 0 });
  for (const frame of page.frames()) {
    if (frame === page.mainFrame() || !frame.url().startsWith('chrome-extension:')) continue;
    const owner = await frame.frameElement().catch(() => undefined);
    const box = await owner?.boundingBox();
    // A frame not yet placed (1 × 1 px until it knows its size) shows nothing a reader could see.
    if (!box || box.width <= 1) continue;
    found.push(...(await accessibleIn(page, frame, role, name, box).catch(() => [])));
  }
  return found;
}

async function accessibleIn(page: Page, target: Page | Frame, role: string, name: string | undefined, offset: { x: number; y: number }): Promise<AccessibleElement[]> {
  const cdp = await page.context().newCDPSession(target);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
    const matches = nodes.filter((node) => !node.ignored && node.role?.value === role && (name === undefined || node.name?.value === name) && node.backendDOMNodeId);
    const found: AccessibleElement[] = [];
    for (const node of matches) {
      const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: node.backendDOMNodeId });
      const { result } = await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId!,
        functionDeclaration: 'function () { const r = this.getBoundingClientRect(); return { text: this.textContent, disabled: this.disabled === true, box: { x: r.x, y: r.y, width: r.width, height: r.height } }; }',
        returnByValue: true,
      });
      const element = result.value as Omit<AccessibleElement, 'name'>;
      found.push({
        name: node.name?.value ?? '',
        ...element,
        ...(node.value?.value !== undefined && { value: String(node.value.value) }),
        box: { ...element.box, x: element.box.x + offset.x, y: element.box.y + offset.y },
      });
    }
    return found;
  } finally {
    await cdp.detach();
  }
}

/** Through the DevTools protocol, which reaches into closed shadow roots. */
async function inUiShadowRoot<T>(page: Page, fn: string): Promise<T | undefined> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: 0 })) as { root: { nodeId: number } };
    const { nodeId } = (await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'watchwords-ui' })) as { nodeId: number };
    if (!nodeId) return undefined;
    const { node } = (await cdp.send('DOM.describeNode', { nodeId, pierce: true, depth: 1 })) as { node: { shadowRoots?: { backendNodeId: number }[] } };
    const shadow = node.shadowRoots?.[0];
    if (!shadow) return undefined;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: `function () { return (${fn})(this); }`,
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails) throw new Error(`inUiShadowRoot threw: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as T;
  } finally {
    await cdp.detach();
  }
}
