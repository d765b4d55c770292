import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { readImportFile, planImport, applyImport } from '../core/exchange/import';
import { exportFormats } from '../core/exchange/registry';
import { datasetLookup } from '../core/exchange/dataset-lookup';
import { mapStates, mergeInto } from '../core/notes/merge';
import { createNoteState, deleteNote, editText, joinNotes, type NoteState } from '../core/notes/state';
import { uuidFromText } from '../core/notes/hash';
import { readDataset } from './dataset-files';

/**
 * Export, import and merge of 10,000 notes (`npx tsx scripts/bench-exchange.ts`): prints milliseconds. With
 * `--chromium` (after `npm run build`), also as a reader meets them: each export and import asked of the
 * extension's background in Chromium, which reads and writes its real IndexedDB.
 */
const count = 10_000;
const stamp = (i: number, device: string) => `${new Date(Date.parse('2026-01-01T00:00:00Z') + i * 1000).toISOString()}-0000-${device}`;
/** One device's library of 10,000 notes: some edited there, some deleted (`offset` varies which). */
export function library(device: string, offset: number): NoteState[] {
  const states: NoteState[] = [];
  for (let i = 0; i < count; i++) {
    const id = uuidFromText(`note ${i}`);
    const target = i % 5 === 0 ? { kind: 'entity' as const, entityId: 'clearview-ai' } : { kind: 'page' as const, url: `https://news${i % 300}.example/story/${i}`, alternateUrls: [], title: `Story ${i} about plate readers`, quote: { exact: `a quoted passage number ${i} about Clearview AI`, prefix: 'before ', suffix: ' after' }, position: { start: i, end: i + 40 } };
    let state = createNoteState(id, target, `Note ${i}: ${'some words '.repeat(10)}`, [`tag${i % 20}`, 'surveillance'], stamp(i, 'origin'));
    if ((i + offset) % 7 === 0) state = joinNotes(state, editText(state, `Edited on ${device} ${i}`, stamp(count + i + offset, device)));
    if ((i + offset) % 50 === 0) state = joinNotes(state, deleteNote(state, stamp(2 * count + i, device)));
    states.push(state);
  }
  return states;
}
// Run as a script (`npm run bench` imports `library`).
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main();
  if (process.argv.includes('--chromium')) await inChromium();
}

/** Exports and imports through the extension's background in Chromium, timed from its notes manager page. */
async function inChromium(): Promise<void> {
  const { launchChromium } = await import('./browsers/chromium');
  const { chromeBuild } = await import('./browsers/watchwords-page');
  const lookup = datasetLookup(readDataset());
  const states = library('dev-a', 0);
  const json = exportFormats.find((f) => f.id === 'watchwords-json')!.export({ states, now: new Date(), ...lookup }).data as string;
  const w3c = exportFormats.find((f) => f.id === 'w3c')!.export({ states, now: new Date(), ...lookup }).data as string;
  for (const [label, text] of [['Watchwords JSON', json], ['W3C', w3c]] as const) {
    const session = await launchChromium({ extensionDir: chromeBuild });
    try {
      const page = await session.context.newPage();
      await page.goto(`${session.extensionOrigin}/notes.html`);
      const ask = (message: object) =>
        page.evaluate(async (m) => {
          const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<{ ok: boolean; value?: unknown; error?: string }> } } }).chrome.runtime;
          const start = performance.now();
          const reply = await runtime.sendMessage(m);
          if (!reply?.ok) throw new Error(reply?.error);
          return { ms: Math.round(performance.now() - start), value: reply.value as { counts?: unknown; data?: string } };
        }, message);
      const plan = await ask({ type: 'notes.import.plan', text });
      console.log(`chromium: import ${count} notes (${label}): dry-run report: ${plan.ms} ms`);
      const applied = await ask({ type: 'notes.import.apply', text });
      console.log(`chromium: import ${count} notes (${label}): backup and apply: ${applied.ms} ms  ${JSON.stringify(applied.value.counts)}`);
      const again = await ask({ type: 'notes.import.apply', text });
      console.log(`chromium: the same file again: ${again.ms} ms  ${JSON.stringify(again.value.counts)}`);
      if (label === 'Watchwords JSON') {
        for (const format of exportFormats) {
          const exported = await ask({ type: 'notes.export', format: format.id });
          console.log(`chromium: export ${count} notes as ${format.id}: ${exported.ms} ms`);
        }
      }
    } finally {
      await session.close();
    }
  }
}

function main(): void {
  const time = <T>(label: string, run: () => T): T => {
    const start = performance.now();
    const result = run();
    console.log(`${label}: ${Math.round(performance.now() - start)} ms`);
    return result;
  };

  const lookup = datasetLookup(readDataset());
  const a = library('dev-a', 0);
  const b = library('dev-b', 3);
  let json = '';
  for (const format of exportFormats) {
    const file = time(`export ${count} notes as ${format.id}`, () => format.export({ states: a, now: new Date(), ...lookup }));
    if (format.id === 'watchwords-json') json = file.data as string;
    console.log(`  size ${Math.round(file.data.length / 1024)} KB`);
  }
  const file = time(`import ${count} notes: parse and validate`, () => readImportFile(json));
  const here = mapStates(b);
  const report = time(`import ${count} notes: dry-run report`, () => planImport(file, here));
  console.log(`  ${JSON.stringify(report.counts)}`);
  time(`import ${count} notes: apply`, () => applyImport(file, here));
  const w3cText = exportFormats.find((f) => f.id === 'w3c')!.export({ states: a, now: new Date(), ...lookup }).data as string;
  const w3cFile = time(`import ${count} notes (W3C): parse and validate`, () => readImportFile(w3cText));
  console.log(`  ${w3cFile.states.length} notes, ${w3cFile.rejected.length} rejected`);
  const fresh = mapStates();
  time(`import ${count} notes (W3C): dry-run report`, () => planImport(w3cFile, fresh));
  time(`import ${count} notes (W3C): apply`, () => applyImport(w3cFile, fresh));
  const merged = mapStates();
  time(`merge two libraries of ${count} notes`, () => {
    mergeInto(merged, a);
    mergeInto(merged, b);
  });
  console.log(`  ${merged.map.size} notes after merge`);
}
