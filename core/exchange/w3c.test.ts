import { readFileSync } from 'node:fs';
import jsonld from 'jsonld';
import { describe, expect, test } from 'vitest';
import { noteView } from '../notes/state';
import { readImportFile } from './import';
import { ids, testInput } from './test-library';
import { annoContext, exportW3c } from './w3c';

/** The W3C context, written from the Web Annotation Vocabulary (appendix A); no network in tests. */
const context = JSON.parse(readFileSync(new URL('./fixtures/anno.jsonld', import.meta.url), 'utf8'));
const documentLoader = async (url: string) => {
  if (url !== annoContext) throw new Error(`no network in tests: ${url}`);
  return { contextUrl: undefined, documentUrl: url, document: context };
};

const collection = () => JSON.parse(exportW3c(testInput()).data as string);
const motivations = ['assessing', 'bookmarking', 'classifying', 'commenting', 'describing', 'editing', 'highlighting', 'identifying', 'linking', 'moderating', 'questioning', 'replying', 'tagging'];
const iri = /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]+$/i;
const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

describe('W3C Web Annotation export', () => {
  test('every MUST of the data model holds', () => {
    const c = collection();
    // Collection: @context, an IRI id, type AnnotationCollection; the page: id, type, items.
    expect(c['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(c.id).toMatch(iri);
    expect(c.type).toBe('AnnotationCollection');
    expect(c.first.id).toMatch(iri);
    expect(c.first.type).toBe('AnnotationPage');
    expect(Array.isArray(c.first.items)).toBe(true);
    expect(c.total).toBe(c.first.items.length);
    expect(c.first.items).toHaveLength(3); // the tombstone is not exported
    for (const a of c.first.items) {
      expect(a.id).toMatch(iri);
      expect(a.type).toBe('Annotation');
      expect(a.target).toBeDefined();
      expect(a.created).toMatch(dateTime);
      expect(a.modified).toMatch(dateTime);
      expect(motivations).toContain(a.motivation);
      for (const body of a.body ?? []) {
        expect(body.type).toBe('TextualBody');
        expect(typeof body.value).toBe('string');
        if (body.purpose) expect(motivations).toContain(body.purpose);
        if (body.format) expect(body.format).toMatch(/^[a-z]+\/[a-z0-9.+-]+$/);
      }
      const targets = Array.isArray(a.target) ? a.target : [a.target];
      for (const target of targets) {
        if (typeof target === 'string') {
          expect(target).toMatch(iri);
          continue;
        }
        // A SpecificResource must have exactly one source.
        expect(target.source).toMatch(iri);
        for (const selector of target.selector) {
          if (selector.type === 'TextQuoteSelector') expect(typeof selector.exact).toBe('string');
          else {
            expect(selector.type).toBe('TextPositionSelector');
            expect(Number.isInteger(selector.start) && selector.start >= 0).toBe(true);
            expect(Number.isInteger(selector.end) && selector.end >= 0).toBe(true);
          }
        }
      }
    }
    const page = c.first.items.find((a: { id: string }) => a.id === `urn:uuid:${ids.page}`);
    expect(page.body.filter((b: { purpose: string }) => b.purpose === 'tagging').map((b: { value: string }) => b.value)).toEqual(['border', 'face recognition']);
    expect(page.target.selector.map((s: { type: string }) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
    const entity = c.first.items.find((a: { id: string }) => a.id === `urn:uuid:${ids.entity}`);
    expect(entity.body).toContainEqual({ type: 'TextualBody', value: 'Clearview AI', purpose: 'identifying' });
  });

  test('it validates against the W3C context: every term expands, nothing is dropped', async () => {
    const expanded = (await jsonld.expand(collection(), { documentLoader, safe: true } as jsonld.Options.Expand)) as Record<string, unknown>[];
    const oa = 'http://www.w3.org/ns/oa#';
    const flat = JSON.stringify(expanded);
    for (const term of ['hasBody', 'hasTarget', 'hasSource', 'hasSelector', 'exact', 'prefix', 'suffix', 'start', 'end', 'motivatedBy', 'hasPurpose', 'TextualBody', 'TextQuoteSelector', 'TextPositionSelector', 'Annotation', 'tagging', 'identifying', 'commenting']) {
      expect(flat).toContain(`${oa}${term}`);
    }
    expect(flat).toContain('http://purl.org/dc/terms/created');
    expect(flat).toContain('http://www.w3.org/ns/activitystreams#items');
    // Safe mode throws on any term the context does not define; check it would.
    await expect(jsonld.expand({ ...collection(), unknownTerm: 1 }, { documentLoader, safe: true } as jsonld.Options.Expand)).rejects.toThrow();
  });

  test('what Watchwords exports as W3C imports back: text, tags, quote, entity', () => {
    const file = readImportFile(exportW3c(testInput()).data as string);
    expect(file).toMatchObject({ format: 'w3c', rejected: [] });
    const page = noteView(file.states.find((s) => s.id === ids.page)!)!;
    expect(page).toMatchObject({ body: 'Version from b', tags: ['border', 'face recognition'], target: { kind: 'page', url: 'https://news.example/2026/11/story?id=7', quote: { exact: 'face scans at the dock' }, position: { start: 120, end: 142 } } });
    expect(noteView(file.states.find((s) => s.id === ids.entity)!)!.target).toEqual({ kind: 'entity', entityId: 'clearview-ai' });
    // The same file twice gives the same states.
    expect(readImportFile(exportW3c(testInput()).data as string).states).toEqual(file.states);
  });
});
