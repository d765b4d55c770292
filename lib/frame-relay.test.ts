import { describe, expect, test } from 'vitest';
import { framePortPrefix, hostPortName, type BackgroundToHost } from '../core/protocol/frame';
import { createFrameRelay, type RelayPort } from './frame-relay';

const extensionId = 'watchwords';
const frameUrl = 'chrome-extension://session-id/overlay.html';
const isExtensionPage = (url: string | undefined) => url?.startsWith('chrome-extension:') ?? false;

/** A port with both ends: what the relay posts is recorded; `send` delivers to the relay. */
function fakePort(name: string, sender: RelayPort['sender']) {
  const onMessage: ((message: unknown) => void)[] = [];
  const onDisconnect: (() => void)[] = [];
  const port = {
    name,
    sender,
    received: [] as unknown[],
    disconnected: false,
    postMessage(message: unknown) {
      if (port.disconnected) throw new Error('disconnected');
      port.received.push(message);
    },
    disconnect() {
      port.disconnected = true;
    },
    onMessage: { addListener: (listener: (message: unknown) => void) => onMessage.push(listener) },
    onDisconnect: { addListener: (listener: () => void) => onDisconnect.push(listener) },
    send: (message: unknown) => onMessage.forEach((listener) => listener(message)),
    /** The other end went away (the page removed the frame, the tab closed). */
    drop: () => {
      port.disconnected = true;
      onDisconnect.forEach((listener) => listener());
    },
  };
  return port;
}

const nonce = 'a'.repeat(32);
const otherNonce = 'b'.repeat(32);
const host = (tabId = 1) => fakePort(hostPortName, { id: extensionId, url: 'https://news.example/story', tab: { id: tabId }, frameId: 0 });
const frame = (n = nonce, tabId = 1, url = frameUrl) => fakePort(`${framePortPrefix}${n}`, { id: extensionId, url, tab: { id: tabId }, frameId: 3 });
const card = { type: 'card', view: 1, entityId: 'ice', mentionEntityId: 'ice', mentionText: 'ICE', actions: [], focus: false, look: { dark: false, maxHeight: 400 } };

function setup() {
  const relay = createFrameRelay({ isExtensionPage, extensionId, frameUrl });
  const h = host();
  relay.onConnect(h);
  return { relay, h };
}

describe('pairing the content script with its overlay frame', () => {
  test('the host learns the frame address first; the frame of its nonce is paired; messages go both ways, checked', () => {
    const { relay, h } = setup();
    expect(h.received).toEqual([{ kind: 'welcome', frameUrl }]);
    h.send({ kind: 'expect', nonce });
    const f = frame();
    relay.onConnect(f);
    expect(f.disconnected).toBe(false);
    expect(h.received.at(-1)).toEqual({ kind: 'paired', nonce });
    h.send({ kind: 'send', message: card });
    expect(f.received).toEqual([card]);
    f.send({ type: 'size', view: 1, width: 392, height: 300 });
    expect(h.received.at(-1)).toEqual({ kind: 'message', nonce, message: { type: 'size', view: 1, width: 392, height: 300 } });
    // Malformed either way: dropped.
    h.send({ kind: 'send', message: { ...card, entityId: 42 } });
    f.send({ type: 'size', view: 1, width: 'wide' });
    f.send({ type: 'keepalive' });
    expect(f.received).toHaveLength(1);
    expect((h.received as BackgroundToHost[]).filter((m) => m.kind === 'message')).toHaveLength(1);
  });

  test('a frame with another nonce, from another tab, or not an extension page, is refused', () => {
    const { relay, h } = setup();
    h.send({ kind: 'expect', nonce });
    for (const stranger of [frame(otherNonce), frame(nonce, 2), frame(nonce, 1, 'https://evil.example/overlay.html'), frame('short')]) {
      relay.onConnect(stranger);
      expect(stranger.disconnected).toBe(true);
    }
    const f = frame();
    relay.onConnect(f);
    expect(f.disconnected).toBe(false);
  });

  test('a nonce is good once: a copy of the frame (a page that learnt its address) gets nothing, and the host is told to make a new one', () => {
    const { relay, h } = setup();
    h.send({ kind: 'expect', nonce });
    const f = frame();
    relay.onConnect(f);
    const copy = frame();
    relay.onConnect(copy);
    expect(copy.disconnected).toBe(true);
    expect(f.disconnected).toBe(true);
    expect(h.received.at(-1)).toEqual({ kind: 'gone', nonce });
    h.send({ kind: 'send', message: card });
    expect(copy.received).toEqual([]);
  });

  test('the frame going away (removed, navigated) is told to the host; a host going away drops its frame', () => {
    const { relay, h } = setup();
    h.send({ kind: 'expect', nonce });
    const f = frame();
    relay.onConnect(f);
    f.drop();
    expect(h.received.at(-1)).toEqual({ kind: 'gone', nonce });
    h.send({ kind: 'expect', nonce: otherNonce });
    const again = frame(otherNonce);
    relay.onConnect(again);
    h.drop();
    expect(again.disconnected).toBe(true);
    expect(relay.hostCount).toBe(0);
  });

  test('only content scripts in a tab can be hosts; ports of other extensions are refused', () => {
    const relay = createFrameRelay({ isExtensionPage, extensionId, frameUrl });
    const fromPage = fakePort(hostPortName, { id: extensionId, url: frameUrl, tab: { id: 1 } });
    const noTab = fakePort(hostPortName, { id: extensionId, url: 'https://news.example/' });
    const foreign = fakePort(hostPortName, { id: 'someone-else', url: 'https://news.example/', tab: { id: 1 } });
    for (const port of [fromPage, noTab, foreign]) {
      relay.onConnect(port);
      expect(port.disconnected).toBe(true);
    }
    expect(relay.hostCount).toBe(0);
  });
});

describe('the page a frame speaks for', () => {
  test('is its host\'s: the address the browser gave the host\'s port, then where a single-page app moved, on its origin only', () => {
    const { relay, h } = setup();
    expect(relay.pageOfTab(1)).toBe('https://news.example/story');
    h.send({ kind: 'page', url: 'https://news.example/next-story' });
    expect(relay.pageOfTab(1)).toBe('https://news.example/next-story');
    h.send({ kind: 'page', url: 'https://evil.example/' });
    expect(relay.pageOfTab(1)).toBe('https://news.example/next-story');
    expect(relay.pageOfTab(2)).toBeUndefined();
    h.drop();
    expect(relay.pageOfTab(1)).toBeUndefined();
  });
});
