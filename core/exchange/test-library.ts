import type { PageTarget } from '../notes/note';
import { createNoteState, deleteNote, editText, joinNotes, type NoteState } from '../notes/state';
import type { EntityInfo, ExportInput } from './types';

/** A small library for exchange tests: page notes, an entity note, a conflict, a tombstone, hostile text. */
export const pageTarget: PageTarget = {
  kind: 'page',
  url: 'https://news.example/2026/11/story?id=7',
  alternateUrls: [],
  title: 'Face scans at the dock: what "Mobile Fortify" does',
  quote: { exact: 'face scans at the dock', prefix: 'agents began ', suffix: ' last spring' },
  position: { start: 120, end: 142 },
};
const at = (second: number, device = 'dev-a') => `2026-11-01T10:00:${String(second).padStart(2, '0')}.000Z-0000-${device}`;

export const ids = {
  page: '7f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b',
  hostile: '1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d',
  entity: '0b6e5d4c-3b2a-4190-8f7e-6d5c4b3a2f1e',
  deleted: '9c8b7a6f-5e4d-4c3b-8a29-1f0e9d8c7b6a',
};

export function testStates(): NoteState[] {
  const page = createNoteState(ids.page, pageTarget, 'Ask which database.', ['border', 'face recognition'], at(1));
  // Two devices changed the text since they last agreed.
  const conflicted = joinNotes(joinNotes(page, editText(page, 'Version from a', at(5, 'dev-a'))), editText(page, 'Version from b', at(6, 'dev-b')));
  const hostile = createNoteState(ids.hostile, { ...pageTarget, url: 'https://paper.example/alpr', title: '<img src=x onerror=alert(1)>', quote: { exact: '=HYPERLINK("http://evil")', prefix: '', suffix: '' } }, '<script>alert(1)</script> & "quotes", commas\r\nnew line ^not-a-block', ['=cmd'], at(2));
  const entity = createNoteState(ids.entity, { kind: 'entity', entityId: 'clearview-ai' }, 'Fined in several countries.', ['vendor'], at(3));
  const doomed = createNoteState(ids.deleted, { ...pageTarget, url: 'https://news.example/gone', quote: { exact: 'secret quote', prefix: '', suffix: '' } }, 'secret text', [], at(4));
  const deleted = joinNotes(doomed, deleteNote(doomed, at(7)));
  return [conflicted, hostile, entity, deleted];
}

export const clearview: EntityInfo = { id: 'clearview-ai', name: 'Clearview AI', sources: [{ title: 'Company site', url: 'https://www.clearview.ai/' }] };

export function testInput(states = testStates()): ExportInput {
  return {
    states,
    now: new Date('2026-11-02T08:00:00Z'),
    datasetVersion: '2026-11-20+abcdef12',
    entity: (id) => (id === clearview.id ? clearview : undefined),
    mentions: (text) => (/mobile fortify|face scans/i.test(text) ? ['clearview-ai'] : []),
  };
}

/** A strict RFC 4180 reader, to check what a spreadsheet would see. */
export function readCsv(data: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < data.length; i++) {
    const c = data[i]!;
    if (quoted) {
      if (c === '"' && data[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && data[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  return rows;
}
