import { browser } from 'wxt/browser';
import { framePortPrefix, noncePattern, type FrameToHost, type HostToFrame } from '../../core/protocol/frame';

export interface HostLink {
  send(message: FrameToHost): void;
  onMessage(listener: (message: HostToFrame) => void): void;
}

/**
 * The frame's runtime port to the background, named with the nonce the content script put in the frame's address
 * (`overlay.html#NONCE`); the background pairs it with that content script and relays (core/protocol/frame.ts).
 * Undefined when the address holds no nonce (the page was opened some other way): then the frame shows nothing.
 */
export function connectToHost(): HostLink | undefined {
  const nonce = location.hash.slice(1);
  if (!noncePattern.test(nonce)) return undefined;
  // The nonce has done its job: it leaves the address, so nothing later reads it there.
  history.replaceState(null, '', location.pathname);
  const port = browser.runtime.connect({ name: `${framePortPrefix}${nonce}` });
  let connected = true;
  port.onDisconnect.addListener(() => {
    connected = false;
  });
  // Messages that come before the app listens (React subscribes after its first render) wait for it.
  let listener: ((message: HostToFrame) => void) | undefined;
  const waiting: HostToFrame[] = [];
  port.onMessage.addListener((message) => (listener ? listener(message as HostToFrame) : waiting.push(message as HostToFrame)));
  return {
    send(message) {
      if (connected) port.postMessage(message);
    },
    onMessage(next) {
      listener = next;
      for (const message of waiting.splice(0)) next(message);
    },
  };
}
