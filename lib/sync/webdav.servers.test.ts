import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApache, startRclone, type TestServer } from './test-servers';
import { testConnection } from './test-connection';
import { WebDavClient, WebDavError } from './webdav';

describe.each([['rclone', startRclone] as const, ['apache', startApache] as const])('the WebDAV layer against %s', (_name, start) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await start();
  }, 30_000);
  afterAll(() => server?.dispose());
  const client = () => new WebDavClient({ url: server.url, username: server.username, password: server.password });

  test('folders level by level, put, get, list, move, delete; a missing file is undefined', async () => {
    const dav = client();
    expect((await dav.options()).get('DAV')).toBeTruthy();
    await dav.ensureFolder('devices/dev-a');
    await dav.ensureFolder('devices/dev-a');
    await dav.put('devices/dev-a/head.json.tmp', '{"n":1}');
    await dav.move('devices/dev-a/head.json.tmp', 'devices/dev-a/head.json');
    await dav.put('devices/dev-a/x y.json', 'é');
    expect(await dav.get('devices/dev-a/head.json')).toBe('{"n":1}');
    expect(await dav.get('devices/dev-a/x y.json')).toBe('é');
    expect(await dav.get('devices/dev-a/missing.json')).toBeUndefined();
    expect((await dav.list('devices/dev-a')).map((e) => e.name).sort()).toEqual(['head.json', 'x y.json']);
    expect(await dav.list('devices')).toEqual([{ name: 'dev-a', folder: true }]);
    expect(await dav.list('nothing-here')).toEqual([]);
    await dav.delete('devices/dev-a/x y.json');
    expect(await dav.exists('devices/dev-a/x y.json')).toBe(false);
    expect(await dav.exists('devices/dev-a/')).toBe(true);
    expect(dav.lastDate?.header).toMatch(/GMT$/);
  });

  test('a wrong password is told apart from an unreachable server', async () => {
    const wrong = new WebDavClient({ url: server.url, username: server.username, password: 'wrong' });
    await expect(wrong.get('x')).rejects.toMatchObject({ failure: 'auth' });
    const nowhere = new WebDavClient({ url: 'http://127.0.0.1:9/', username: 'a', password: 'b', timeoutMs: 2000 });
    await expect(nowhere.get('x')).rejects.toBeInstanceOf(WebDavError);
    await expect(nowhere.get('x')).rejects.toMatchObject({ failure: 'unreachable' });
  });
});

describe.each([['rclone', startRclone] as const, ['apache', startApache] as const])('"Test connection" against %s', (_name, start) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await start();
  }, 30_000);
  afterAll(() => server?.dispose());

  test('the Zotero sequence: WebDAV, folder (created on request), missing file 404, write, read back, delete', async () => {
    const options = { url: server.url.replace(/\/[^/]*\/$/, '/fresh/'), username: server.username, password: server.password };
    const first = await testConnection(options);
    expect(first).toMatchObject({ ok: false, folderMissing: true });
    const second = await testConnection(options, { createFolder: true });
    expect(second.steps.map((s) => [s.step, s.ok])).toEqual([
      ['webdav', true],
      ['folder', true],
      ['missing-file', true],
      ['write', true],
      ['read-back', true],
      ['delete', true],
    ]);
    expect(second.ok).toBe(true);
    expect(second.clock?.warn).toBe(false);
    const dav = new WebDavClient(options);
    expect((await dav.list('')).filter((e) => e.name.startsWith('watchwords-test-'))).toEqual([]);
    const wrong = await testConnection({ ...options, password: 'nope' });
    // (rclone answers OPTIONS without asking who you are; Apache asks at once.)
    expect(wrong.ok).toBe(false);
    expect(wrong.steps.at(-1)).toMatchObject({ ok: false, message: 'The server refused the user name or password.' });
  });
});
