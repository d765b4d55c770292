import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { exportWatchwordsJson } from '../core/exchange/watchwords-json';
import { ids, testInput, testStates } from '../core/exchange/test-library';
import { mapStates, mergeInto } from '../core/notes/merge';
import { createNoteState, editText, joinNotes } from '../core/notes/state';

const root = resolve(import.meta.dirname, '..');
const v1 = join(root, 'core/exchange/fixtures/watchwords-v1-popup.json');
const dir = mkdtempSync(join(tmpdir(), 'notes-cli-'));

function notes(...args: string[]) {
  const result = spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'scripts/notes.ts'), ...args], { encoding: 'utf8', cwd: root });
  return { code: result.status, out: result.stdout, err: result.stderr };
}
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
/** The notes of an export (without entity details, which come from whichever dataset made the file). */
const notesOf = (json: string) => (JSON.parse(json).notes as { id: string; entity?: unknown }[]).map(({ entity: _, ...note }) => note).sort((a, b) => (a.id < b.id ? -1 : 1));

describe('the notes CLI', { timeout: 60_000 }, () => {
  test('validate: exit 0 and one line for a valid file; exit 1 and one line, no stack trace, otherwise', () => {
    expect(notes('validate', v1)).toMatchObject({ code: 0, out: `${v1}: valid, 4 notes (Watchwords JSON version 1)\n` });
    const hostile = [
      ['cut.json', readFileSync(v1, 'utf8').slice(0, 300), /not valid JSON/],
      ['proto.json', '{"format":"watchwords-notes","version":1,"exportedAt":"2026-01-01T00:00:00Z","notes":[{"__proto__":{"x":1}}]}', /__proto__/],
      ['junk.json', 'x'.repeat(3 * 1024 * 1024), /not valid JSON/],
      ['js.json', readFileSync(v1, 'utf8').replace('https://paper.example/alpr', 'javascript:alert(1)'), /note 2 .*url/i],
      ['missing.json', null, /no such file/],
    ] as const;
    for (const [name, text, expected] of hostile) {
      const path = text === null ? join(dir, name) : file(name, text);
      const { code, out, err } = notes('validate', path);
      expect(code, name).toBe(1);
      expect(out).toBe('');
      expect(err.trim().split('\n'), name).toHaveLength(1);
      expect(err, name).toMatch(expected);
      expect(err).not.toMatch(/\bat .*:\d+|Error:/);
    }
    expect(notes('bogus')).toMatchObject({ code: 2 });
  });

  test('convert: W3C, CSV and Markdown to stdout; Markdown one file per page with --out', () => {
    const w3c = notes('convert', '--to', 'w3c', v1);
    expect(w3c.code).toBe(0);
    expect(JSON.parse(w3c.out)).toMatchObject({ type: 'AnnotationCollection', total: 3 });
    const entity = JSON.parse(w3c.out).first.items.find((a: { target: unknown }) => typeof a.target === 'string');
    expect(entity.body).toContainEqual({ type: 'TextualBody', value: 'Clearview AI', purpose: 'identifying' });
    const csv = notes('convert', '--to', 'csv', v1);
    expect(csv.out.split('\r\n')[0]).toBe('id,created,updated,kind,url,site,title,entity,quote,note,tags');
    expect(csv.out.trim().split('\r\n')).toHaveLength(4);
    const md = notes('convert', '--to', 'markdown', v1);
    expect(md.out.match(/^## /gm)).toHaveLength(3);
    // HTML in a note's body is carried as text: escaped in Markdown, a plain string in JSON-LD and CSV.
    expect(md.out).toContain('&lt;b&gt;Check&lt;/b&gt; the &lt;script&gt;alert(1)&lt;/script&gt; contract.');
    expect(md.out).not.toMatch(/<script|<b>/);
    expect(JSON.parse(w3c.out).first.items.flatMap((a: { body?: { value: string }[] }) => a.body ?? []).map((b: { value: string }) => b.value)).toContain('<b>Check</b> the <script>alert(1)</script> contract.');
    expect(csv.out).toContain(',<b>Check</b> the <script>alert(1)</script> contract.,');
    const out = join(dir, 'vault');
    expect(notes('convert', '--to', 'markdown', v1, '--out', out).code).toBe(0);
    expect(readdirSync(join(out, 'Pages')).sort()).toEqual([expect.stringMatching(/^Face scans at the dock \(\w{6}\)\.md$/), expect.stringMatching(/^Plate readers \(\w{6}\)\.md$/)]);
    expect(readdirSync(join(out, 'Entities'))).toEqual(['Clearview AI.md']);
    expect(notes('convert', '--to', 'pdf', v1).code).toBe(2);
  });

  test('merge: the same notes whatever the order; a file merged with itself changes nothing', () => {
    // Device a's library (with a text conflict, so it keeps a conflict copy); device b took it in, then edited.
    const onA = mapStates();
    mergeInto(onA, testStates());
    const a = file('a.json', exportWatchwordsJson(testInput([...onA.map.values()])).data as string);
    const onB = mapStates(onA.map.values());
    const page = onB.get(ids.page)!;
    onB.set(joinNotes(page, editText(page, 'later on b', '2026-11-01T11:00:00.000Z-0000-dev-b')));
    onB.set(createNoteState('22222222-2222-4222-8222-222222222222', { kind: 'entity', entityId: 'x' }, 'new', [], '2026-11-01T11:00:00.000Z-0000-dev-b'));
    const b = file('b.json', exportWatchwordsJson(testInput([...onB.map.values()])).data as string);
    const ab = notes('merge', a, b, v1);
    const ba = notes('merge', v1, b, a);
    expect(ab.code).toBe(0);
    expect(notesOf(ab.out)).toEqual(notesOf(ba.out));
    const merged = notesOf(ab.out).map((n) => n.id);
    for (const note of [...notesOf(readFileSync(a, 'utf8')), ...notesOf(readFileSync(b, 'utf8'))]) expect(merged).toContain(note.id);
    expect(notesOf(notes('merge', a, b).out).find((n) => n.id === ids.page)).toMatchObject({ body: 'later on b' });
    expect(notesOf(notes('merge', a, a).out)).toEqual(notesOf(notes('merge', a).out));
    expect(notesOf(notes('merge', a).out)).toEqual(notesOf(readFileSync(a, 'utf8')));
    // One bad file among good ones: nothing on stdout, one line naming it, exit 1.
    const cut = file('merge-cut.json', readFileSync(a, 'utf8').slice(0, 500));
    const bad = notes('merge', a, cut);
    expect(bad).toMatchObject({ code: 1, out: '' });
    expect(bad.err.trim().split('\n')).toHaveLength(1);
    expect(bad.err).toContain('merge-cut.json');
  });
});
