import { framePortPrefix, hostPortName, noncePattern, type BackgroundToHost, type HostToFrame } from '../core/protocol/frame';
import { frameToHostSchema, hostEnvelopeSchema } from '../core/protocol/frame-schema';
import { lifelinePortName } from './content-script-context';

/** What the relay needs of a runtime port (browser.runtime.Port). */
export interface RelayPort {
  name: string;
  sender?: { id?: string; url?: string; tab?: { id?: number }; frameId?: number };
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

interface Host {
  port: RelayPort;
  /** The page the host is on: its port's address, then what it says as a single-page app moves (same origin only). */
  page?: string;
  /** The nonce of the frame the host created last, until a frame claims it. */
  expected?: string;
  frame?: { nonce: string; port: RelayPort };
}

/**
 * The background's half of the overlay frame (core/protocol/frame.ts): it pairs the content script of a tab (the
 * host) with the overlay frame that host placed, and relays between them, checking every message.
 *
 * A frame is paired only with the host of its own tab, only under the nonce that host announced for the frame it
 * just created, and only once: a second frame showing up with a used nonce (a page that learnt the address and
 * framed our page itself) gets nothing, and the host is told to make a new frame.
 */
export function createFrameRelay(options: {
  /** Whether a sender is one of the extension's own pages (the overlay frame). */
  isExtensionPage(url: string | undefined): boolean;
  extensionId: string;
  /** The overlay page's address as the background knows it (Chrome: the session's dynamic address). */
  frameUrl: string;
}) {
  /** One host per tab and frame id (Watchwords runs in top frames only, so one per tab). */
  const hosts = new Map<string, Host>();
  const keyOf = (port: RelayPort) => `${port.sender?.tab?.id}:${port.sender?.frameId ?? 0}`;

  const sendToHost = (host: Host, message: BackgroundToHost) => {
    try {
      host.port.postMessage(message);
    } catch {
      // The host went away; its disconnect listener cleans up.
    }
  };

  const dropFrame = (host: Host, tellHost: boolean) => {
    const frame = host.frame;
    if (!frame) return;
    host.frame = undefined;
    try {
      frame.port.disconnect();
    } catch {
      // already gone
    }
    if (tellHost) sendToHost(host, { kind: 'gone', nonce: frame.nonce });
  };

  const connectHost = (port: RelayPort) => {
    const key = keyOf(port);
    // A new host in the same tab and frame (a reload) replaces the old one.
    const previous = hosts.get(key);
    if (previous) dropFrame(previous, false);
    const host: Host = { port, page: port.sender?.url };
    hosts.set(key, host);
    sendToHost(host, { kind: 'welcome', frameUrl: options.frameUrl });
    port.onMessage.addListener((raw) => {
      const parsed = hostEnvelopeSchema.safeParse(raw);
      if (!parsed.success) return;
      const envelope = parsed.data;
      if (envelope.kind === 'page') {
        // The origin is the one the browser gave the port: a page cannot move its tab to another origin unloaded.
        if (sameOrigin(envelope.url, port.sender?.url)) host.page = envelope.url;
      } else if (envelope.kind === 'expect') {
        // A new frame replaces the old one (the page removed or navigated it, or it is the first).
        dropFrame(host, false);
        host.expected = envelope.nonce;
      } else if (host.frame) {
        try {
          host.frame.port.postMessage(envelope.message satisfies HostToFrame);
        } catch {
          dropFrame(host, true);
        }
      }
    });
    port.onDisconnect.addListener(() => {
      dropFrame(host, false);
      if (hosts.get(key) === host) hosts.delete(key);
    });
  };

  const connectFrame = (port: RelayPort) => {
    const nonce = port.name.slice(framePortPrefix.length);
    const tabId = port.sender?.tab?.id;
    const host = tabId === undefined ? undefined : hosts.get(`${tabId}:0`);
    if (!noncePattern.test(nonce) || !options.isExtensionPage(port.sender?.url) || !host) return port.disconnect();
    if (host.expected !== nonce) {
      // Not the frame the host just made: a copy, or a frame that came back after the page navigated it.
      port.disconnect();
      if (host.frame?.nonce === nonce) {
        dropFrame(host, true);
      }
      return;
    }
    host.expected = undefined;
    host.frame = { nonce, port };
    sendToHost(host, { kind: 'paired', nonce });
    port.onMessage.addListener((raw) => {
      if (host.frame?.port !== port) return;
      const parsed = frameToHostSchema.safeParse(raw);
      if (parsed.success && parsed.data.type !== 'keepalive') sendToHost(host, { kind: 'message', nonce, message: parsed.data });
    });
    port.onDisconnect.addListener(() => {
      if (host.frame?.port !== port) return;
      host.frame = undefined;
      sendToHost(host, { kind: 'gone', nonce });
    });
  };

  return {
    /** For `runtime.onConnect`. Ports of other names are left alone. */
    onConnect(port: RelayPort): void {
      if (port.sender?.id !== undefined && port.sender.id !== options.extensionId) return port.disconnect();
      if (port.name === lifelinePortName) return;
      if (port.name === hostPortName) {
        // Only content scripts in a tab are hosts (never an extension page).
        if (port.sender?.tab?.id === undefined || options.isExtensionPage(port.sender.url)) return port.disconnect();
        return connectHost(port);
      }
      if (port.name.startsWith(framePortPrefix)) return connectFrame(port);
    },
    /** The page in a tab, as its content script (the frame's host) says; undefined without one. */
    pageOfTab(tabId: number): string | undefined {
      return hosts.get(`${tabId}:0`)?.page;
    },
    /** How many hosts are connected (for tests). */
    get hostCount() {
      return hosts.size;
    },
  };
}

function sameOrigin(a: string, b: string | undefined): boolean {
  try {
    return b !== undefined && new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
