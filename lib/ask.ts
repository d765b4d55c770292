import { browser } from 'wxt/browser';
import type { Request, RequestOf, Responses } from './messages';

/** Sends a request to the background and returns its typed answer; rejects with the background's error. */
export async function ask<T extends Request['type']>(request: RequestOf<T>): Promise<Responses[T]> {
  const reply = (await browser.runtime.sendMessage(request)) as { ok: true; value: Responses[T] } | { ok: false; error: string };
  if (!reply?.ok) throw new Error(reply?.error ?? 'Watchwords could not reach its background page.');
  return reply.value;
}
