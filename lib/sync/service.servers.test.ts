import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { NotesDatabase } from '../notes-db';
import { NotesRepository } from '../notes-repository';
import { checkServerUrl, createSyncService, syncAlarm, syncSoonAlarm } from './service';
import { startRclone, type TestServer } from './test-servers';

describe('the background sync service (over rclone)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startRclone();
  }, 30_000);
  afterAll(() => server?.dispose());

  function setup(allowed = true) {
    const db = new NotesDatabase(`service-${crypto.randomUUID()}`);
    const notes = new NotesRepository(db);
    const alarms: [string, number, number | undefined][] = [];
    const service = createSyncService({ notes, hasPermission: async () => allowed, schedule: (name, delay, period) => void alarms.push([name, delay, period]) });
    notes.onLocalChange = () => void service.soon();
    return { db, notes, service, alarms };
  }

  test('configure syncs at once and keeps a schedule; status never carries the password; edits schedule a sync soon', async () => {
    const { notes, service, alarms } = setup();
    expect(await service.status()).toEqual({ configured: false, running: false });
    await notes.add({ kind: 'entity', entityId: 'clearview-ai' }, 'before sync was set up', []);
    expect(alarms).toEqual([]);
    const outcome = await service.configure({ url: server.url.replace("/Watchwords/", "/service"), username: server.username, password: server.password });
    expect(outcome).toMatchObject({ state: 'synced', uploaded: 1 });
    expect(alarms).toContainEqual([syncAlarm, 30, 30]);
    const status = await service.status();
    expect(status).toMatchObject({ configured: true, url: server.url.replace("/Watchwords/", "/service/"), username: server.username, encrypted: false, running: false, last: { state: 'synced' } });
    expect(JSON.stringify(status)).not.toContain(server.password);
    await notes.add({ kind: 'entity', entityId: 'clearview-ai' }, 'after', []);
    await new Promise((r) => setTimeout(r, 10));
    expect(alarms.at(-1)).toEqual([syncSoonAlarm, 0.5, undefined]);
    expect(await service.syncNow()).toMatchObject({ state: 'synced', uploaded: 1 });
    await service.forget();
    expect(await service.status()).toEqual({ configured: false, running: false });
  });

  test('a server it cannot reach without the host permission: it says the permission is missing; a bad address is refused in words', async () => {
    const { service } = setup(false);
    expect(await service.configure({ url: 'http://127.0.0.1:9/nope/', username: server.username, password: server.password })).toMatchObject({ state: 'needs-permission' });
    expect(checkServerUrl('ftp://x')).toEqual({ error: 'The server address must start with https://.' });
    expect(checkServerUrl('https://me:pw@cloud.example/dav')).toMatchObject({ error: expect.stringMatching(/own fields/) });
    expect(checkServerUrl('https://cloud.example/dav?x=1#y')).toEqual({ url: 'https://cloud.example/dav/' });
  });

  test('an encrypted library: the passphrase is used once; afterwards only the key is kept', async () => {
    const first = setup();
    await first.notes.add({ kind: 'entity', entityId: 'x' }, 'secret', []);
    expect(await first.service.configure({ url: server.url.replace("/Watchwords/", "/enc"), username: server.username, password: server.password, passphrase: 'pass phrase' })).toMatchObject({ state: 'synced' });
    expect(await first.service.status()).toMatchObject({ encrypted: true });
    const saved = JSON.stringify(await first.notes.syncValue('credentials'));
    expect(saved).not.toContain('pass phrase');
    const second = setup();
    expect(await second.service.configure({ url: server.url.replace("/Watchwords/", "/enc"), username: server.username, password: server.password })).toMatchObject({ state: 'needs-passphrase' });
    expect(await second.service.configure({ url: server.url.replace("/Watchwords/", "/enc"), username: server.username, password: server.password, passphrase: 'wrong' })).toMatchObject({ state: 'wrong-passphrase' });
    expect(await second.service.configure({ url: server.url.replace("/Watchwords/", "/enc"), username: server.username, password: server.password, passphrase: 'pass phrase' })).toMatchObject({ state: 'synced' });
    expect(await second.service.syncNow()).toMatchObject({ state: 'synced' });
    expect((await second.notes.states()).length).toBe(1);
  });

  test('a passphrase is remembered as a choice: a sync after the worker restarted (passphrase gone) does not start an unencrypted library', async () => {
    const db = new NotesDatabase(`service-${crypto.randomUUID()}`);
    const notes = new NotesRepository(db);
    await notes.add({ kind: 'entity', entityId: 'x' }, 'words only for the reader', []);
    const url = server.url.replace('/Watchwords/', '/restart/');
    const down: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const first = createSyncService({ notes, hasPermission: async () => true, schedule: () => undefined, fetch: down });
    expect(await first.configure({ url, username: server.username, password: server.password, passphrase: 'pass phrase' })).toMatchObject({ state: 'unreachable' });
    expect(await first.status()).toMatchObject({ encrypted: true });
    // The browser stopped the worker; the alarm's sync runs in a new one, which never saw the passphrase.
    const restarted = createSyncService({ notes, hasPermission: async () => true, schedule: () => undefined });
    expect(await restarted.syncNow()).toMatchObject({ state: 'needs-passphrase' });
    const dav = new (await import('./webdav')).WebDavClient({ url, username: server.username, password: server.password });
    expect(await dav.get('watchwords-library.json')).toBeUndefined();
    expect(await restarted.configure({ url, username: server.username, password: server.password, passphrase: 'pass phrase' })).toMatchObject({ state: 'synced' });
    expect(JSON.parse((await dav.get('watchwords-library.json'))!)).toHaveProperty('encryption');
  });
});
