/**
 * Chromium's network, recorded over every target through the DevTools protocol: the browser endpoint auto-attaches
 * to each page, extension page and service worker (and, through each, to its frames and workers) as it starts,
 * before it runs, and enables the `Network` domain there. Playwright drives the browser through a pipe; this is a
 * second, independent client on a debugging port.
 */
import { createServer } from 'node:net';
import WebSocket from 'ws';
import type { RecordedRequest } from './session';

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

interface ExecutionContext {
  id: number;
  name: string;
  auxData?: { isDefault?: boolean; type?: string };
}

export interface ChromiumNetworkRecorder {
  /** Every request seen since the recorder attached; `from` is the target's type and address. */
  requests(): RecordedRequest[];
  /**
   * Evaluates `expression` in the content scripts' world of the first page whose address starts with `pageUrl`
   * (the isolated world named `worldName`): how a test makes a content script do something, such as a request.
   */
  evaluateInContentScript(pageUrl: string, worldName: string, expression: string): Promise<unknown>;
  close(): void;
}

/** A free TCP port on 127.0.0.1 for the debugging endpoint. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function recordChromiumNetwork(port: number): Promise<ChromiumNetworkRecorder> {
  const version = (await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()) as { webSocketDebuggerUrl: string };
  const ws = new WebSocket(version.webSocketDebuggerUrl, { perMessageDeflate: false });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.on('error', () => {});
  let nextId = 0;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const send = (method: string, params: object = {}, sessionId?: string): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, { resolve, reject });
      ws.send(JSON.stringify({ id, method, params, ...(sessionId && { sessionId }) }), (error) => {
        if (error) reject(error);
      });
    });
  const sessions = new Map<string, TargetInfo>();
  const contexts = new Map<string, ExecutionContext[]>();
  const recorded: RecordedRequest[] = [];
  const attach = { autoAttach: true, waitForDebuggerOnStart: true, flatten: true };

  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as { id?: number; method?: string; params?: Record<string, unknown>; sessionId?: string; result?: unknown; error?: { message: string } };
    if (message.id !== undefined) {
      const entry = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) entry?.reject(new Error(message.error.message));
      else entry?.resolve(message.result);
      return;
    }
    const params = message.params ?? {};
    switch (message.method) {
      case 'Target.attachedToTarget': {
        const sessionId = params.sessionId as string;
        const info = params.targetInfo as TargetInfo;
        sessions.set(sessionId, info);
        // Network first, then children, then let the target run: nothing it does escapes the recorder.
        void Promise.allSettled([
          send('Network.enable', {}, sessionId),
          send('Runtime.enable', {}, sessionId),
          send('Target.setAutoAttach', attach, sessionId),
        ]).then(() => send('Runtime.runIfWaitingForDebugger', {}, sessionId).catch(() => undefined));
        break;
      }
      case 'Target.detachedFromTarget':
        sessions.delete(params.sessionId as string);
        contexts.delete(params.sessionId as string);
        break;
      case 'Target.targetInfoChanged': {
        const info = params.targetInfo as TargetInfo;
        for (const [sessionId, known] of sessions) if (known.targetId === info.targetId) sessions.set(sessionId, info);
        break;
      }
      case 'Network.requestWillBeSent': {
        const target = sessions.get(message.sessionId ?? '');
        const request = params.request as { url: string };
        recorded.push({ url: request.url, from: `${target?.type ?? 'unknown'} ${target?.url ?? ''}`.trim() });
        break;
      }
      case 'Network.webSocketCreated': {
        const target = sessions.get(message.sessionId ?? '');
        recorded.push({ url: params.url as string, from: `${target?.type ?? 'unknown'} ${target?.url ?? ''}`.trim() });
        break;
      }
      case 'Runtime.executionContextCreated': {
        const context = params.context as ExecutionContext;
        const id = message.sessionId ?? '';
        contexts.set(id, [...(contexts.get(id) ?? []), context]);
        break;
      }
      case 'Runtime.executionContextsCleared':
        contexts.delete(message.sessionId ?? '');
        break;
    }
  });
  await send('Target.setDiscoverTargets', { discover: true });
  await send('Target.setAutoAttach', attach);

  return {
    requests: () => [...recorded],
    async evaluateInContentScript(pageUrl, worldName, expression) {
      const sessionId = [...sessions].find(([, info]) => info.type === 'page' && info.url.startsWith(pageUrl))?.[0];
      if (!sessionId) throw new Error(`no page at ${pageUrl}`);
      const world = contexts.get(sessionId)?.find((context) => context.auxData?.type === 'isolated' && context.name === worldName);
      if (!world) throw new Error(`no content script world "${worldName}" on ${pageUrl}`);
      const result = (await send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true }, sessionId)) as {
        result: { value?: unknown };
        exceptionDetails?: { text: string };
      };
      if (result.exceptionDetails) throw new Error(`content script evaluate threw: ${result.exceptionDetails.text}`);
      return result.result.value;
    },
    close() {
      for (const entry of pending.values()) entry.reject(new Error('recorder closed'));
      ws.removeAllListeners('message');
      ws.terminate();
    },
  };
}
