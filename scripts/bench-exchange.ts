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

/** Export, import and merge of 10,000 notes (`npx tsx scripts/bench-exchange.ts`): prints milliseconds. */
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
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();

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
  const merged = mapStates();
  time(`merge two libraries of ${count} notes`, () => {
    mergeInto(merged, a);
    mergeInto(merged, b);
  });
  console.log(`  ${merged.map.size} notes after merge`);
}
