import { packLimits } from '../core/watchlist/pack';

/**
 * Reads a pack from an https address the reader typed, once, for that request: no cookies, no referrer, no
 * cache; at most the size a pack may have (a longer answer is cut off and refused, not read to the end).
 */
export async function fetchPackText(url: string, fetcher: typeof fetch = fetch, limit: number = packLimits.chars): Promise<string> {
  const response = await fetcher(url, { credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer', headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`the server answered ${response.status}.`);
  if (response.url && !response.url.startsWith('https:')) throw new Error('it sent Watchwords to an address that is not https.');
  const tooBig = () => new Error(`it is larger than ${(limit / 1_000_000).toLocaleString('en-US')} MB, more than a pack may be.`);
  if (Number(response.headers.get('content-length') ?? 0) > limit) throw tooBig();
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooBig();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}
