import { browser } from 'wxt/browser';
import { hostPortName, type BackgroundToHost, type FrameToHost, type HostEnvelope, type HostToFrame, type ViewRequest } from '../../core/protocol/frame';
import { placeFrame, type Box } from './placement';
import type { UiHost } from './ui-host';
import { createElement } from './dom';

/** The frame's own margin around what it shows (room for the shadow); see `--frame-margin` in overlay.css. */
export const frameInset = 10;
/** Making a new frame after the page removed or navigated ours: at most this many in a row, then a pause. */
const recreateLimit = { count: 5, perMs: 10_000 };

export interface FrameHost {
  /** Shows a view in the frame, placed beside `anchor` (viewport boxes, asked again as the page scrolls). */
  show(message: Exclude<ViewRequest, { type: 'hide' }>, anchor: () => Box[] | undefined): void;
  /** Sends a message about the view shown (a refusal). */
  tell(message: Extract<HostToFrame, { type: 'refused' }>): void;
  hide(): void;
  readonly visible: boolean;
  /** Moves keyboard focus into the frame. */
  focus(): void;
  /** The frame element's box in the viewport, while it shows something. */
  box(): DOMRect | undefined;
  /** The frame element (to check what covers it). */
  readonly element: HTMLIFrameElement | undefined;
  onMessage(listener: (message: FrameToHost) => void): void;
  /** Calls `listener` when the pointer enters (true) or leaves (false) the frame, until `signal` aborts. */
  onPointer(listener: (on: boolean) => void, signal: AbortSignal): void;
  /** The page's address now (after a single-page app moved): what the frame's notes and drafts are about. */
  setPage(url: string): void;
}

/**
 * The overlay frame as the content script sees it: an `<iframe>` of the extension's overlay page in our closed
 * shadow root, sized to what it shows and placed beside its anchor. Messages go through the background (the page
 * can neither read nor forge them, core/protocol/frame.ts). A frame the page removes, navigates or replaces is
 * made anew with a new nonce, and shows again what it showed; what the reader was writing is kept by the background.
 */
export function createFrameHost(ui: UiHost, signal: AbortSignal): FrameHost {
  let port: ReturnType<typeof browser.runtime.connect> | undefined;
  let page = location.href;
  /** The overlay page's address, from the background (see `welcome`); the frame waits for it. */
  let frameUrl: string | undefined;
  let frame: { element: HTMLIFrameElement; nonce: string; loads: number; paired: boolean; ready: boolean } | undefined;
  /** The view the frame should show (sent again to a new frame), and where. */
  let current: { message: Exclude<HostToFrame, { type: 'refused' }>; anchor: () => Box[] | undefined } | undefined;
  /** The number of the last view asked for (core/protocol/frame.ts): the frame's answers about older ones are stale. */
  let views = 0;
  let size = { width: 0, height: 0 };
  /** Sizes reported before the frame has shown the current view are not trusted to place it. */
  let sized = false;
  let recreations: number[] = [];
  /** Focus was asked for before the frame was in the page (its address comes from the background first). */
  let focusWanted = false;
  let recreateTimer: ReturnType<typeof setTimeout> | undefined;
  const messageListeners: ((message: FrameToHost) => void)[] = [];
  const pointerListeners: ((on: boolean) => void)[] = [];

  const post = (envelope: HostEnvelope) => {
    try {
      connect().postMessage(envelope);
    } catch {
      port = undefined;
    }
  };

  const connect = () => {
    if (port) return port;
    const opened = browser.runtime.connect({ name: hostPortName });
    port = opened;
    opened.postMessage({ kind: 'page', url: page } satisfies HostEnvelope);
    opened.onMessage.addListener((raw) => receive(raw as BackgroundToHost));
    opened.onDisconnect.addListener(() => {
      if (port !== opened) return;
      port = undefined;
      // The background stopped (or the extension went): the frame's pairing went with it.
      if (!signal.aborted && current && current.message.type !== 'hide') scheduleRecreate();
      else dropFrame();
    });
    return opened;
  };

  const receive = (message: BackgroundToHost) => {
    if (message.kind === 'welcome') {
      frameUrl = message.frameUrl;
      if (frame && !frame.element.isConnected) attachFrame(frame.element, frame.nonce);
      return;
    }
    if (!frame || message.nonce !== frame.nonce) return;
    if (message.kind === 'paired') frame.paired = true;
    else if (message.kind === 'gone') scheduleRecreate();
    else if (message.message.type === 'ready') {
      frame.ready = true;
      if (current) post({ kind: 'send', message: current.message });
    } else if ('view' in message.message && message.message.view !== current?.message.view) {
      // About a view that has been replaced since (its size, or its "close" sent as the next view was on its way).
      return;
    } else if (message.message.type === 'size') {
      size = { width: message.message.width, height: message.message.height };
      sized = true;
      position();
    } else for (const listener of messageListeners) listener(message.message);
  };

  const dropFrame = () => {
    frame?.element.remove();
    frame = undefined;
  };

  const createFrame = () => {
    dropFrame();
    const nonce = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
    post({ kind: 'expect', nonce });
    const element = createElement('iframe');
    element.className = 'frame';
    element.setAttribute('data-hidden', '');
    // The frame is ours alone: no name the page could target, no referrer, no features it does not need.
    element.setAttribute('referrerpolicy', 'no-referrer');
    element.setAttribute('allow', '');
    element.setAttribute('title', 'Watchwords');
    element.tabIndex = -1;
    const made = { element, nonce, loads: 0, paired: false, ready: false };
    // A second load means the frame was navigated (by the page: our page never navigates itself).
    element.addEventListener('load', () => {
      if (++made.loads > 1 && frame === made) scheduleRecreate();
    });
    element.addEventListener('pointerenter', (event) => {
      if (event.isTrusted) for (const listener of pointerListeners) listener(true);
    });
    element.addEventListener('pointerleave', (event) => {
      if (event.isTrusted) for (const listener of pointerListeners) listener(false);
    });
    frame = made;
    sized = false;
    // Placed once its address is known (the background says it first thing on a new port).
    if (frameUrl) attachFrame(element, nonce);
  };
  const attachFrame = (element: HTMLIFrameElement, nonce: string) => {
    element.src = `${frameUrl}#${nonce}`;
    ui.frameSlot.append(element);
    if (focusWanted) element.focus();
    focusWanted = false;
  };

  /** A new frame, unless the page keeps taking them away: then a pause before the next. */
  const scheduleRecreate = () => {
    if (recreateTimer !== undefined || signal.aborted) return;
    const now = performance.now();
    recreations = recreations.filter((at) => now - at < recreateLimit.perMs);
    const wait = recreations.length >= recreateLimit.count ? recreateLimit.perMs : 0;
    recreateTimer = setTimeout(() => {
      recreateTimer = undefined;
      recreations.push(performance.now());
      if (current && current.message.type !== 'hide') createFrame();
      else dropFrame();
    }, wait);
  };

  let positionFrame = 0;
  const position = () => {
    const element = frame?.element;
    if (!element || !current || current.message.type === 'hide' || !sized || !size.width || !size.height) {
      element?.setAttribute('data-hidden', '');
      return;
    }
    const viewport = { width: document.documentElement.clientWidth || innerWidth, height: innerHeight };
    const { x, y } = placeFrame(current.anchor(), size, viewport, frameInset);
    element.style.width = `${size.width}px`;
    element.style.height = `${size.height}px`;
    element.style.left = `${x}px`;
    element.style.top = `${y}px`;
    element.removeAttribute('data-hidden');
    // A transformed ancestor moves fixed boxes: correct by what the browser actually did.
    const actual = element.getBoundingClientRect();
    if (Math.abs(actual.left - x) > 0.5 || Math.abs(actual.top - y) > 0.5) {
      element.style.left = `${2 * x - actual.left}px`;
      element.style.top = `${2 * y - actual.top}px`;
    }
  };
  const schedulePosition = () => {
    if (!current || current.message.type === 'hide') return;
    cancelAnimationFrame(positionFrame);
    positionFrame = requestAnimationFrame(position);
  };
  addEventListener('scroll', schedulePosition, { capture: true, passive: true, signal });
  addEventListener('resize', schedulePosition, { passive: true, signal });
  ui.onRestored(() => {
    // The page removed our host: its iframe was unloaded with it.
    if (frame) scheduleRecreate();
  });
  signal.addEventListener('abort', () => {
    clearTimeout(recreateTimer);
    cancelAnimationFrame(positionFrame);
    dropFrame();
    port?.disconnect();
  });

  return {
    show(request, anchor) {
      const message = { ...request, view: ++views } as Exclude<HostToFrame, { type: 'refused' | 'hide' }>;
      current = { message, anchor };
      sized = false;
      if (!frame) createFrame();
      else if (frame.ready) post({ kind: 'send', message });
      // Until the frame says how large the new view is, it stays hidden where it is.
      frame?.element.setAttribute('data-hidden', '');
    },
    tell(message) {
      if (frame?.ready) post({ kind: 'send', message });
    },
    hide() {
      focusWanted = false;
      if (!current || current.message.type === 'hide') return;
      current = { message: { type: 'hide', view: ++views }, anchor: () => undefined };
      if (frame?.ready) post({ kind: 'send', message: current.message });
      frame?.element.setAttribute('data-hidden', '');
    },
    get visible() {
      return current !== undefined && current.message.type !== 'hide';
    },
    focus() {
      if (frame?.element.isConnected) frame.element.focus();
      else focusWanted = true;
    },
    box() {
      return frame && this.visible && !frame.element.hasAttribute('data-hidden') ? frame.element.getBoundingClientRect() : undefined;
    },
    get element() {
      return frame?.element;
    },
    onMessage(listener) {
      messageListeners.push(listener);
    },
    setPage(url) {
      if (url === page) return;
      page = url;
      // Only a connected host tells (a new connection says it first thing).
      if (port) post({ kind: 'page', url });
    },
    onPointer(listener, until) {
      pointerListeners.push(listener);
      until.addEventListener('abort', () => {
        const at = pointerListeners.indexOf(listener);
        if (at !== -1) pointerListeners.splice(at, 1);
      });
    },
  };
}
