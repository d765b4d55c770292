import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Target } from '../../core/notes/state';
import { NotesDatabase } from '../notes-db';
import { NotesRepository, undoWindowMs } from '../notes-repository';
import { SyncEngine, type SyncConfig, type SyncOutcome } from './engine';
import { startApache, startRclone, type TestServer } from './test-servers';

/**
 * Simulated devices (each its own notes database and clock, skewed) syncing through real WebDAV servers started
 * here on 127.0.0.1: rclone and Apache mod_dav_fs.
 */

const target = (n: number): Target => ({ kind: 'page', url: `https://news.example/story/${n}`, alternateUrls: [], title: `Story ${n}`, quote: { exact: `quote ${n}`, prefix: '', suffix: '' }, position: { start: 0, end: 7 } });
let clock = Date.parse('2026-11-01T10:00:00Z');

interface Device {
  name: string;
  db: NotesDatabase;
  notes: NotesRepository;
  config: SyncConfig;
  sync(run?: Parameters<SyncEngine['sync']>[0], fetcher?: typeof fetch): Promise<SyncOutcome>;
  views(): Promise<string>;
}

const opened: NotesDatabase[] = [];
function device(server: TestServer, name: string, skewMs: number, extra: Partial<SyncConfig> = {}): Device {
  const db = new NotesDatabase(`sync-${name}-${crypto.randomUUID()}`);
  opened.push(db);
  const now = () => (clock += 7) + skewMs;
  const notes = new NotesRepository(db, { now });
  const config: SyncConfig = { url: server.url, username: server.username, password: server.password, ...extra };
  const d: Device = {
    name,
    db,
    notes,
    config,
    async sync(run = {}, fetcher) {
      const engine = new SyncEngine(notes, d.config, { now, ...(fetcher && { fetch: fetcher }) });
      const outcome = await engine.sync(run);
      if (engine.dataKey) d.config = { ...d.config, dataKey: engine.dataKey, newPassphrase: undefined };
      return outcome;
    },
    async views() {
      const all = await db.notes.toArray();
      return JSON.stringify(all.sort((a, b) => (a.id < b.id ? -1 : 1)).map(({ id, body, tags, deletedAt, target: t }) => ({ id, body, tags: [...tags].sort(), deleted: deletedAt !== null, t })));
    },
  };
  return d;
}

async function syncAll(devices: Device[], rounds = 2) {
  for (let r = 0; r < rounds; r++) for (const d of devices) expect(await d.sync(), d.name).toMatchObject({ state: 'synced' });
}

afterAll(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe.each([['rclone', startRclone] as const, ['apache', startApache] as const])('sync through %s', (_name, start) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await start();
  }, 30_000);
  afterAll(() => server?.dispose());

  test('three devices with skewed clocks edit, tag and delete at once, and converge with nothing lost', { timeout: 120_000 }, async () => {
    server.url = server.url.replace(/\/[^/]*\/$/, '/three/');
    const [a, b, c] = [device(server, 'a', -90_000), device(server, 'b', 180_000), device(server, 'c', 0)];
    const n1 = await a.notes.add(target(1), 'one', []);
    const n2 = await a.notes.add(target(2), 'two', ['x']);
    const n3 = await a.notes.add(target(3), 'three', []);
    await syncAll([a, b, c]);
    expect(await b.views()).toBe(await a.views());
    // Concurrently: a and b both edit n1's text (a conflict), c deletes n2 while a tags it, b deletes n3 while c
    // edits it (an edit c made without knowing of the delete brings it back), and everyone adds a note.
    await a.notes.edit(n1.id, { body: 'one, from a', tags: [] });
    await b.notes.edit(n1.id, { body: 'one, from b', tags: ['b'] });
    await c.notes.delete([n2.id]);
    await a.notes.tag([n2.id], 'late');
    await b.notes.delete([n3.id]);
    await c.notes.edit(n3.id, { body: 'three, kept by c', tags: [] });
    for (const [d, n] of [[a, 10], [b, 11], [c, 12]] as const) await d.notes.add(target(n), `new on ${d.name}`, []);
    await syncAll([c, b, a], 3);
    const final = await a.views();
    expect(await b.views()).toBe(final);
    expect(await c.views()).toBe(final);
    const notes = await a.db.notes.toArray();
    const live = notes.filter((n) => n.deletedAt === null);
    const bodies = live.map((n) => n.body).sort();
    // Both texts of n1 are kept (one as a conflict copy), n2 stays deleted, n3 is back with c's text.
    expect(bodies).toEqual(['new on a', 'new on b', 'new on c', 'one, from a', 'one, from b', 'three, kept by c'].sort());
    expect(live.filter((n) => n.tags.includes('conflict'))).toHaveLength(1);
    expect(notes.find((n) => n.id === n2.id)?.deletedAt).not.toBeNull();
  });

  test('a wrong password changes nothing; a server stopped mid-sync loses nothing and the next sync completes', { timeout: 120_000 }, async () => {
    server.url = server.url.replace(/\/[^/]*\/$/, '/interrupted/');
    const a = device(server, 'a', 0);
    const b = device(server, 'b', 30_000);
    for (let i = 0; i < 30; i++) await a.notes.add(target(100 + i), `note ${i}`, []);
    const wrong = device(server, 'wrong', 0, { password: 'not-the-password' });
    await wrong.notes.add(target(1), 'x', []);
    expect(await wrong.sync()).toMatchObject({ state: 'auth-failed' });
    expect(await wrong.db.notes.count()).toBe(1);
    expect(await a.sync()).toMatchObject({ state: 'synced' });
    for (let i = 0; i < 30; i++) await b.notes.add(target(200 + i), `b note ${i}`, []);
    // b's first sync: the server stops after a few requests.
    const outcomes: string[] = [];
    for (const stopAfter of [3, 6, 9, 12]) {
      let requests = 0;
      const failing: typeof fetch = async (input, init) => {
        if (++requests === stopAfter) await server.stop();
        return fetch(input, init);
      };
      const outcome = await b.sync({}, failing);
      outcomes.push(outcome.state);
      await server.start();
      await a.notes.add(target(300 + stopAfter), `a again ${stopAfter}`, []);
      expect(await a.sync()).toMatchObject({ state: 'synced' });
    }
    expect(outcomes).toContain('unreachable');
    expect(outcomes.every((o) => o === 'unreachable' || o === 'synced')).toBe(true);
    await syncAll([b, a, b]);
    expect(await a.views()).toBe(await b.views());
    expect((await a.db.notes.toArray()).filter((n) => n.deletedAt === null)).toHaveLength(30 + 30 + 4);
  });

  test('more than 20 % of the notes deleted elsewhere: sync stops and asks; another library in the folder: it asks', { timeout: 120_000 }, async () => {
    server.url = server.url.replace(/\/[^/]*\/$/, '/guard/');
    const a = device(server, 'a', 0);
    const b = device(server, 'b', 0);
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push((await a.notes.add(target(400 + i), `n ${i}`, [])).id);
    await syncAll([a, b]);
    await a.notes.delete(ids.slice(0, 6));
    expect(await a.sync()).toMatchObject({ state: 'synced' });
    expect(await b.sync()).toMatchObject({ state: 'confirm-deletes', deleting: 6, total: 20 });
    expect((await b.db.notes.toArray()).filter((n) => n.deletedAt === null)).toHaveLength(20);
    expect(await b.sync({ allowDeletes: true })).toMatchObject({ state: 'synced' });
    expect((await b.db.notes.toArray()).filter((n) => n.deletedAt === null)).toHaveLength(14);
    // The folder now holds another library (here: the marker replaced).
    await new (await import('./webdav')).WebDavClient(b.config).put('watchwords-library.json', JSON.stringify({ format: 'watchwords-sync', version: 1, libraryId: crypto.randomUUID(), createdAt: new Date().toISOString() }));
    expect(await b.sync()).toMatchObject({ state: 'other-library' });
    expect(await b.sync({ adoptLibrary: true })).toMatchObject({ state: 'synced' });
  });

  test('what the server keeps of a deleted note (README, "What the server keeps"), and clearing the folder clears it', { timeout: 120_000 }, async () => {
    server.url = server.url.replace(/\/[^/]*\/$/, '/history/');
    const [a, b] = [device(server, 'a', 0), device(server, 'b', 0)];
    const kept = await a.notes.add(target(800), 'kept words', []);
    const gone = await a.notes.add(target(801), 'first words of a note to forget', ['tag-to-forget']);
    await syncAll([a, b]);
    await a.notes.edit(gone.id, { body: 'second words of a note to forget', tags: ['tag-to-forget'] });
    expect(await a.sync()).toMatchObject({ state: 'synced' });
    await a.notes.delete([gone.id]);
    await syncAll([a, b]);
    const dav = new (await import('./webdav')).WebDavClient(a.config);
    const files = async () => {
      const all = new Map<string, string>();
      for (const name of (await dav.list('devices')).map((d) => d.name)) for (const file of await dav.list(`devices/${name}`)) all.set(`${name}/${file.name}`, (await dav.get(`devices/${name}/${file.name}`)) ?? '');
      return all;
    };
    const holding = (all: Map<string, string>, pattern: RegExp) => [...all].filter(([, text]) => pattern.test(text)).map(([path]) => path);
    // Batches are never rewritten: the first and the edited text, the page and the tag stay in a's earlier batches;
    // the delete itself carries none of them.
    const before = await files();
    const aDevice = await a.notes.deviceId();
    expect(holding(before, /first words of a note to forget/)).toEqual([`${aDevice}/batch-000001.json`]);
    expect(holding(before, /second words of a note to forget/)).toEqual([`${aDevice}/batch-000002.json`]);
    expect(holding(before, /story\/801/).length).toBeGreaterThan(1);
    const lastOfA = before.get(`${aDevice}/batch-000003.json`)!;
    expect(JSON.parse(lastOfA).changes.map((c: { kind: string }) => c.kind)).toContain('delete');
    expect(lastOfA).not.toMatch(/words of a note to forget|tag-to-forget|story\/801/);
    // The remedy: empty the folder; each device starts or joins a new library with its notes as they are now.
    for (const path of [...before.keys()].map((p) => `devices/${p.split('/')[0]}`).filter((p, i, all) => all.indexOf(p) === i)) await dav.delete(path);
    await dav.delete('watchwords-library.json');
    expect(await a.sync()).toMatchObject({ state: 'other-library' });
    expect(await a.sync({ adoptLibrary: true })).toMatchObject({ state: 'synced' });
    expect(await b.sync()).toMatchObject({ state: 'other-library' });
    expect(await b.sync({ adoptLibrary: true })).toMatchObject({ state: 'synced' });
    await syncAll([a, b]);
    const after = await files();
    expect(holding(after, /words of a note to forget|story\/801/)).toEqual([]);
    // A tombstone keeps its tags' names (merging tags needs them): in each device's first batch.
    expect(holding(after, /tag-to-forget/).length).toBe(2);
    expect(holding(after, /kept words/).length).toBeGreaterThan(0);
    expect(await a.views()).toBe(await b.views());
    expect((await b.db.notes.toArray()).filter((n) => n.deletedAt === null).map((n) => n.id)).toEqual([kept.id]);
    // On the devices: once the undo window has passed, the text is gone from the notes and from the change logs
    // (sync drops what it has uploaded).
    clock += undoWindowMs + 1;
    for (const d of [a, b]) {
      await d.notes.purge();
      const stored = JSON.stringify([await d.db.noteStates.toArray(), await d.db.notes.toArray(), await d.db.changes.toArray()]);
      expect(stored, d.name).not.toMatch(/words of a note to forget|story\/801/);
      expect(stored, d.name).toContain('kept words');
    }
  });

  test('a damaged batch from one device holds up only that device; the others still come in', { timeout: 120_000 }, async () => {
    server.url = server.url.replace(/\/[^/]*\/$/, '/damaged/');
    const [a, b, c] = [device(server, 'a', 0), device(server, 'b', 0), device(server, 'c', 0)];
    await a.notes.add(target(600), 'from a', []);
    await b.notes.add(target(601), 'from b', []);
    await syncAll([a, b]);
    const dav = new (await import('./webdav')).WebDavClient(a.config);
    const aDevice = await a.notes.deviceId();
    await dav.put(`devices/${aDevice}/batch-000001.json`, '{"format":"watchwords-sync-batch", "cut sh');
    expect(await c.sync()).toMatchObject({ state: 'synced', damagedDevices: 1 });
    expect((await c.db.notes.toArray()).map((n) => n.body)).toEqual(['from b']);
  });

  test('encrypted library: round trip between two devices; the server holds no note text; a wrong passphrase is said so', { timeout: 120_000 }, async () => {
    server.url = server.url.replace(/\/[^/]*\/$/, '/encrypted/');
    const a = device(server, 'a', 0, { newPassphrase: 'a long passphrase' });
    await a.notes.add(target(500), 'secret words about a vendor', ['private-tag']);
    expect(await a.sync()).toMatchObject({ state: 'synced' });
    const stranger = device(server, 'stranger', 0);
    expect(await stranger.sync()).toMatchObject({ state: 'needs-passphrase' });
    const wrong = device(server, 'wrong', 0, { newPassphrase: 'not it' });
    expect(await wrong.sync()).toMatchObject({ state: 'wrong-passphrase' });
    const b = device(server, 'b', 0, { newPassphrase: 'a long passphrase' });
    expect(await b.sync()).toMatchObject({ state: 'synced' });
    expect((await b.db.notes.toArray()).map((n) => n.body)).toEqual(['secret words about a vendor']);
    await b.notes.add(target(501), 'reply from b', []);
    await syncAll([b, a]);
    expect(await a.views()).toBe(await b.views());
    const dav = new (await import('./webdav')).WebDavClient(a.config);
    for (const name of (await dav.list('devices')).map((d) => d.name)) {
      for (const file of await dav.list(`devices/${name}`)) {
        const text = (await dav.get(`devices/${name}/${file.name}`)) ?? '';
        expect(text).not.toMatch(/secret|private-tag|news\.example|reply from b/);
      }
    }
  });

  test('an encrypted library is never downgraded: a folder whose library was replaced by an unencrypted one, or emptied, gets no plain text', { timeout: 120_000 }, async () => {
    server.url = server.url.replace(/\/[^/]*\/$/, '/downgrade/');
    const a = device(server, 'a', 0, { newPassphrase: 'a long passphrase' });
    await a.notes.add(target(700), 'words only for the reader', ['own-tag']);
    expect(await a.sync()).toMatchObject({ state: 'synced' });
    const dav = new (await import('./webdav')).WebDavClient(a.config);
    const plainText = async () => {
      const found: string[] = [];
      const folders = (await dav.list('devices')).map((d) => d.name);
      for (const name of folders) for (const file of await dav.list(`devices/${name}`)) if (/words only|own-tag|news\.example/.test((await dav.get(`devices/${name}/${file.name}`)) ?? '')) found.push(file.name);
      return found;
    };
    // Whoever controls the server puts an unencrypted library in the folder; the reader agrees to use it.
    await dav.put('watchwords-library.json', JSON.stringify({ format: 'watchwords-sync', version: 1, libraryId: crypto.randomUUID(), createdAt: new Date().toISOString() }));
    expect(await a.sync()).toMatchObject({ state: 'other-library' });
    await a.notes.add(target(701), 'more words only for the reader', []);
    expect(await a.sync({ adoptLibrary: true })).toMatchObject({ state: 'not-encrypted' });
    expect(await plainText()).toEqual([]);
    // The folder emptied: a new library is started only with the passphrase, and encrypted.
    await dav.delete('watchwords-library.json');
    expect(await a.sync({ adoptLibrary: true })).toMatchObject({ state: 'needs-passphrase' });
    expect(await dav.get('watchwords-library.json')).toBeUndefined();
    a.config = { ...a.config, newPassphrase: 'a long passphrase', dataKey: undefined };
    expect(await a.sync({ adoptLibrary: true })).toMatchObject({ state: 'synced' });
    expect(JSON.parse((await dav.get('watchwords-library.json'))!)).toHaveProperty('encryption');
    expect(await plainText()).toEqual([]);
    // A device told to encrypt (a passphrase) that finds an unencrypted library sends nothing to it.
    server.url = server.url.replace(/\/[^/]*\/$/, '/plain-first/');
    const plain = device(server, 'plain', 0);
    await plain.notes.add(target(702), 'an unencrypted note', []);
    expect(await plain.sync()).toMatchObject({ state: 'synced' });
    const wants = device(server, 'wants', 0, { newPassphrase: 'a long passphrase' });
    await wants.notes.add(target(703), 'words only for the reader', []);
    expect(await wants.sync()).toMatchObject({ state: 'not-encrypted' });
    expect(await wants.db.notes.count()).toBe(1);
    const plainDav = new (await import('./webdav')).WebDavClient(plain.config);
    expect((await plainDav.list('devices')).map((d) => d.name)).toEqual([await plain.notes.deviceId()]);
  });
});
