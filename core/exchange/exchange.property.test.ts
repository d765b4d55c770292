import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import yaml from 'js-yaml';
import MarkdownIt from 'markdown-it';
import { describe, expect, test } from 'vitest';
import { mapStates, mergeInto } from '../notes/merge';
import { createNoteState, deleteNote, editText, isDeleted, joinNotes, noteView, restoreNote, setTags, withoutDeletedText, type NoteState, type Target } from '../notes/state';
import { csvColumns, exportCsv } from './csv';
import { applyImport, planImport, readImportFile } from './import';
import { blockId, markdownFiles } from './markdown';
import { exportFormats } from './registry';
import { clearview, readCsv, testInput } from './test-library';
import { exportW3c } from './w3c';
import { exportWatchwordsJson } from './watchwords-json';

/**
 * Random libraries — several devices' edits, tags, deletes, restores and text conflicts, with hostile text in every
 * field a page or a reader controls (formulas, markup, Markdown that would fetch or run, YAML, quotes, line breaks,
 * any Unicode) — through every format: what goes out comes back, re-importing changes nothing, and what other tools
 * read is what was written, inert.
 */

const hostile = fc.constantFrom(
  '=HYPERLINK("http://evil")',
  '+1',
  '-1',
  '@SUM(A1)',
  '\tx',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '![](https://tracker.example/pixel.png)',
  '![[secret file]]',
  '[[Clearview AI]]',
  '[click](javascript:alert(1))',
  '<https://tracker.example/>',
  '```dataviewjs\napp.vault.adapter.remove("/")\n```',
  '`code`',
  '---\nurl: "x"\n---',
  '# heading',
  'a ^block-id',
  '"quoted", commas\r\nnew line',
  '\\[escaped\\]',
  '&amp; &lt;',
  '%%comment%%',
  '$$x$$',
);
const text = (max: number) => fc.oneof(fc.string({ unit: 'grapheme', maxLength: max }), hostile, fc.array(hostile, { maxLength: 3 }).map((parts) => parts.join(' ')));
const nonEmpty = (max: number) => text(max).filter((t) => t.length > 0 && t.length <= max);
const tag = fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }), hostile).filter((t) => t.trim() === t && t.length > 0 && t.length <= 100);

const pageTarget: fc.Arbitrary<Target> = fc
  .record({
    path: fc.stringMatching(/^[a-z0-9/_-]{0,20}$/),
    host: fc.constantFrom('news.example', 'www.paper.example', 'blog.example.org'),
    title: text(80),
    exact: nonEmpty(80),
    prefix: fc.string({ maxLength: 32 }),
    suffix: fc.string({ maxLength: 32 }),
    start: fc.nat(10_000),
    length: fc.integer({ min: 1, max: 500 }),
  })
  .map(({ path, host, title, exact, prefix, suffix, start, length }) => ({ kind: 'page', url: `https://${host}/${path}`, alternateUrls: [], title, quote: { exact, prefix, suffix }, position: { start, end: start + length } }));
const target: fc.Arbitrary<Target> = fc.oneof({ weight: 3, arbitrary: pageTarget }, { weight: 1, arbitrary: fc.constant<Target>({ kind: 'entity', entityId: clearview.id }) });

type Op = { t: 'edit'; device: number; text: string } | { t: 'tags'; device: number; tags: string[] } | { t: 'delete'; device: number } | { t: 'restore'; device: number };
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ t: fc.constant('edit' as const), device: fc.nat(1), text: text(60) }),
  fc.record({ t: fc.constant('tags' as const), device: fc.nat(1), tags: fc.uniqueArray(tag, { maxLength: 4 }) }),
  fc.record({ t: fc.constant('delete' as const), device: fc.nat(1) }),
  fc.record({ t: fc.constant('restore' as const), device: fc.nat(1) }),
);
const noteSpec = fc.record({ target, body: text(60), tags: fc.uniqueArray(tag, { maxLength: 3 }), ops: fc.array(op, { maxLength: 5 }) });
type NoteSpec = { target: Target; body: string; tags: string[]; ops: Op[] };

/**
 * A library as two devices leave it: each note made on device 0, then changed on either device. Device 1 acts on
 * what it last heard (a copy taken when the note was made), so text edits on both make conflict copies.
 */
function library(specs: NoteSpec[]): NoteState[] {
  let second = 0;
  const stamp = (device: number) => `${new Date(Date.parse('2026-11-01T10:00:00Z') + ++second * 1000).toISOString()}-0000-dev-${device}`;
  const all: NoteState[] = [];
  specs.forEach((spec, n) => {
    const id = `${String(n + 1).padStart(8, '0')}-0000-4000-8000-000000000000`;
    const views = [createNoteState(id, spec.target, spec.body, spec.tags, stamp(0))];
    views.push(views[0]!);
    for (const o of spec.ops) {
      const here = views[o.device]!;
      const at = stamp(o.device);
      const deleted = isDeleted(here);
      const delta = o.t === 'edit' && !deleted ? editText(here, o.text, at) : o.t === 'tags' && !deleted ? setTags(here, o.tags, at) : o.t === 'delete' && !deleted ? deleteNote(here, at) : o.t === 'restore' && deleted ? restoreNote(here, at) : undefined;
      if (delta) views[o.device] = joinNotes(here, delta);
    }
    all.push(...views);
  });
  const states = mapStates();
  mergeInto(states, all);
  return [...states.map.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

const input = (states: NoteState[]) => ({ ...testInput(states), mentions: (t: string) => (/clearview/i.test(t) ? [clearview.id] : []) });
const libraries = fc.array(noteSpec, { minLength: 1, maxLength: 6 }).map(library);
const byId = (states: NoteState[]) => [...states].sort((a, b) => (a.id < b.id ? -1 : 1));
const liveViews = (states: NoteState[]) => states.filter((s) => !isDeleted(s)).map((s) => noteView(s)!).filter(Boolean);

describe('exchange formats over random libraries with hostile text', () => {
  test('Watchwords JSON: every note and stamp comes back (tombstones without text); re-importing changes nothing', () => {
    fc.assert(
      fc.property(libraries, (states) => {
        const file = readImportFile(exportWatchwordsJson(input(states)).data as string);
        expect(file.rejected).toEqual([]);
        expect(byId(file.states)).toEqual(byId(states.map(withoutDeletedText)));
        const here = mapStates(states);
        expect(planImport(file, here).counts).toMatchObject({ added: 0, updated: 0, conflicting: 0, rejected: 0 });
        expect(applyImport(file, here).changed.size).toBe(0);
        // Into an empty library: the same notes as seen, and a second import of the file changes nothing.
        const fresh = mapStates();
        applyImport(file, fresh);
        expect(liveViews([...fresh.map.values()])).toEqual(liveViews(states));
        expect(applyImport(readImportFile(exportWatchwordsJson(input(states)).data as string), fresh).changed.size).toBe(0);
      }),
      { numRuns: 1000 },
    );
  });

  test('W3C Web Annotation: each live note comes back with its text, tags and target; importing it twice is importing it once', () => {
    fc.assert(
      fc.property(libraries, (states) => {
        const exported = exportW3c(input(states)).data as string;
        const file = readImportFile(exported);
        expect(file.rejected).toEqual([]);
        const back = new Map(liveViews(file.states).map((v) => [v.id, v]));
        for (const view of liveViews(states)) {
          // The model has no place for the page's title (docs/export-format.md): everything else comes back.
          expect(back.get(view.id)).toMatchObject({ body: view.body, target: view.target.kind === 'page' ? { ...view.target, title: '' } : view.target });
          expect([...back.get(view.id)!.tags].sort()).toEqual([...view.tags].sort());
        }
        expect(back.size).toBe(liveViews(states).length);
        const fresh = mapStates();
        applyImport(file, fresh);
        expect(applyImport(readImportFile(exported), fresh).changed.size).toBe(0);
      }),
      { numRuns: 1000 },
    );
  });

  test('CSV: one row per live note, the right columns, every cell as written and none a formula', () => {
    fc.assert(
      fc.property(libraries, (states) => {
        const rows = readCsv(exportCsv(input(states)).data as string);
        expect(rows[0]).toEqual([...csvColumns]);
        const views = liveViews(states).sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
        expect(rows.slice(1).map((r) => r[0]).sort()).toEqual(views.map((v) => v.id).sort());
        for (const row of rows.slice(1)) {
          expect(row).toHaveLength(csvColumns.length);
          for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
          const view = views.find((v) => v.id === row[0])!;
          const plain = (cell: string) => cell.replace(/^'(?='*[=+\-@\t\r])/, '');
          expect(plain(row[9]!)).toBe(view.body);
          expect(plain(row[10]!)).toBe(view.tags.join('; '));
          if (view.target.kind === 'page') expect([plain(row[4]!), plain(row[6]!), plain(row[8]!)]).toEqual([view.target.url, view.target.title, view.target.quote.exact]);
        }
      }),
      { numRuns: 1000 },
    );
  });

  test('Markdown for Obsidian: properties parse as YAML, every note has one block id, and nothing a page or note wrote fetches, embeds, links or runs', () => {
    const md = new MarkdownIt({ html: true, linkify: false });
    fc.assert(
      fc.property(libraries, (states) => {
        const files = markdownFiles(input(states));
        expect(new Set(files.map((f) => f.path)).size).toBe(files.length);
        for (const file of files) {
          expect(file.path).not.toMatch(/[\\:*?"<>|#^[\]]|\/.*\//);
          const [, front, body] = file.text.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/)!;
          const properties = yaml.load(front!, { schema: yaml.JSON_SCHEMA }) as Record<string, unknown>;
          expect(Object.keys(properties)).toEqual(file.path.startsWith('Pages/') ? ['url', 'title', 'site', 'saved', 'tags', 'entities'] : expect.arrayContaining(['entity']));
          // What Markdown makes of the rest: no element from the reader's or the page's text.
          const html = md.render(body!);
          expect(html).not.toMatch(/<(img|script|iframe|object|embed|svg|video|audio)\b/i);
          // No code span or fence (an indented line is a plain code block, which names no language and runs nothing).
          expect(html).not.toMatch(/<code class=|(?<!<pre>)<code>/);
          // Links only to the note's page and to the entity's sources.
          expect(html).not.toMatch(/href="(?!https:\/\/(news\.example|www\.paper\.example|blog\.example\.org|www\.clearview\.ai)\/)/);
          expect(body).not.toMatch(/(?<!\\)!?\[\[(?!Clearview AI\]\])/);
        }
        const all = files.map((f) => f.text).join('\n');
        for (const view of liveViews(states)) expect(all.split(`^${blockId(view)}`).length - 1, view.id).toBe(1);
        // The zip holds the same files.
        const zip = exportFormats.find((f) => f.id === 'markdown')!.export(input(states)).data as Uint8Array;
        const unzipped = unzipSync(zip);
        expect(Object.keys(unzipped).sort()).toEqual(files.map((f) => `Watchwords/${f.path}`).sort());
        for (const f of files) expect(strFromU8(unzipped[`Watchwords/${f.path}`]!)).toBe(f.text);
      }),
      { numRuns: 300 },
    );
  });
});
