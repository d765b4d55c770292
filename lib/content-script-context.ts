import { browser } from 'wxt/browser';

/**
 * What the content script gets instead of WXT's `ContentScriptContext` (wxt.config.ts aliases
 * `wxt/utils/content-script-context` to this module, so WXT's entry wrapper constructs this one).
 *
 * WXT's context announces every start with `window.postMessage` (an event name holding the extension's id, which
 * tells any page that Watchwords is installed and under which id) and aborts when the page dispatches its
 * `…:content-script-started` event, so a page could switch Watchwords off and destroy an open draft. This one
 * says nothing to the page and listens to nothing the page can reach: its signal aborts only when the extension's
 * context is invalidated (the extension was reloaded, updated or removed), which a runtime port's disconnection
 * tells; a disconnection while the extension lives on (Chrome stops an idle service worker) is followed by a cheap
 * check of `runtime.id`, without waking the background.
 */
export class ContentScriptContext {
  private readonly controller = new AbortController();
  /** How often a disconnected lifeline checks whether the extension is still there. */
  static readonly recheckMs = 5000;

  constructor(
    readonly contentScriptName = 'content',
    readonly options?: unknown,
  ) {
    this.holdLifeline();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get isInvalid(): boolean {
    if (!extensionAlive()) this.abort('Extension context invalidated');
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  abort(reason?: unknown): void {
    this.controller.abort(reason);
  }

  onInvalidated(callback: () => void): () => void {
    this.signal.addEventListener('abort', callback);
    return () => this.signal.removeEventListener('abort', callback);
  }

  private holdLifeline(): void {
    let port: ReturnType<typeof browser.runtime.connect>;
    try {
      port = browser.runtime.connect({ name: lifelinePortName });
    } catch {
      return this.abort('Extension context invalidated');
    }
    port.onDisconnect.addListener(() => {
      if (!extensionAlive()) return this.abort('Extension context invalidated');
      // The background went to sleep: watch runtime.id, which goes away with the extension's context.
      const timer = setInterval(() => {
        if (!extensionAlive()) this.abort('Extension context invalidated');
      }, ContentScriptContext.recheckMs);
      this.signal.addEventListener('abort', () => clearInterval(timer), { once: true });
    });
    this.signal.addEventListener('abort', () => port.disconnect(), { once: true });
  }
}

/** The background ignores this port: it exists only to be disconnected when the extension's context goes. */
export const lifelinePortName = 'watchwords-lifeline';

function extensionAlive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}
