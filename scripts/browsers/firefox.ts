/**
 * Firefox ESR end-to-end harness: drives `firefox-esr` through WebDriver BiDi (no geckodriver) with an
 * unpacked extension installed temporarily. See /work/shared/recipes/browsers.md.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import WebSocket from 'ws';
import { firefoxBinary as FIREFOX_BINARY } from '../system-requirements';
import type { AccessibleElement, BrowserSession, LogEntry, RecordedRequest } from './session';

export { FIREFOX_BINARY };
const COMMAND_TIMEOUT_MS = 30_000;
const LAUNCH_TIMEOUT_MS = 30_000;
const CLOSE_GRACE_MS = 5_000;
const VIEWPORT = { width: 1280, height: 900 };

export interface LaunchFirefoxOptions {
  /** Folder holding the unpacked extension (its manifest needs `browser_specific_settings.gecko.id`). */
  extensionDir: string;
  /** The extension's gecko id, i.e. `browser_specific_settings.gecko.id`. */
  addonId: string;
  /** Internal UUID for `moz-extension://UUID`; by default derived from `addonId`, so it is stable. */
  extensionUuid?: string;
  /** Show a window (needs a display); headless by default. */
  headless?: boolean;
  /**
   * Starts Firefox with `-remote-allow-system-access`, which lets the session reach the browser's own (chrome)
   * window: needed by `evaluateInExtension` and `command`. Off by default.
   */
  systemAccess?: boolean;
  /**
   * Records every request the browser's contexts make, from before the extension is installed (BiDi
   * `network.beforeRequestSent`, all contexts), for `networkRequests()`.
   */
  recordNetwork?: boolean;
}

export interface FirefoxSession extends BrowserSession {
  readonly browser: 'firefox';
  /** moz-extension://UUID */
  readonly extensionOrigin: string;
  logEntries(): LogEntry[];
  /**
   * Evaluates an expression (may be a promise) in one of the extension's own pages, with its `browser.*` APIs, as
   * Chromium tests do in the service worker; returns its JSON value. The page (the manifest's options page) is opened
   * once, in a background tab, through the browser window, since BiDi refuses to navigate to moz-extension:.
   * Needs `systemAccess`.
   */
  evaluateInExtension<T>(expression: string): Promise<T>;
  /**
   * Runs one of the manifest's `commands` the way its keyboard shortcut does: the browser window's key element for
   * it fires, and the background gets `commands.onCommand`. (Synthesised key presses never reach the browser
   * window's shortcuts.) Needs `systemAccess`.
   */
  command(name: string): Promise<void>;
  /**
   * Opens one of the extension's pages (e.g. 'notes.html') in a new foreground tab through the browser window, and
   * makes it the page the session drives from then on. Needs `systemAccess`.
   */
  switchToExtensionPage(path: string, viewport?: { width: number; height: number }): Promise<void>;
  /**
   * Requests seen since launch (needs `recordNetwork`): those of tabs, from BiDi (`from` is the context id), and,
   * with `systemAccess`, every HTTP channel the browser opened (`from` is `channel: ` and the principal that
   * triggered it: an origin such as moz-extension://UUID, or `system` for the browser's own).
   */
  networkRequests(): Promise<RecordedRequest[]>;
  /**
   * Right-clicks at viewport (x, y) and activates the page context menu's item labelled `label`, as a user does
   * (also inside the submenu Firefox makes of an extension's items when it has several); needs `systemAccess`.
   */
  contextMenu(x: number, y: number, label: string): Promise<void>;
  /**
   * Grants the extension optional host permissions, as the reader's "Allow" in the browser's permission prompt does
   * (a prompt automation cannot click); `permissions.contains` and `permissions.request` then see them. Needs
   * `systemAccess`.
   */
  grantOrigins(origins: string[]): Promise<void>;
  /** The tab (or window) the session drives now: a BiDi browsing context id. */
  currentTab(): string;
  /** Makes another tab or window (a browsing context id) the one the session drives, and brings it forward. */
  useTab(context: string): Promise<void>;
  /** Opens a web page in a new background tab and waits for it to load; its browsing context id. */
  openTab(url: string): Promise<string>;
  /** The top-level browsing contexts of every window (tabs and popup windows), with their addresses. */
  tabs(): Promise<{ context: string; url: string }[]>;
}

export async function launchFirefox(options: LaunchFirefoxOptions): Promise<FirefoxSession> {
  const extensionDir = resolve(options.extensionDir);
  const uuid = (options.extensionUuid ?? uuidFromId(options.addonId)).toLowerCase();
  const profileDir = await mkdtemp(join(tmpdir(), 'watchwords-firefox-'));
  let child: ChildProcess | undefined;
  let bidi: BidiConnection | undefined;
  const output = new OutputTail();
  const killOnExit = () => killGroup(child, 'SIGKILL');

  try {
    await writeFile(join(profileDir, 'user.js'), userJs(options.addonId, uuid));
    child = spawn(
      FIREFOX_BINARY,
      [...(options.headless === false ? [] : ['-headless']), ...(options.systemAccess ? ['-remote-allow-system-access'] : []), '-no-remote', '-profile', profileDir, '--remote-debugging-port', '0',
        '--width', String(VIEWPORT.width), '--height', String(VIEWPORT.height)],
      {
        // Own process group, so content processes can be killed together with the parent.
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1', MOZ_DISABLE_AUTO_SAFE_MODE: '1' },
      },
    );
    process.once('exit', killOnExit);
    const wsUrl = await waitForBidiUrl(child, output);
    bidi = await BidiConnection.open(`${wsUrl}/session`);
    await bidi.send('session.new', { capabilities: { alwaysMatch: { acceptInsecureCerts: true } } });
    const requests: RecordedRequest[] = [];
    if (options.recordNetwork) {
      bidi.on('network.beforeRequestSent', (params) => {
        const { request, context } = params as { request: { url: string }; context: string | null };
        requests.push({ url: request.url, from: context ?? 'no context' });
      });
      await bidi.send('session.subscribe', { events: ['network.beforeRequestSent'] });
      // BiDi sees the requests of tabs (pages, their content scripts, extension pages in tabs) but not those of the
      // extension's background page: an observer in the browser window sees every HTTP channel, with who started it.
      if (options.systemAccess) await evaluateInBrowserWindow(bidi, recordChannelsInChrome);
    }
    const installed = await bidi.send<{ extension: string }>('webExtension.install', {
      extensionData: { type: 'path', path: extensionDir },
    });
    if (installed.extension !== options.addonId) {
      throw new Error(`Installed extension id ${installed.extension} is not the expected ${options.addonId}`);
    }
    const tree = await bidi.send<{ contexts: { context: string }[] }>('browsingContext.getTree', { maxDepth: 0 });
    const context = tree.contexts[0]?.context;
    if (!context) throw new Error('browsingContext.getTree returned no top-level browsing context');
    await bidi.send('browsingContext.setViewport', { context, viewport: VIEWPORT, devicePixelRatio: 1 });
    const session = new BidiFirefoxSession(bidi, child, context, profileDir, `moz-extension://${uuid}`, options, requests, () =>
      process.removeListener('exit', killOnExit),
    );
    await bidi.send('session.subscribe', { events: ['log.entryAdded'] });
    return session;
  } catch (error) {
    // Prefer a clean shutdown (Firefox reaps its own content processes), then kill whatever is left.
    await bidi?.send('browser.close', {}, CLOSE_GRACE_MS).catch(() => {});
    bidi?.dispose();
    await stopProcess(child, bidi ? CLOSE_GRACE_MS : 0);
    process.removeListener('exit', killOnExit);
    await rm(profileDir, { recursive: true, force: true, maxRetries: 3 }).catch(() => {});
    if (error instanceof Error && !error.message.includes('Firefox output')) {
      error.message += `\n--- Firefox output (tail) ---\n${output.text()}`;
    }
    throw error;
  }
}

interface BidiLogEntry {
  type: string;
  level: string;
  text: string | null;
  source: { realm: string; context?: string };
  stackTrace?: { callFrames: { url: string; functionName: string; lineNumber: number; columnNumber: number }[] };
}

class BidiFirefoxSession implements FirefoxSession {
  readonly browser = 'firefox' as const;
  private closed?: Promise<void>;
  private readonly logs: LogEntry[] = [];
  private extensionPage?: Promise<string>;

  constructor(
    private readonly bidi: BidiConnection,
    private readonly child: ChildProcess,
    /** The tab the session drives: the first one, until switchToExtensionPage. */
    private context: string,
    private readonly profileDir: string,
    readonly extensionOrigin: string,
    private readonly options: LaunchFirefoxOptions,
    private readonly requests: RecordedRequest[],
    private readonly onClosed: () => void,
  ) {
    bidi.on('log.entryAdded', (params) => {
      const entry = params as BidiLogEntry;
      // The test tab only (the page and the content scripts in it), not the extension page `evaluateInExtension` opens.
      if (entry.source.context !== undefined && entry.source.context !== this.context) return;
      const frames = entry.stackTrace?.callFrames ?? [];
      this.logs.push({
        type: entry.type === 'javascript' ? 'error' : 'console',
        level: entry.level,
        text: entry.text ?? '',
        source: frames.map((frame) => `${frame.functionName || '?'} (${frame.url}:${frame.lineNumber + 1}:${frame.columnNumber + 1})`).join('\n'),
      });
    });
  }

  logEntries(): LogEntry[] {
    return [...this.logs];
  }

  async networkRequests(): Promise<RecordedRequest[]> {
    if (!this.options.recordNetwork) throw new Error('launch Firefox with recordNetwork: true to record requests');
    const channels = this.options.systemAccess ? await this.evaluateInChrome<RecordedRequest[]>(`globalThis.watchwordsChannels ?? []`) : [];
    return [...this.requests, ...channels];
  }

  async goto(url: string): Promise<void> {
    await this.bidi.send('browsingContext.navigate', { context: this.context, url, wait: 'complete' });
    // A reader's keyboard focus is in the page they read; BiDi leaves it in the address bar, where the page never
    // matches :focus. (Without system access the browser window is out of reach.)
    if (this.options.systemAccess) await this.evaluateInChrome(`(gBrowser.selectedBrowser.focus(), true)`);
  }

  async evaluate<T>(expression: string): Promise<T> {
    const result = await this.bidi.send<EvaluateResult>('script.evaluate', {
      expression,
      target: { context: this.context },
      awaitPromise: true,
      resultOwnership: 'none',
      serializationOptions: { maxObjectDepth: null, maxDomDepth: 0 },
    });
    if (result.type === 'exception') {
      const details = result.exceptionDetails;
      const short = expression.length > 200 ? `${expression.slice(0, 200)}…` : expression;
      throw new Error(
        `evaluate threw: ${details.text}\n  at line ${details.lineNumber + 1}, column ${details.columnNumber + 1} of: ${short}`,
      );
    }
    return fromRemoteValue(result.result) as T;
  }

  async moveMouse(x: number, y: number): Promise<void> {
    await this.pointer(x, y);
  }

  async click(x: number, y: number): Promise<void> {
    await this.pointer(x, y, 0);
  }

  async wheel(x: number, y: number, dx: number, dy: number): Promise<void> {
    await this.bidi.send('input.performActions', {
      context: this.context,
      actions: [{ type: 'wheel', id: 'wheel', actions: [{ type: 'scroll', x: Math.round(x), y: Math.round(y), deltaX: dx, deltaY: dy }] }],
    });
  }

  /** Moves the mouse to viewport (x, y) and, given a button (0 primary, 2 secondary), presses and releases it there. */
  private async pointer(x: number, y: number, button?: number): Promise<void> {
    const press = button === undefined ? [] : [{ type: 'pointerDown', button }, { type: 'pointerUp', button }];
    await this.bidi.send('input.performActions', {
      context: this.context,
      actions: [
        {
          type: 'pointer',
          id: 'mouse',
          parameters: { pointerType: 'mouse' },
          actions: [{ type: 'pointerMove', x: Math.round(x), y: Math.round(y), duration: 0, origin: 'viewport' }, ...press],
        },
      ],
    });
  }

  async evaluateInExtension<T>(expression: string): Promise<T> {
    return this.runScript<T>('evaluateInExtension', 'script.evaluate', { expression, target: { context: await this.openExtensionPage() } });
  }

  async command(name: string): Promise<void> {
    const fired = await this.evaluateInChrome<string>(`(async () => {
      const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      const { ShortcutUtils } = ChromeUtils.importESModule('resource://gre/modules/ShortcutUtils.sys.mjs');
      const extension = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(this.options.addonId)});
      const command = (await extension.shortcuts.allCommands()).find((c) => c.name === ${JSON.stringify(name)});
      if (!command?.shortcut) return 'no shortcut for this command';
      const parts = command.shortcut.split('+');
      const [attribute, value] = ShortcutUtils.getKeyAttribute(parts.pop());
      const modifiers = ShortcutUtils.getModifiersAttribute(parts);
      const key = [...document.querySelectorAll('keyset[id^="ext-keyset-id-"] key')].find(
        (k) => k.getAttribute(attribute) === value && k.getAttribute('modifiers') === modifiers);
      if (!key) return 'no key element for ' + command.shortcut;
      key.dispatchEvent(new Event('command'));
      return '';
    })()`);
    if (fired) throw new Error(`command(${name}): ${fired}`);
  }

  async switchToExtensionPage(path: string, viewport = VIEWPORT): Promise<void> {
    const context = await this.addExtensionTab(`${this.extensionOrigin}/${path.replace(/^\//, '')}`, false);
    await this.bidi.send('browsingContext.setViewport', { context, viewport, devicePixelRatio: 1 });
    this.context = context;
  }

  /** The extension's options page, in a background tab opened by the browser window; its BiDi context id. */
  private openExtensionPage(): Promise<string> {
    this.extensionPage ??= this.addExtensionTab(`${this.extensionOrigin}/options.html`, true);
    return this.extensionPage;
  }

  /** Opens `url` (an extension page) in a new tab through the browser window; its BiDi context id once loaded. */
  private async addExtensionTab(url: string, inBackground: boolean): Promise<string> {
    const id = await this.evaluateInChrome<string>(`(() => {
      const { NavigableManager } = ChromeUtils.importESModule('chrome://remote/content/shared/NavigableManager.sys.mjs');
      const tab = gBrowser.addTab(${JSON.stringify(url)}, { inBackground: ${inBackground}, triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });
      ${inBackground ? '' : 'gBrowser.selectedTab = tab;'}
      return NavigableManager.getIdForBrowser(tab.linkedBrowser);
    })()`);
    const deadline = Date.now() + COMMAND_TIMEOUT_MS;
    for (;;) {
      const ready = await this.bidi
        .send<EvaluateResult>('script.evaluate', {
          expression: `location.href === ${JSON.stringify(url)} && document.readyState === 'complete' && typeof browser === 'object'`,
          target: { context: id },
          awaitPromise: false,
        })
        .catch(() => undefined);
      if (ready?.type === 'success' && ready.result.value === true) return id;
      if (Date.now() > deadline) throw new Error(`the extension page ${url} did not load`);
      await new Promise((done) => setTimeout(done, 50));
    }
  }

  /** Evaluates privileged JavaScript in the browser window (needs `systemAccess`). */
  private async evaluateInChrome<T>(expression: string): Promise<T> {
    if (!this.options.systemAccess) throw new Error('launch Firefox with systemAccess: true to reach the browser window');
    return evaluateInBrowserWindow<T>(this.bidi, expression);
  }

  async grantOrigins(origins: string[]): Promise<void> {
    await this.evaluateInChrome<boolean>(`(async () => {
      const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
      const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      const id = ${JSON.stringify(this.options.addonId)};
      // The running extension is the emitter: it takes the new origins into its policy at once.
      await ExtensionPermissions.add(id, { permissions: [], origins: ${JSON.stringify(origins)} }, ExtensionParent.GlobalManager.getExtension(id));
      return true;
    })()`);
  }

  async contextMenu(x: number, y: number, label: string): Promise<void> {
    await this.pointer(x, y, 2);
    // The page's context menu is the browser window's popup; extension items sit at its top level when an
    // extension has one item.
    const failure = await this.evaluateInChrome<string>(`(async () => {
      const menu = document.getElementById('contentAreaContextMenu');
      if (menu.state !== 'open') {
        const shown = new Promise((resolve) => menu.addEventListener('popupshown', resolve, { once: true }));
        await Promise.race([shown, new Promise((resolve) => setTimeout(resolve, 5000))]);
        if (menu.state !== 'open') return 'the context menu did not open';
      }
      const wanted = (i) => i.label === ${JSON.stringify(label)} && !i.hidden;
      let popup = menu;
      let item = [...menu.querySelectorAll(':scope > menuitem')].find(wanted);
      // With more than one item, an extension's items are in a submenu of their own: open it first.
      for (const submenu of item ? [] : [...menu.querySelectorAll(':scope > menu')].filter((m) => !m.hidden)) {
        const inner = submenu.menupopup;
        const found = [...inner.querySelectorAll(':scope > menuitem')].find(wanted);
        if (!found) continue;
        const opened = new Promise((resolve) => inner.addEventListener('popupshown', resolve, { once: true }));
        submenu.openMenu(true);
        await Promise.race([opened, new Promise((resolve) => setTimeout(resolve, 5000))]);
        [popup, item] = [inner, found];
        break;
      }
      if (!item) {
        const shown = [...menu.querySelectorAll(':scope > menuitem, :scope > menu > menupopup > menuitem')].filter((i) => !i.hidden).map((i) => i.label);
        menu.hidePopup();
        return 'no such item among ' + JSON.stringify(shown);
      }
      const hidden = new Promise((resolve) => menu.addEventListener('popuphidden', resolve, { once: true }));
      popup.activateItem(item);
      await hidden;
      return '';
    })()`);
    if (failure) throw new Error(`contextMenu(${label}): ${failure}`);
  }

  /** One key, or a chord such as 'Control+Enter' (pressed in order, released in reverse), as Playwright names them. */
  async press(key: string): Promise<void> {
    const values = (key.length > 1 && key.includes('+') ? key.split('+') : [key]).map(keyValue);
    await this.bidi.send('input.performActions', {
      context: this.context,
      actions: [{
        type: 'key',
        id: 'keyboard',
        actions: [...values.map((value) => ({ type: 'keyDown', value })), ...values.reverse().map((value) => ({ type: 'keyUp', value }))],
      }],
    });
  }

  /**
   * BiDi's accessibility locator. It does not enter closed shadow roots by itself, so when Watchwords' UI host is
   * on the page it searches from the host's shadow root (BiDi serialises it, closed or not), else the document; then
   * in Watchwords' overlay frame (an extension page in an iframe in that shadow root: a child browsing context),
   * with boxes moved into the page's viewport.
   */
  async accessible(role: string, name?: string): Promise<AccessibleElement[]> {
    const shadowRoot = await this.uiShadowRoot();
    const found = await this.accessibleIn(this.context, role, name, { x: 0, y: 0 }, shadowRoot);
    if (!shadowRoot) return found;
    const tree = await this.bidi.send<{ contexts: { context: string; children?: { context: string; url: string }[] }[] }>('browsingContext.getTree', { root: this.context, maxDepth: 1 });
    const frames = (tree.contexts[0]?.children ?? []).filter((child) => child.url.startsWith('moz-extension:'));
    if (!frames.length) return found;
    const { nodes: iframes } = await this.bidi.send<{ nodes: { sharedId?: string }[] }>('browsingContext.locateNodes', {
      context: this.context,
      locator: { type: 'css', value: 'iframe' },
      startNodes: [{ sharedId: shadowRoot }],
    });
    const offset = iframes[0]?.sharedId ? await this.boxOf(this.context, iframes[0].sharedId) : undefined;
    // A frame not yet placed (1 × 1 px until it knows its size) shows nothing a reader could see.
    if (!offset || offset.box.width <= 1) return found;
    for (const frame of frames) found.push(...(await this.accessibleIn(frame.context, role, name, offset.box).catch(() => [])));
    return found;
  }

  async evaluateInOverlay<T>(expression: string): Promise<T> {
    const tree = await this.bidi.send<{ contexts: { children?: { context: string; url: string }[] }[] }>('browsingContext.getTree', { root: this.context, maxDepth: 1 });
    const frame = (tree.contexts[0]?.children ?? []).find((child) => child.url.startsWith('moz-extension:'));
    if (!frame) throw new Error('no overlay frame on the page');
    return this.runScript<T>('evaluateInOverlay', 'script.evaluate', { expression, target: { context: frame.context } });
  }

  /** Runs a BiDi script command awaiting its promise, and returns its value (or throws what it threw, named `what`). */
  private async runScript<T>(what: string, method: 'script.evaluate' | 'script.callFunction', params: Record<string, unknown>): Promise<T> {
    const result = await this.bidi.send<EvaluateResult>(method, {
      ...params,
      awaitPromise: true,
      resultOwnership: 'none',
      serializationOptions: { maxObjectDepth: null, maxDomDepth: 0 },
    });
    if (result.type === 'exception') throw new Error(`${what} threw: ${result.exceptionDetails.text}`);
    return fromRemoteValue(result.result) as T;
  }

  async inUiShadowRoot<T>(fn: string): Promise<T | undefined> {
    const shadowRoot = await this.uiShadowRoot();
    if (!shadowRoot) return undefined;
    return this.runScript<T>('inUiShadowRoot', 'script.callFunction', { functionDeclaration: fn, arguments: [{ sharedId: shadowRoot }], target: { context: this.context } });
  }

  /** The shared id of Watchwords' UI host's shadow root, if the host is on the page. */
  private async uiShadowRoot(): Promise<string | undefined> {
    const host = await this.bidi.send<EvaluateResult>('script.evaluate', {
      // Through the prototype: a page may shadow document.querySelector with a named element.
      expression: `Document.prototype.querySelector.call(document, 'watchwords-ui')`,
      target: { context: this.context },
      awaitPromise: false,
      resultOwnership: 'root',
      serializationOptions: { maxDomDepth: 0 },
    });
    return host.type === 'success' ? (host.result as { value?: { shadowRoot?: { sharedId?: string } | null } }).value?.shadowRoot?.sharedId : undefined;
  }

  private async boxOf(context: string, sharedId: string): Promise<AccessibleElement | undefined> {
    const result = await this.bidi.send<EvaluateResult>('script.callFunction', {
      functionDeclaration:
        '(element) => { const r = element.getBoundingClientRect(); return { name: element.getAttribute("aria-label") ?? "", text: element.textContent, disabled: element.disabled === true, ...(typeof element.value === "string" && { value: element.value }), box: { x: r.x, y: r.y, width: r.width, height: r.height } }; }',
      arguments: [{ sharedId }],
      target: { context },
      awaitPromise: false,
      serializationOptions: { maxObjectDepth: null, maxDomDepth: 0 },
    });
    return result.type === 'success' ? (fromRemoteValue(result.result) as AccessibleElement) : undefined;
  }

  private async accessibleIn(context: string, role: string, name: string | undefined, offset: { x: number; y: number }, startNode?: string): Promise<AccessibleElement[]> {
    const { nodes } = await this.bidi.send<{ nodes: { sharedId?: string }[] }>('browsingContext.locateNodes', {
      context,
      locator: { type: 'accessibility', value: name === undefined ? { role } : { role, name } },
      ...(startNode && { startNodes: [{ sharedId: startNode }] }),
    });
    const found: AccessibleElement[] = [];
    for (const node of nodes) {
      const element = node.sharedId ? await this.boxOf(context, node.sharedId) : undefined;
      if (!element) throw new Error(`accessible(${role}) failed to read an element`);
      found.push({ ...element, box: { ...element.box, x: element.box.x + offset.x, y: element.box.y + offset.y } });
    }
    return found;
  }

  async openTabs(): Promise<{ url: string; close(): Promise<void> }[]> {
    const { contexts } = await this.bidi.send<{ contexts: { context: string; url: string }[] }>('browsingContext.getTree', { maxDepth: 0 });
    return contexts.map(({ context, url }) => ({ url, close: async () => void (await this.bidi.send('browsingContext.close', { context })) }));
  }

  async screenshot(path: string): Promise<void> {
    const { data } = await this.bidi.send<{ data: string }>('browsingContext.captureScreenshot', {
      context: this.context,
      origin: 'viewport',
      format: { type: 'image/png' },
    });
    await mkdir(dirname(resolve(path)), { recursive: true });
    await writeFile(path, Buffer.from(data, 'base64'));
  }

  currentTab(): string {
    return this.context;
  }

  async useTab(context: string): Promise<void> {
    this.context = context;
    await this.bidi.send('browsingContext.activate', { context });
  }

  async openTab(url: string): Promise<string> {
    const { context } = await this.bidi.send<{ context: string }>('browsingContext.create', { type: 'tab', background: true });
    await this.bidi.send('browsingContext.setViewport', { context, viewport: VIEWPORT, devicePixelRatio: 1 });
    await this.bidi.send('browsingContext.navigate', { context, url, wait: 'complete' });
    return context;
  }

  async tabs(): Promise<{ context: string; url: string }[]> {
    const tree = await this.bidi.send<{ contexts: { context: string; url: string }[] }>('browsingContext.getTree', { maxDepth: 0 });
    return tree.contexts.map(({ context, url }) => ({ context, url }));
  }

  close(): Promise<void> {
    this.closed ??= (async () => {
      try {
        await this.bidi.send('browser.close', {}, CLOSE_GRACE_MS);
      } catch {
        // Already gone or unresponsive: the process is killed below.
      }
      this.bidi.dispose();
      await stopProcess(this.child, CLOSE_GRACE_MS);
      this.onClosed();
      await rm(this.profileDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    })();
    return this.closed;
  }
}

/** Evaluates privileged JavaScript in the browser window (Firefox started with -remote-allow-system-access). */
async function evaluateInBrowserWindow<T>(bidi: BidiConnection, expression: string): Promise<T> {
  const tree = await bidi.send<{ contexts: { context: string; url: string }[] }>('browsingContext.getTree', { maxDepth: 0, 'moz:scope': 'chrome' });
  const window = tree.contexts.find((context) => context.url === 'chrome://browser/content/browser.xhtml');
  if (!window) throw new Error('no browser window among the chrome contexts');
  const result = await bidi.send<EvaluateResult>('script.evaluate', {
    expression,
    target: { context: window.context },
    awaitPromise: true,
    resultOwnership: 'none',
  });
  if (result.type === 'exception') throw new Error(`chrome evaluate threw: ${result.exceptionDetails.text}`);
  return fromRemoteValue(result.result) as T;
}

/**
 * Installs, in the browser window, an observer of every HTTP channel the browser opens (pages, content scripts,
 * extension pages and the background page alike), keeping its address and the principal that triggered it.
 */
const recordChannelsInChrome = `(() => {
  globalThis.watchwordsChannels = [];
  const describe = (principal) => {
    if (!principal) return 'unknown';
    if (principal.isSystemPrincipal) return 'system';
    if (principal.isExpandedPrincipal) return 'expanded:' + principal.allowlist.map((p) => p.origin).join(',');
    return principal.origin;
  };
  const observer = {
    observe(subject) {
      try {
        const channel = subject.QueryInterface(Ci.nsIHttpChannel);
        globalThis.watchwordsChannels.push({ url: channel.URI.spec, from: 'channel: ' + describe(channel.loadInfo?.triggeringPrincipal) });
      } catch {}
    },
  };
  Services.obs.addObserver(observer, 'http-on-modify-request');
  return true;
})()`;

// ---------------------------------------------------------------------------------------------------------
// BiDi transport

interface BidiErrorMessage {
  type: 'error';
  id: number | null;
  error: string;
  message: string;
}

class BidiConnection {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { method: string; resolve: (value: unknown) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }
  >();
  private closedError?: Error;
  private readonly listeners = new Map<string, ((params: unknown) => void)[]>();

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => this.onMessage(String(data)));
    ws.on('close', () => this.failAll(new Error('WebDriver BiDi connection closed')));
    ws.on('error', (error) => this.failAll(new Error(`WebDriver BiDi connection error: ${error.message}`)));
  }

  static open(url: string): Promise<BidiConnection> {
    return new Promise((resolvePromise, reject) => {
      const ws = new WebSocket(url, { perMessageDeflate: false });
      const timer = setTimeout(() => {
        ws.terminate();
        reject(new Error(`Timed out connecting to WebDriver BiDi at ${url}`));
      }, COMMAND_TIMEOUT_MS);
      ws.once('open', () => {
        clearTimeout(timer);
        resolvePromise(new BidiConnection(ws));
      });
      ws.once('error', (error) => {
        clearTimeout(timer);
        reject(new Error(`Could not connect to WebDriver BiDi at ${url}: ${error.message}`));
      });
    });
  }

  send<T = unknown>(method: string, params: object, timeoutMs = COMMAND_TIMEOUT_MS): Promise<T> {
    if (this.closedError) return Promise.reject(new Error(`${method}: ${this.closedError.message}`));
    const id = this.nextId++;
    return new Promise<T>((resolvePromise, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`WebDriver BiDi command ${method} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { method, resolve: resolvePromise as (value: unknown) => void, reject, timer });
      this.ws.send(JSON.stringify({ id, method, params }), (error) => {
        if (error) this.settle(id, undefined, new Error(`${method}: send failed: ${error.message}`));
      });
    });
  }

  /** Calls `listener` with the params of every event `method` (once subscribed with `session.subscribe`). */
  on(method: string, listener: (params: unknown) => void): void {
    this.listeners.set(method, [...(this.listeners.get(method) ?? []), listener]);
  }

  dispose(): void {
    this.listeners.clear();
    this.failAll(new Error('WebDriver BiDi connection disposed'));
    this.ws.removeAllListeners();
    this.ws.on('error', () => {});
    this.ws.terminate();
  }

  private onMessage(text: string): void {
    let message: { type?: string; id?: number | null; result?: unknown; method?: string; params?: unknown } & Partial<Omit<BidiErrorMessage, 'type'>>;
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if (message.type === 'event') {
      for (const listener of this.listeners.get(message.method ?? '') ?? []) listener(message.params);
      return;
    }
    if (typeof message.id !== 'number') return; // errors not tied to a command
    const entry = this.pending.get(message.id);
    if (!entry) return;
    if (message.type === 'error') {
      this.settle(message.id, undefined, new Error(`${entry.method} failed: ${message.error}: ${message.message}`));
    } else {
      this.settle(message.id, message.result);
    }
  }

  private settle(id: number, result: unknown, error?: Error): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    this.pending.delete(id);
    clearTimeout(entry.timer);
    if (error) entry.reject(error);
    else entry.resolve(result);
  }

  private failAll(error: Error): void {
    this.closedError ??= error;
    for (const [id, entry] of this.pending) {
      this.settle(id, undefined, new Error(`${entry.method}: ${error.message}`));
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// RemoteValue → plain JSON-like value

interface RemoteValue {
  type: string;
  value?: unknown;
  internalId?: string;
}

type EvaluateResult =
  | { type: 'success'; result: RemoteValue }
  | {
      type: 'exception';
      exceptionDetails: { text: string; lineNumber: number; columnNumber: number; exception: RemoteValue };
    };

/** Converts a BiDi RemoteValue to what `JSON.parse(JSON.stringify(value))` would roughly give, keeping
 * undefined, NaN, ±Infinity and -0. Non-JSON things (nodes, functions, errors, ...) become descriptive strings. */
export function fromRemoteValue(remote: RemoteValue): unknown {
  switch (remote.type) {
    case 'undefined':
      return undefined;
    case 'null':
      return null;
    case 'string':
    case 'boolean':
      return remote.value;
    case 'number':
      switch (remote.value) {
        case 'NaN':
          return NaN;
        case 'Infinity':
          return Infinity;
        case '-Infinity':
          return -Infinity;
        case '-0':
          return -0;
        default:
          return remote.value;
      }
    case 'bigint':
      return BigInt(remote.value as string);
    case 'array':
    case 'set':
      return remote.value === undefined ? '[Circular]' : (remote.value as RemoteValue[]).map(fromRemoteValue);
    case 'object':
    case 'map': {
      if (remote.value === undefined) return '[Circular]';
      const out: Record<string, unknown> = {};
      for (const [key, value] of remote.value as [string | RemoteValue, RemoteValue][]) {
        out[typeof key === 'string' ? key : String(fromRemoteValue(key))] = fromRemoteValue(value);
      }
      return out;
    }
    case 'date':
      return remote.value;
    case 'regexp': {
      const { pattern, flags } = remote.value as { pattern: string; flags?: string };
      return `/${pattern}/${flags ?? ''}`;
    }
    case 'node': {
      const node = remote.value as { localName?: string; nodeType?: number } | undefined;
      return `[node ${node?.localName ?? node?.nodeType ?? '?'}]`;
    }
    default:
      return `[${remote.type}]`;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Keys

const KEYS: Record<string, string> = {
  Cancel: '\uE001',
  Help: '\uE002',
  Backspace: '\uE003',
  Tab: '\uE004',
  Clear: '\uE005',
  Return: '\uE006',
  Enter: '\uE007',
  Shift: '\uE008',
  Control: '\uE009',
  Alt: '\uE00A',
  Pause: '\uE00B',
  Escape: '\uE00C',
  Space: ' ',
  ' ': ' ',
  PageUp: '\uE00E',
  PageDown: '\uE00F',
  End: '\uE010',
  Home: '\uE011',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Insert: '\uE016',
  Delete: '\uE017',
  Meta: '\uE03D',
  ...Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`F${i + 1}`, String.fromCharCode(0xe031 + i)])),
};

function keyValue(key: string): string {
  const mapped = KEYS[key];
  if (mapped) return mapped;
  if ([...key].length === 1) return key;
  throw new Error(`press: unknown key name ${JSON.stringify(key)}`);
}

// ---------------------------------------------------------------------------------------------------------
// Process and profile

function uuidFromId(addonId: string): string {
  const h = createHash('sha256').update(`watchwords-e2e:${addonId}`).digest('hex');
  // Shape it as a version-4-looking UUID so Firefox accepts it.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function userJs(addonId: string, uuid: string): string {
  const prefs: Record<string, string | number | boolean> = {
    'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }),
    // Updates
    'app.update.auto': false,
    'app.update.enabled': false,
    'app.update.checkInstallTime': false,
    'app.update.disabledForTesting': true,
    'extensions.update.enabled': false,
    'extensions.update.autoUpdateDefault': false,
    'extensions.getAddons.cache.enabled': false,
    'extensions.blocklist.enabled': false,
    'browser.search.update': false,
    'media.gmp-manager.updateEnabled': false,
    // Telemetry and data reporting
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'toolkit.telemetry.archive.enabled': false,
    'toolkit.telemetry.server': 'data:,',
    'toolkit.telemetry.newProfilePing.enabled': false,
    'toolkit.telemetry.shutdownPingSender.enabled': false,
    'toolkit.telemetry.firstShutdownPing.enabled': false,
    'toolkit.telemetry.updatePing.enabled': false,
    'toolkit.telemetry.bhrPing.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'datareporting.policy.dataSubmissionPolicyBypassNotification': true,
    'datareporting.healthreport.uploadEnabled': false,
    'browser.ping-centre.telemetry': false,
    'app.shield.optoutstudies.enabled': false,
    'app.normandy.enabled': false,
    'app.normandy.api_url': '',
    'messaging-system.rsexperimentloader.enabled': false,
    'datareporting.usage.uploadEnabled': false,
    // Network chatter
    'network.captive-portal-service.enabled': false,
    'captivedetect.canonicalURL': '',
    'network.connectivity-service.enabled': false,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.http.speculative-parallel-limit': 0,
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
    'browser.region.update.enabled': false,
    'browser.region.network.url': '',
    'browser.safebrowsing.downloads.enabled': false,
    'browser.safebrowsing.downloads.remote.enabled': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.blockedURIs.enabled': false,
    'browser.newtabpage.enabled': false,
    'browser.newtabpage.activity-stream.feeds.system.topstories': false,
    'browser.newtabpage.activity-stream.feeds.section.topstories': false,
    // First run and prompts
    'browser.shell.checkDefaultBrowser': false,
    'browser.startup.page': 0,
    'browser.startup.homepage': 'about:blank',
    'browser.startup.homepage_override.mstone': 'ignore',
    'startup.homepage_welcome_url': 'about:blank',
    'startup.homepage_welcome_url.additional': '',
    'browser.aboutwelcome.enabled': false,
    'trailhead.firstrun.didSeeAboutWelcome': true,
    'browser.tabs.warnOnClose': false,
    'browser.warnOnQuit': false,
    'datareporting.policy.firstRunURL': '',
    // Stable rendering
    'ui.prefersReducedMotion': 1,
    'layout.css.devPixelsPerPx': '1.0',
  };
  return Object.entries(prefs)
    .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});\n`)
    .join('');
}

class OutputTail {
  private lines: string[] = [];
  push(chunk: string): void {
    this.lines.push(...chunk.split('\n').filter((line) => line.trim() !== ''));
    if (this.lines.length > 40) this.lines = this.lines.slice(-40);
  }
  text(): string {
    return this.lines.join('\n');
  }
}

function waitForBidiUrl(child: ChildProcess, output: OutputTail): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let buffered = '';
    const cleanup = () => {
      clearTimeout(timer);
      child.off('exit', onExit);
      child.off('error', onError);
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(
        new Error(
          `Firefox did not report a WebDriver BiDi URL within ${LAUNCH_TIMEOUT_MS} ms.\n--- Firefox output (tail) ---\n${output.text()}`,
        ),
      );
    }, LAUNCH_TIMEOUT_MS);
    const onExit = (code: number | null, signal: string | null) => {
      cleanup();
      reject(
        new Error(
          `Firefox exited (code ${code}, signal ${signal}) before WebDriver BiDi was ready.\n--- Firefox output (tail) ---\n${output.text()}`,
        ),
      );
    };
    const onError = (error: Error) => {
      cleanup();
      reject(new Error(`Could not start ${FIREFOX_BINARY}: ${error.message}`));
    };
    child.on('exit', onExit);
    child.on('error', onError);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => output.push(chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      output.push(chunk);
      buffered += chunk;
      const match = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(buffered);
      if (match) {
        cleanup();
        buffered = '';
        resolvePromise(match[1]!.replace(/\/+$/, ''));
      } else {
        buffered = buffered.slice(-4096);
      }
    });
  });
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Whether the process group still has live (non-zombie) members. Zombies left to PID 1 are ignored. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
  } catch {
    return false;
  }
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue;
      }
      // pid (comm) state ppid pgrp ...; comm may contain spaces and parentheses.
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === pgid && state !== 'Z' && state !== 'X') return true;
    }
    return false;
  } catch {
    return true; // no /proc: assume alive, the caller will SIGKILL after its grace period
  }
}

function killGroup(child: ChildProcess | undefined, signal: NodeJS.Signals): void {
  if (!child?.pid) return;
  try {
    process.kill(-child.pid, signal); // the whole process group (parent and content processes)
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

/** Waits up to graceMs for Firefox to exit, then kills its process group. */
async function stopProcess(child: ChildProcess | undefined, graceMs: number): Promise<void> {
  if (!child?.pid) return;
  const exited = new Promise<void>((resolvePromise) => {
    if (hasExited(child)) resolvePromise();
    else child.once('exit', () => resolvePromise());
  });
  if (!hasExited(child)) {
    await Promise.race([exited, new Promise((r) => setTimeout(r, graceMs).unref())]);
  }
  // After a clean exit, give content processes a moment to follow, then kill whatever lingers in the group.
  for (let i = 0; hasExited(child) && groupAlive(child.pid) && i < 20; i++) {
    await new Promise((r) => setTimeout(r, 100));
  }
  killGroup(child, 'SIGKILL');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000).unref())]);
  child.stdout?.destroy();
  child.stderr?.destroy();
}
