import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { createNoteState } from '../core/notes/state';
import { uuidFromText } from '../core/notes/hash';
import { NotesDatabase } from '../lib/notes-db';
import { NotesRepository } from '../lib/notes-repository';
import { SyncEngine } from '../lib/sync/engine';
import { startApache, startRclone } from '../lib/sync/test-servers';

/** Sync of 10,000 notes between two simulated devices through real servers (`npx tsx scripts/bench-sync.ts`). */
const count = 10_000;
const time = async <T>(label: string, run: () => Promise<T>): Promise<T> => {
  const start = performance.now();
  const result = await run();
  console.log(`${label}: ${Math.round(performance.now() - start)} ms`);
  return result;
};

for (const start of [startRclone, startApache]) {
  const server = await start();
  console.log(`— ${server.name}`);
  const a = new NotesRepository(new NotesDatabase(`bench-a-${crypto.randomUUID()}`));
  const b = new NotesRepository(new NotesDatabase(`bench-b-${crypto.randomUUID()}`));
  const states = Array.from({ length: count }, (_, i) =>
    createNoteState(uuidFromText(`n${i}`), { kind: 'page', url: `https://news${i % 300}.example/s/${i}`, alternateUrls: [], title: `Story ${i}`, quote: { exact: `quoted passage ${i}`, prefix: 'a ', suffix: ' b' }, position: { start: i, end: i + 17 } }, `Note ${i} ${'words '.repeat(12)}`, ['tag'], `${new Date(Date.parse('2026-01-01T00:00:00Z') + i).toISOString()}-0000-seed`),
  );
  await time(`seed ${count} notes on device a`, () => a.applyRemote(states));
  const config = { url: server.url, username: server.username, password: server.password };
  const outA = await time(`device a: first sync (uploads ${count} notes)`, () => new SyncEngine(a, config).sync());
  console.log(`  ${JSON.stringify(outA)}`);
  const outB = await time(`device b: first sync (downloads and merges ${count} notes)`, () => new SyncEngine(b, config).sync());
  console.log(`  ${JSON.stringify(outB)}`);
  const ids = states.slice(0, 100).map((s) => s.id);
  for (const id of ids) await a.edit(id, { body: 'edited', tags: ['tag'] });
  await time('device a: sync of 100 edits', () => new SyncEngine(a, config).sync());
  await time('device b: sync of 100 edits', () => new SyncEngine(b, config).sync());
  console.log(`  b has ${await b.liveCount()} live notes`);
  await server.dispose();
}
