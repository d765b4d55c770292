import { describe, expect, test, vi } from 'vitest';
import { fetchPackText } from './pack-fetch';

const respond = (body: BodyInit | null, init: ResponseInit & { url?: string } = {}) => {
  const response = new Response(body, init);
  Object.defineProperty(response, 'url', { value: init.url ?? 'https://packs.example/city.json' });
  return vi.fn(async () => response) as unknown as typeof fetch;
};

describe('fetchPackText', () => {
  test('reads once without cookies, referrer or cache', async () => {
    const fetcher = respond('{"format":"watchwords-pack"}');
    expect(await fetchPackText('https://packs.example/city.json', fetcher)).toBe('{"format":"watchwords-pack"}');
    expect(fetcher).toHaveBeenCalledWith('https://packs.example/city.json', expect.objectContaining({ credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer' }));
  });

  test('refuses an error status, a redirect away from https, and anything over the limit (declared or streamed)', async () => {
    await expect(fetchPackText('https://packs.example/x', respond('nope', { status: 404 }))).rejects.toThrow('the server answered 404.');
    await expect(fetchPackText('https://packs.example/x', respond('{}', { url: 'http://packs.example/x' }))).rejects.toThrow('not https');
    await expect(fetchPackText('https://packs.example/x', respond('x'.repeat(20), { headers: { 'content-length': '20' } }), 10)).rejects.toThrow('larger than');
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(4));
      },
    });
    await expect(fetchPackText('https://packs.example/x', respond(endless), 10)).rejects.toThrow('larger than');
    // It stops reading at the limit instead of reading the whole answer.
    expect(pulled).toBeLessThan(10);
  });
});
