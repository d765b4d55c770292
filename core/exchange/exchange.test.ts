import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { mapStates } from '../notes/merge';
import { conflictCopies, createNoteState, editText, joinNotes, noteView, type NoteState } from '../notes/state';
import { csvCell, exportCsv } from './csv';
import { applyImport, planImport, readImportFile, summariseImport } from './import';
import { markdownDocument, markdownFiles } from './markdown';
import { exportFormats } from './registry';
import { ImportError, maxImportBytes } from './safe-json';
import { ids, pageTarget, readCsv, testInput, testStates } from './test-library';
import { exportWatchwordsJson } from './watchwords-json';

const v1 = readFileSync(new URL('./fixtures/watchwords-v1-popup.json', import.meta.url), 'utf8');
const text = (data: string | Uint8Array) => (typeof data === 'string' ? data : strFromU8(data));
const byId = (states: NoteState[]) => [...states].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('Watchwords JSON', () => {
  test('version 2 round trip keeps every note and stamp; tombstones carry no text', () => {
    const states = testStates();
    const file = exportWatchwordsJson(testInput(states));
    const data = text(file.data);
    const parsed = JSON.parse(data);
    expect(parsed).toMatchObject({ format: 'watchwords-notes', version: 2, exportedAt: '2026-11-02T08:00:00.000Z', dataset: { version: '2026-11-20+abcdef12' } });
    expect(data).not.toContain('secret');
    const entityEntry = parsed.notes.find((n: { id: string }) => n.id === ids.entity);
    expect(entityEntry.entity).toEqual({ id: 'clearview-ai', name: 'Clearview AI', sources: [{ title: 'Company site', url: 'https://www.clearview.ai/' }] });
    const tombstone = parsed.notes.find((n: { id: string }) => n.id === ids.deleted);
    expect(Object.keys(tombstone).sort()).toEqual(['createdAt', 'deletedAt', 'id', 'state']);
    const back = readImportFile(data);
    expect(back.rejected).toEqual([]);
    const withoutTombstoneText = byId(states).map((s) => (s.id === ids.deleted ? { ...s, created: { stamp: s.created!.stamp }, body: s.body.map(({ stamp, seen }) => ({ stamp, seen })) } : s));
    expect(byId(back.states)).toEqual(withoutTombstoneText);
  });

  test('the version-1 file the popup exported imports: page, old page without alternates, entity, deleted', () => {
    const file = readImportFile(v1);
    expect(file).toMatchObject({ format: 'watchwords-json', version: 1, rejected: [] });
    const views = file.states.map(noteView);
    expect(views.map((v) => v?.id).sort()).toEqual(JSON.parse(v1).notes.map((n: { id: string }) => n.id).sort());
    const old = JSON.parse(v1).notes as { id: string; body: string; deletedAt: string | null; tags: string[] }[];
    for (const note of old) {
      const view = views.find((v) => v?.id === note.id)!;
      expect(view.body).toBe(note.body);
      expect(view.tags).toEqual(note.tags);
      expect(view.deletedAt).toBe(note.deletedAt);
    }
    // Importing it again, or its conversion to version 2, changes nothing.
    const here = mapStates(file.states);
    expect(planImport(readImportFile(v1), here).counts).toMatchObject({ added: 0, updated: 0, unchanged: 4 });
    const again = readImportFile(text(exportWatchwordsJson({ ...testInput(file.states) }).data));
    expect(planImport(again, here).counts).toMatchObject({ added: 0, updated: 0, conflicting: 0 });
  });

  test('a newer version is refused with one sentence', () => {
    expect(() => readImportFile(JSON.stringify({ format: 'watchwords-notes', version: 9, notes: [] }))).toThrow(/newer Watchwords/);
  });
});

describe('import: dry run, then apply', () => {
  test('the report counts added, updated, unchanged, older-skipped, conflicting and rejected', () => {
    const base = createNoteState(ids.page, pageTarget, 'base', [], '2026-11-01T10:00:00.000Z-0000-dev-a');
    const newerThere = joinNotes(base, editText(base, 'newer there', '2026-11-01T10:00:05.000Z-0000-dev-b'));
    const olderThere = base;
    const here = mapStates([joinNotes(base, editText(base, 'edited here', '2026-11-01T10:00:03.000Z-0000-dev-a'))]);
    const other = createNoteState(ids.entity, { kind: 'entity', entityId: 'x' }, 'x', [], '2026-11-01T10:00:00.000Z-0000-dev-a');
    here.set(other);
    const third = createNoteState(ids.hostile, { kind: 'entity', entityId: 'y' }, 'y', [], '2026-11-01T10:00:00.000Z-0000-dev-a');
    here.set(third);
    const thirdNewer = joinNotes(third, editText(third, 'y2', '2026-11-01T10:00:09.000Z-0000-dev-a'));
    const added = createNoteState(ids.deleted, { kind: 'entity', entityId: 'z' }, 'z', [], '2026-11-01T10:00:00.000Z-0000-dev-c');
    const stale = createNoteState(ids.page, pageTarget, 'base', [], '2026-11-01T10:00:00.000Z-0000-dev-a');
    expect(olderThere).toEqual(stale);
    const bad = { ...added, id: 'not-a-uuid' };
    const fileOf = (states: unknown[]) => JSON.stringify({ format: 'watchwords-notes', version: 2, exportedAt: '2026-11-02T00:00:00.000Z', notes: states.map((s) => {
        const { created, ...rest } = s as NoteState;
        return { id: (s as NoteState).id, ...(created?.target && { target: created.target }), state: { ...rest, ...(created && { created: { stamp: created.stamp } }) } };
      }) });
    // Conflicting: the text changed here (10:00:03) and there (10:00:05) since they last agreed (10:00:00).
    const report = planImport(readImportFile(fileOf([newerThere, other, thirdNewer, added, bad])), here);
    expect(report.counts).toEqual({ added: 1, updated: 1, unchanged: 1, 'older-skipped': 0, conflicting: 1, rejected: 1 });
    expect(report.rejected[0]).toMatchObject({ index: 5, id: 'not-a-uuid' });
    expect(planImport(readImportFile(fileOf([stale])), mapStates([joinNotes(base, editText(base, 'newer here', '2026-11-01T10:00:03.000Z-0000-dev-a'))])).counts['older-skipped']).toBe(1);
    expect(summariseImport(report)).toBe('1 new, 1 updated, 1 changed here and in the file (both texts kept), 1 already here, 1 not readable (skipped).');
    // Apply: the conflict keeps both texts.
    const result = applyImport(readImportFile(fileOf([newerThere])), here);
    expect(noteView(here.get(ids.page)!)!.body).toBe('newer there');
    expect(result.copies.map((c) => noteView(c)!.body)).toEqual(['edited here']);
    expect(conflictCopies(here.get(ids.page)!)).toHaveLength(1);
  });

  test('hostile files: one clear message each, or inert text', () => {
    const good = text(exportWatchwordsJson(testInput()).data);
    const message = (input: string) => {
      try {
        readImportFile(input);
        return 'accepted';
      } catch (error) {
        expect(error).toBeInstanceOf(ImportError);
        expect((error as Error).message).not.toMatch(/\n|at .*\.ts/);
        return (error as Error).message;
      }
    };
    expect(message(good.slice(0, good.length / 2))).toMatch(/not valid JSON/);
    expect(message('{"format":"watchwords-notes","version":2,"__proto__":{"polluted":true},"notes":[]}')).toMatch(/__proto__/);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect(message('junk '.repeat(600_000))).toMatch(/not valid JSON/);
    expect(message(JSON.stringify({ hello: 'world' }))).toMatch(/neither a Watchwords export nor W3C/);
    expect(message('['.repeat(200_000) + ']'.repeat(200_000))).toMatch(/not valid JSON|nested too deeply|neither/);
    expect(message(' '.repeat(maxImportBytes + 1))).toMatch(/too large/);
    // A javascript: target is refused for that note only; HTML in a body is kept as text.
    const states = testStates();
    const page = states[0]!;
    const evil = { ...page, id: '11111111-1111-4111-8111-111111111111', created: { ...page.created!, target: { ...pageTarget, url: 'javascript:alert(1)' } } };
    const file = readImportFile(text(exportWatchwordsJson(testInput([...states, evil])).data));
    expect(file.rejected).toHaveLength(1);
    expect(file.rejected[0]!.reason).toMatch(/url/i);
    expect(noteView(file.states.find((s) => s.id === ids.hostile)!)!.body).toContain('<script>alert(1)</script>');
  });
});

describe('Markdown for Obsidian', () => {
  test('one file per page and per entity, YAML properties, block quotes with stable block ids, wikilinks', () => {
    const files = markdownFiles(testInput());
    const page = files.find((f) => f.text.includes('news.example/2026/11/story'))!;
    expect(page.path).toMatch(/^Pages\/Face scans at the dock what Mobile Fortify does \([0-9a-f]{6}\)\.md$/);
    expect(page.text).toMatch(/^---\nurl: "https:\/\/news\.example\/2026\/11\/story\?id=7"\ntitle: "Face scans at the dock: what \\"Mobile Fortify\\" does"\nsite: "news\.example"\nsaved: "2026-11-01"\ntags:\n  - "border"\n  - "face-recognition"\nentities:\n  - "\[\[Clearview AI\]\]"\n---\n/);
    expect(page.text).toContain('> face scans at the dock\n\n^ww-7f1d2c3b4a5e4f60\n\nVersion from b');
    const entity = files.find((f) => f.path === 'Entities/Clearview AI.md')!;
    expect(entity.text).toContain('entity: "clearview-ai"');
    expect(entity.text).toContain('Fined in several countries. ^ww-0b6e5d4c3b2a4190');
    // A re-export writes the same paths (it replaces, not duplicates); deleted notes are not exported.
    expect(markdownFiles(testInput()).map((f) => f.path)).toEqual(files.map((f) => f.path));
    expect(files.map((f) => f.text).join('')).not.toContain('secret');
    // HTML is shown, not run.
    const hostile = files.find((f) => f.text.includes('paper.example'))!;
    // (Properties are shown as plain values; the body below them is Markdown.)
    expect(hostile.text.replace(/^---\n[\s\S]*?\n---\n/, '')).not.toMatch(/<script|<img/);
    expect(hostile.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(hostile.text).toContain('\\^not-a-block');
  });

  test('the zip holds the same files; one document has a section per page', () => {
    const zip = exportFormats.find((f) => f.id === 'markdown')!.export(testInput());
    const unzipped = unzipSync(zip.data as Uint8Array);
    expect(Object.keys(unzipped).sort()).toEqual(markdownFiles(testInput()).map((f) => `Watchwords/${f.path}`).sort());
    const doc = markdownDocument(testInput());
    expect(doc.match(/^## /gm)).toHaveLength(3);
    expect(doc).not.toMatch(/^---\nurl/m);
  });
});

describe('CSV', () => {
  test('one row per live note with the right columns; CRLF; quoting; formulas neutralised', () => {
    const data = text(exportCsv(testInput()).data);
    expect(data.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = readCsv(data);
    expect(header).toEqual(['id', 'created', 'updated', 'kind', 'url', 'site', 'title', 'entity', 'quote', 'note', 'tags']);
    expect(rows).toHaveLength(3); // the live notes; the tombstone is left out
    const hostile = rows.find((r) => r[0] === ids.hostile)!;
    expect(hostile[8]).toBe('\'=HYPERLINK("http://evil")');
    expect(hostile[9]).toBe('<script>alert(1)</script> & "quotes", commas\r\nnew line ^not-a-block');
    expect(hostile[10]).toBe("'=cmd");
    expect(rows.find((r) => r[0] === ids.entity)![7]).toBe('Clearview AI');
    for (const danger of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(csvCell(danger).replace(/^"/, '')[0]).toBe("'");
    // A cell already starting with an apostrophe before a formula character keeps it: one more is added, so taking one
    // off always gives back what was written (found by the property test: a quote "'+" read back as "+").
    expect([csvCell("'+"), csvCell("''=x"), csvCell("'plain")]).toEqual(["''+", "'''=x", "'plain"]);
  });
});
