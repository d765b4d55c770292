/**
 * A small WebDAV client over `fetch`: OPTIONS, PROPFIND (depth 0 and 1), MKCOL, GET, PUT, MOVE, DELETE.
 *
 * Why not the `webdav` package: it works in an MV3 service worker, but it is 52 KB gzipped (half of it an XML
 * parser), and sync needs seven requests and the `href`s of a listing. This layer does exactly those, with the
 * behaviour measured on real servers in mind (../shared/research/sync.md): a PUT into a missing folder fails, so
 * folders are made level by level; conditional requests are not relied on (three of five servers ignore them);
 * a service worker has no DOMParser, so the listing's hrefs are read from the XML text. It is tested against
 * rclone and Apache mod_dav_fs started by the test suite (webdav.servers.test.ts).
 */

export type WebDavFailure = 'auth' | 'forbidden' | 'not-found' | 'unreachable' | 'server' | 'conflict';

export class WebDavError extends Error {
  override name = 'WebDavError';
  constructor(
    readonly failure: WebDavFailure,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface WebDavOptions {
  /** The folder everything lives under, e.g. https://cloud.example/remote.php/dav/files/me/Watchwords/ */
  url: string;
  username: string;
  password: string;
  fetch?: typeof fetch;
  /** Per request, in milliseconds. */
  timeoutMs?: number;
}

export interface Listed {
  /** The entry's name inside the folder (no slashes). */
  name: string;
  folder: boolean;
}

function describeStatus(status: number, method: string, path: string): WebDavError {
  if (status === 401) return new WebDavError('auth', 'The server refused the user name or password.', status);
  if (status === 403) return new WebDavError('forbidden', `The server does not allow ${method} on ${path || 'the folder'}.`, status);
  if (status === 404) return new WebDavError('not-found', `${path || 'The folder'} was not found on the server.`, status);
  if (status === 409) return new WebDavError('conflict', `The server refused ${method} on ${path}: a folder above it is missing.`, status);
  return new WebDavError('server', `The server answered ${status} to ${method} ${path || '(folder)'}.`, status);
}

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, entity: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (entity[0] === '#') return String.fromCodePoint(entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10));
    return named[entity.toLowerCase()] ?? '';
  });
}

export class WebDavClient {
  readonly base: URL;
  private readonly authorization: string;
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;
  /** The server's `Date` header of the latest answer, with when the request was sent and answered. */
  lastDate?: { header: string; sentAt: number; receivedAt: number };

  constructor(options: WebDavOptions) {
    const url = new URL(options.url);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new WebDavError('unreachable', 'The server address must start with https://.');
    if (!url.pathname.endsWith('/')) url.pathname += '/';
    url.search = '';
    url.hash = '';
    this.base = url;
    const bytes = new TextEncoder().encode(`${options.username}:${options.password}`);
    this.authorization = `Basic ${btoa(String.fromCharCode(...bytes))}`;
    this.fetch = options.fetch ?? fetch.bind(globalThis);
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  /** The address of a path inside the folder; each segment is encoded. */
  urlOf(path: string): string {
    const encoded = path
      .split('/')
      .map((segment) => encodeURIComponent(segment))
      .join('/');
    return new URL(encoded, this.base).toString();
  }

  async request(method: string, path: string, init: { body?: string | Uint8Array; headers?: Record<string, string> } = {}): Promise<Response> {
    const sentAt = Date.now();
    let response: Response;
    try {
      response = await this.fetch(this.urlOf(path), {
        method,
        headers: { Authorization: this.authorization, ...init.headers },
        ...(init.body !== undefined && { body: init.body as BodyInit }),
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'follow',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const why = (error as Error)?.name === 'TimeoutError' ? 'did not answer in time' : 'could not be reached';
      throw new WebDavError('unreachable', `The server ${why}.`);
    }
    const date = response.headers.get('Date');
    if (date) this.lastDate = { header: date, sentAt, receivedAt: Date.now() };
    return response;
  }

  private async expect(method: string, path: string, ok: (status: number) => boolean, init?: Parameters<WebDavClient['request']>[2]): Promise<Response> {
    const response = await this.request(method, path, init);
    if (!ok(response.status)) {
      await response.body?.cancel().catch(() => undefined);
      throw describeStatus(response.status, method, path);
    }
    return response;
  }

  async options(): Promise<Headers> {
    const response = await this.expect('OPTIONS', '', (s) => s >= 200 && s < 300);
    await response.body?.cancel().catch(() => undefined);
    return response.headers;
  }

  /** The text of a file, or undefined when it does not exist (404 only: any other failure throws). */
  async get(path: string): Promise<string | undefined> {
    const response = await this.request('GET', path);
    if (response.status === 404) return undefined;
    if (!response.ok) throw describeStatus(response.status, 'GET', path);
    return response.text();
  }

  async put(path: string, body: string, contentType = 'application/json'): Promise<void> {
    const response = await this.expect('PUT', path, (s) => s === 200 || s === 201 || s === 204, { body, headers: { 'Content-Type': contentType } });
    await response.body?.cancel().catch(() => undefined);
  }

  /** Moves a file, replacing what is at `to` (the last step of an upload: the whole file appears at once). */
  async move(from: string, to: string): Promise<void> {
    const response = await this.expect('MOVE', from, (s) => s === 201 || s === 204, { headers: { Destination: this.urlOf(to), Overwrite: 'T' } });
    await response.body?.cancel().catch(() => undefined);
  }

  async delete(path: string): Promise<void> {
    const response = await this.expect('DELETE', path, (s) => s === 200 || s === 204 || s === 404);
    await response.body?.cancel().catch(() => undefined);
  }

  /** Makes a folder and every folder above it that is missing (a PUT into a missing folder fails on every server). */
  async ensureFolder(path: string): Promise<void> {
    const segments = path.split('/').filter(Boolean);
    // The sync folder itself first (i = 0), then each level under it.
    for (let i = 0; i <= segments.length; i++) {
      const folder = i === 0 ? '' : `${segments.slice(0, i).join('/')}/`;
      const response = await this.request('MKCOL', folder);
      await response.body?.cancel().catch(() => undefined);
      // 405: it exists already (some servers say 301 or 409 for the same).
      if (response.status === 201 || response.status === 405 || response.status === 301) continue;
      if (response.status === 409) throw describeStatus(409, 'MKCOL', folder);
      if (response.status === 401 || response.status === 403) throw describeStatus(response.status, 'MKCOL', folder);
      if (response.status >= 300) throw describeStatus(response.status, 'MKCOL', folder);
    }
  }

  /** Whether a folder (or file) exists: PROPFIND depth 0. */
  async exists(path: string): Promise<boolean> {
    const response = await this.request('PROPFIND', path, { headers: { Depth: '0', 'Content-Type': 'application/xml' }, body: propfindBody });
    await response.body?.cancel().catch(() => undefined);
    if (response.status === 404) return false;
    if (response.status === 207 || response.status === 200) return true;
    throw describeStatus(response.status, 'PROPFIND', path);
  }

  /** What a folder holds (PROPFIND depth 1), without the folder itself. */
  async list(path: string): Promise<Listed[]> {
    const folder = path.endsWith('/') || path === '' ? path : `${path}/`;
    const response = await this.request('PROPFIND', folder, { headers: { Depth: '1', 'Content-Type': 'application/xml' }, body: propfindBody });
    if (response.status === 404) return [];
    if (response.status !== 207) throw describeStatus(response.status, 'PROPFIND', folder);
    const xml = await response.text();
    const self = new URL(this.urlOf(folder)).pathname.replace(/\/+$/, '');
    const entries: Listed[] = [];
    for (const match of xml.matchAll(/<(?:[\w.-]+:)?href\b[^>]*>([^<]*)<\/(?:[\w.-]+:)?href>/gi)) {
      let pathname: string;
      try {
        pathname = new URL(decodeXml(match[1]!.trim()), this.base).pathname;
      } catch {
        continue;
      }
      const trimmed = pathname.replace(/\/+$/, '');
      if (trimmed === self || !trimmed.startsWith(`${self}/`)) continue;
      const name = decodeURIComponent(trimmed.slice(self.length + 1));
      if (!name || name.includes('/')) continue;
      entries.push({ name, folder: pathname.endsWith('/') });
    }
    return entries;
  }
}

const propfindBody = '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/><d:getcontentlength/></d:prop></d:propfind>';
