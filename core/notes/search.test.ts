import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { noteSchema, type Note } from './note';
import {
  createNoteIndexer,
  dayAfter,
  dayStart,
  filterNotes,
  foldText,
  hasFilters,
  indexNote,
  narrowsSearch,
  noteFacets,
  sameFilters,
  searchText,
  searchTokens,
  sortNotes,
  type IndexedNote,
  type NoteFilters,
} from './search';

let counter = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

function pageNote(overrides: Partial<Omit<Note, 'target'>> & { url?: string; title?: string; quote?: string; start?: number } = {}): Note {
  const { url = 'https://www.news.example/story', title = 'A story', quote = 'Mobile Fortify', start = 0, ...rest } = overrides;
  return noteSchema.parse({
    id: uuid(),
    createdAt: '2025-03-04T10:00:00.000Z',
    updatedAt: '2025-03-04T10:00:00.000Z',
    deletedAt: null,
    deviceId: 'device-1',
    target: { kind: 'page', url, alternateUrls: [], title, quote: { exact: quote, prefix: '', suffix: '' }, position: { start, end: start + quote.length } },
    body: 'A note.',
    tags: [],
    ...rest,
  });
}

function entityNote(entityId: string, overrides: Partial<Omit<Note, 'target'>> = {}): Note {
  return noteSchema.parse({
    id: uuid(),
    createdAt: '2025-03-04T10:00:00.000Z',
    updatedAt: '2025-03-04T10:00:00.000Z',
    deletedAt: null,
    deviceId: 'device-1',
    target: { kind: 'entity', entityId },
    body: 'An entity note.',
    tags: [],
    ...overrides,
  });
}

const names: Record<string, string> = { 'clearview-ai': 'Clearview AI', 'section-702': 'Section 702' };
const entityName = (id: string) => names[id];
const index = (notes: Note[]) => createNoteIndexer(entityName)(notes);
const ids = (entries: IndexedNote[]) => entries.map((entry) => entry.note.id);
const search = (entries: IndexedNote[], text: string, filters: Omit<NoteFilters, 'text'> = {}, orphaned = new Set<string>()) =>
  ids(filterNotes(entries, { text, ...filters }, orphaned));

describe('foldText', () => {
  test('lower-cases, drops accents and combining marks, unfolds compatibility forms', () => {
    expect(foldText('Ça Été Über NAÏVE')).toBe('ca ete uber naive');
    expect(foldText('ﬁle Ｆｕｌｌ')).toBe('file full');
    expect(foldText('İstanbul Straße')).toBe('istanbul strasse');
    expect(foldText('Zoë Krüger-Ñuñez')).toBe('zoe kruger-nunez');
  });

  test('straightens curly quotes and collapses white space', () => {
    expect(foldText('don’t “quote”')).toBe(`don't "quote"`);
    expect(foldText('a \n\t b\u00a0c')).toBe('a b c');
  });

  test('leaves plain ASCII as it is, lower-cased', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...'abcXYZ019-_.,;:!?') }), (text) => {
      expect(foldText(text)).toBe(text.toLowerCase());
    }));;
  });

  test('is idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => {
      expect(foldText(foldText(text))).toBe(foldText(text));
    }));;
  });
});

describe('searchTokens', () => {
  test('splits on white space, folded', () => {
    expect(searchTokens('  Clearview   FACIAL ')).toEqual(['clearview', 'facial']);
    expect(searchTokens('Ré')).toEqual(['re']);
  });

  test('is empty for a blank search', () => {
    expect(searchTokens('')).toEqual([]);
    expect(searchTokens('  \t ')).toEqual([]);
    expect(searchTokens('""')).toEqual([]);
  });

  test('keeps a double-quoted phrase together, an unclosed one to the end', () => {
    expect(searchTokens('"section 702" fisa')).toEqual(['section 702', 'fisa']);
    expect(searchTokens('fisa “Section  702”')).toEqual(['section 702', 'fisa']);
    expect(searchTokens('fisa "section 702')).toEqual(['section 702', 'fisa']);
  });

  test('drops repeated words and words inside longer ones, longest first', () => {
    expect(searchTokens('face face')).toEqual(['face']);
    expect(searchTokens('face facial recognition fac')).toEqual(['recognition', 'facial', 'face']);
  });
});

describe('createNoteIndexer', () => {
  test('indexes live notes only, with site, entity name and times', () => {
    const page = pageNote({ url: 'https://www.news.example/a', createdAt: '2025-01-02T03:04:05.000Z', updatedAt: '2025-01-03T00:00:00.000Z' });
    const entity = entityNote('clearview-ai');
    const unknown = entityNote('gone-entry');
    const deleted = pageNote({ deletedAt: '2025-03-05T00:00:00.000Z' });
    const entries = index([page, entity, unknown, deleted]);
    expect(ids(entries)).toEqual([page.id, entity.id, unknown.id]);
    expect(entries[0]).toMatchObject({ site: 'news.example', entityName: '', created: Date.parse('2025-01-02T03:04:05.000Z'), updated: Date.parse('2025-01-03T00:00:00.000Z') });
    expect(entries[1]).toMatchObject({ site: '', entityName: 'Clearview AI' });
    expect(entries[2]!.entityName).toBe('gone-entry');
  });

  test('reuses the search text of unchanged notes and remakes that of edited ones', () => {
    const indexer = createNoteIndexer(entityName);
    const a = pageNote({ body: 'First' });
    const b = pageNote({ body: 'Second' });
    const first = indexer([a, b]);
    first.forEach(searchText);
    const edited = { ...b, body: 'Changed', updatedAt: '2025-03-05T00:00:00.000Z' };
    const second = indexer([{ ...a }, edited]);
    expect(second[0]!.search).toBe(first[0]!.search);
    expect(second[0]!.note).not.toBe(first[0]!.note);
    expect(second[1]!.search).toBeUndefined();
    expect(searchText(second[1]!)).toContain('changed');
  });

  test('keeps the very entry of a note given again as the same object', () => {
    const indexer = createNoteIndexer(entityName);
    const a = pageNote();
    const [first] = indexer([a]);
    const [second] = indexer([a]);
    expect(second).toBe(first);
  });

  test('forgets notes that were deleted', () => {
    const indexer = createNoteIndexer(entityName);
    const a = pageNote();
    indexer([a]);
    expect(indexer([{ ...a, deletedAt: '2025-03-05T00:00:00.000Z' }])).toEqual([]);
  });
});

describe('searchText', () => {
  test('holds body, quote, title and tags of a page note, one field a line, folded', () => {
    const [entry] = index([pageNote({ body: 'Ask CBP', quote: 'Mobile Fortify', title: 'Le Café', tags: ['Face', 'ICE'] })]);
    expect(searchText(entry!).split('\n').sort()).toEqual(['ask cbp', 'face', 'ice', 'le cafe', 'mobile fortify']);
  });

  test('holds the entity name of an entity note', () => {
    const [entry] = index([entityNote('clearview-ai', { body: 'Scraped photos' })]);
    expect(searchText(entry!)).toContain('clearview ai');
  });

  test('does not include the site', () => {
    const [entry] = index([pageNote({ url: 'https://surveillance.example/x' })]);
    expect(searchText(entry!)).not.toContain('surveillance.example');
  });
});

describe('filterNotes: search', () => {
  const notes = [
    pageNote({ body: 'Ask CBP which database the ferry scans go to.', quote: 'a government database', title: 'Ferry scans', tags: ['cbp', 'biometrics'] }),
    pageNote({ body: 'Clearview scraped three billion photos', quote: 'Clearview AI', title: 'Face search at the border', tags: ['face'] }),
    pageNote({ body: 'Réunion with the Électronique team', quote: 'naïve approach', title: 'Über alles', tags: ['Café'] }),
    entityNote('section-702', { body: 'Renewal vote in April', tags: ['fisa'] }),
  ];
  const entries = index(notes);
  const [ferry, clearview, accents, section] = notes.map((note) => note.id);

  test('a blank search keeps every note, in order', () => {
    expect(search(entries, '')).toEqual([ferry, clearview, accents, section]);
    expect(search(entries, '   ')).toEqual([ferry, clearview, accents, section]);
  });

  test('finds words in the body, the quote, the page title, the tags and the entity name', () => {
    expect(search(entries, 'ferry')).toEqual([ferry]);
    expect(search(entries, 'government')).toEqual([ferry]);
    expect(search(entries, 'border')).toEqual([clearview]);
    expect(search(entries, 'biometrics')).toEqual([ferry]);
    expect(search(entries, '702')).toEqual([section]);
  });

  test('ignores case and accents, in the query and in the notes', () => {
    expect(search(entries, 'CLEARVIEW')).toEqual([clearview]);
    expect(search(entries, 'reunion electronique')).toEqual([accents]);
    expect(search(entries, 'NAÏVE über café')).toEqual([accents]);
    expect(search(entries, 'uber')).toEqual([accents]);
  });

  test('needs every word, each anywhere in the note', () => {
    expect(search(entries, 'database cbp')).toEqual([ferry]);
    expect(search(entries, 'database clearview')).toEqual([]);
    expect(search(entries, 'photos border face')).toEqual([clearview]);
  });

  test('matches parts of words, so results narrow as one types', () => {
    expect(search(entries, 'clear')).toEqual([clearview]);
    expect(search(entries, 'data')).toEqual([ferry]);
  });

  test('a quoted phrase must appear as it is, within one field', () => {
    expect(search(entries, '"ferry scans"')).toEqual([ferry]);
    expect(search(entries, '"scans ferry"')).toEqual([]);
    // "face" ends the tags line, "search" starts nowhere after it: fields do not run together.
    expect(search(entries, '"face clearview"')).toEqual([]);
  });

  test('a longer query never finds more notes than its prefix', () => {
    const texts = notes.map((note) => note.body).join(' ');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: texts.length }), fc.integer({ min: 0, max: 30 }), (start, length) => {
        const query = texts.slice(start, start + length);
        const longer = new Set(search(entries, query));
        const shorter = new Set(search(entries, query.slice(0, -1)));
        expect([...longer].every((id) => shorter.has(id))).toBe(true);
      }),
    );
  });
});

describe('narrowsSearch', () => {
  test('typing on narrows a search', () => {
    expect(narrowsSearch('', 'a')).toBe(true);
    expect(narrowsSearch('sur', 'surv')).toBe(true);
    expect(narrowsSearch('surv', 'surv ice')).toBe(true);
    expect(narrowsSearch('ice surv', 'surveillance police')).toBe(true);
    expect(narrowsSearch('Cafe', 'CAFÉS')).toBe(true);
  });

  test('deleting, or changing a word, does not', () => {
    expect(narrowsSearch('surv', 'sur')).toBe(false);
    expect(narrowsSearch('a', '')).toBe(false);
    expect(narrowsSearch('surv ice', 'surv')).toBe(false);
    expect(narrowsSearch('face', 'fact')).toBe(false);
    expect(narrowsSearch('"a b"', 'a b')).toBe(false);
  });

  test('when it says so, searching the previous results finds exactly what searching every note finds', () => {
    const notes = ['face scan at the ferry', 'surveillance of police', 'ICE surveillance vans', 'café résumé', 'facial recognition'].map((body) => pageNote({ body }));
    const entries = index(notes);
    const queries = fc.string({ unit: fc.constantFrom(...'acefilnoprsuv é"') , maxLength: 8 });
    fc.assert(
      fc.property(queries, queries, (previous, next) => {
        fc.pre(narrowsSearch(previous, next));
        const narrowed = filterNotes(filterNotes(entries, { text: previous }, new Set()), { text: next }, new Set());
        expect(ids(narrowed)).toEqual(search(entries, next));
      }),
    );
  });
});

describe('sameFilters', () => {
  test('compares every filter but the text, an empty one as none', () => {
    expect(sameFilters({ text: 'a' }, { text: 'b' })).toBe(true);
    expect(sameFilters({ text: '', site: '' }, { text: '' })).toBe(true);
    expect(sameFilters({ text: '', orphanedOnly: false }, { text: '' })).toBe(true);
    expect(sameFilters({ text: '', site: 'a.example' }, { text: '' })).toBe(false);
    expect(sameFilters({ text: '', tag: 'x' }, { text: '', tag: 'y' })).toBe(false);
    expect(sameFilters({ text: '', from: 1 }, { text: '', from: 2 })).toBe(false);
    expect(sameFilters({ text: '', to: 1 }, { text: '' })).toBe(false);
    expect(sameFilters({ text: '', entityId: 'x' }, { text: '' })).toBe(false);
    expect(sameFilters({ text: '', orphanedOnly: true }, { text: '' })).toBe(false);
  });
});

describe('filterNotes: filters', () => {
  const onNews = pageNote({ url: 'https://www.news.example/a', tags: ['face', 'cbp'], createdAt: '2025-01-10T12:00:00.000Z' });
  const onBlog = pageNote({ url: 'https://blog.example/b', tags: ['face'], createdAt: '2025-02-10T12:00:00.000Z' });
  const onEntity = entityNote('clearview-ai', { tags: ['cbp'], createdAt: '2025-03-10T12:00:00.000Z' });
  const entries = index([onNews, onBlog, onEntity]);

  test('by site', () => {
    expect(search(entries, '', { site: 'news.example' })).toEqual([onNews.id]);
    expect(search(entries, '', { site: 'blog.example' })).toEqual([onBlog.id]);
    expect(search(entries, '', { site: '' })).toHaveLength(3);
  });

  test('by entity', () => {
    expect(search(entries, '', { entityId: 'clearview-ai' })).toEqual([onEntity.id]);
    expect(search(entries, '', { entityId: 'section-702' })).toEqual([]);
  });

  test('by tag, exactly', () => {
    expect(search(entries, '', { tag: 'face' })).toEqual([onNews.id, onBlog.id]);
    expect(search(entries, '', { tag: 'cbp' })).toEqual([onNews.id, onEntity.id]);
    expect(search(entries, '', { tag: 'fac' })).toEqual([]);
  });

  test('by creation date, from inclusive and to exclusive', () => {
    const feb10 = Date.parse('2025-02-10T12:00:00.000Z');
    expect(search(entries, '', { from: feb10 })).toEqual([onBlog.id, onEntity.id]);
    expect(search(entries, '', { to: feb10 })).toEqual([onNews.id]);
    expect(search(entries, '', { from: feb10, to: feb10 + 1 })).toEqual([onBlog.id]);
    expect(search(entries, '', { from: feb10 + 1, to: feb10 })).toEqual([]);
  });

  test('orphaned only', () => {
    expect(search(entries, '', { orphanedOnly: true }, new Set([onBlog.id]))).toEqual([onBlog.id]);
    expect(search(entries, '', { orphanedOnly: true })).toEqual([]);
    expect(search(entries, '', { orphanedOnly: false }, new Set([onBlog.id]))).toHaveLength(3);
  });

  test('filters and search combine', () => {
    expect(search(entries, 'entity', { tag: 'cbp' })).toEqual([onEntity.id]);
    expect(search(entries, 'note', { tag: 'face', site: 'blog.example' })).toEqual([onBlog.id]);
    expect(search(entries, 'entity', { site: 'news.example' })).toEqual([]);
  });

  test('returns a new array, leaving the entries as they were', () => {
    const result = filterNotes(entries, { text: '' }, new Set());
    expect(result).not.toBe(entries);
    expect(result).toEqual(entries);
  });

  test('hasFilters tells whether any filter but the text is set', () => {
    expect(hasFilters({ text: 'x' })).toBe(false);
    expect(hasFilters({ text: '', site: '' })).toBe(false);
    expect(hasFilters({ text: '', tag: 'a' })).toBe(true);
    expect(hasFilters({ text: '', from: 0 })).toBe(true);
    expect(hasFilters({ text: '', orphanedOnly: true })).toBe(true);
  });
});

describe('sortNotes', () => {
  const a = pageNote({ url: 'https://b.example/2', start: 50, createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-03-01T00:00:00.000Z' });
  const b = pageNote({ url: 'https://www.a.example/1', start: 10, createdAt: '2025-02-01T00:00:00.000Z', updatedAt: '2025-02-01T00:00:00.000Z' });
  const c = pageNote({ url: 'https://b.example/2', start: 5, createdAt: '2025-03-01T00:00:00.000Z', updatedAt: '2025-03-01T00:00:00.000Z' });
  const d = entityNote('section-702', { createdAt: '2025-04-01T00:00:00.000Z', updatedAt: '2025-04-01T00:00:00.000Z' });
  const e = entityNote('clearview-ai', { createdAt: '2024-12-01T00:00:00.000Z', updatedAt: '2025-05-01T00:00:00.000Z' });
  const entries = index([a, b, c, d, e]);

  test('newest and oldest by creation time', () => {
    expect(ids(sortNotes(entries, 'newest'))).toEqual([d.id, c.id, b.id, a.id, e.id]);
    expect(ids(sortNotes(entries, 'oldest'))).toEqual([e.id, a.id, b.id, c.id, d.id]);
  });

  test('recently edited, newer creation first when edited at once', () => {
    expect(ids(sortNotes(entries, 'edited'))).toEqual([e.id, d.id, c.id, a.id, b.id]);
  });

  test('by site: sites in order, then page, then place on the page; entity notes last by name', () => {
    expect(ids(sortNotes(entries, 'site'))).toEqual([b.id, c.id, a.id, e.id, d.id]);
  });

  test('does not change its input, and is a total order (same result from any input order)', () => {
    const before = ids(entries);
    sortNotes(entries, 'site');
    expect(ids(entries)).toEqual(before);
    fc.assert(
      fc.property(fc.shuffledSubarray(entries, { minLength: entries.length }), fc.constantFrom('newest', 'oldest', 'edited', 'site' as const), (shuffled, sort) => {
        expect(ids(sortNotes(shuffled, sort))).toEqual(ids(sortNotes(entries, sort)));
      }),
    );
  });

  test('ties on time are broken by id', () => {
    const x = pageNote({ createdAt: '2025-01-01T00:00:00.000Z' });
    const y = pageNote({ createdAt: '2025-01-01T00:00:00.000Z' });
    expect(ids(sortNotes(index([y, x]), 'newest'))).toEqual([x.id, y.id].sort());
  });
});

describe('noteFacets', () => {
  test('counts notes per site, entity and tag, in alphabetical order', () => {
    const entries = index([
      pageNote({ url: 'https://www.news.example/a', tags: ['face', 'CBP'] }),
      pageNote({ url: 'https://news.example/b', tags: ['face', 'face'] }),
      pageNote({ url: 'https://blog.example/c' }),
      entityNote('section-702', { tags: ['fisa'] }),
      entityNote('clearview-ai'),
      entityNote('clearview-ai'),
    ]);
    expect(noteFacets(entries)).toEqual({
      sites: [
        { value: 'blog.example', label: 'blog.example', count: 1 },
        { value: 'news.example', label: 'news.example', count: 2 },
      ],
      entities: [
        { value: 'clearview-ai', label: 'Clearview AI', count: 2 },
        { value: 'section-702', label: 'Section 702', count: 1 },
      ],
      tags: [
        { value: 'CBP', label: 'CBP', count: 1 },
        { value: 'face', label: 'face', count: 2 },
        { value: 'fisa', label: 'fisa', count: 1 },
      ],
    });
  });
});

describe('dayStart and dayAfter', () => {
  test('are local midnights of the day and the next', () => {
    expect(dayStart('2025-03-04')).toBe(new Date(2025, 2, 4).getTime());
    expect(dayAfter('2025-03-04')).toBe(new Date(2025, 2, 5).getTime());
    expect(dayAfter('2024-12-31')).toBe(new Date(2025, 0, 1).getTime());
    expect(dayAfter('2024-02-28')).toBe(new Date(2024, 1, 29).getTime());
  });

  test('are undefined for anything but a real YYYY-MM-DD date', () => {
    for (const text of ['', '2025-3-4', '2025-02-30', '2025-13-01', 'yesterday']) {
      expect(dayStart(text), text).toBeUndefined();
      expect(dayAfter(text), text).toBeUndefined();
    }
  });

  test('a from/to range of one day holds that day only', () => {
    const [entry] = index([pageNote({ createdAt: new Date(2025, 2, 4, 23, 59).toISOString() })]);
    const range = (from: string, to: string) => search([entry!], '', { from: dayStart(from), to: dayAfter(to) });
    expect(range('2025-03-04', '2025-03-04')).toHaveLength(1);
    expect(range('2025-03-05', '2025-03-05')).toHaveLength(0);
    expect(range('2025-03-03', '2025-03-03')).toHaveLength(0);
  });
});


describe('at 10,000 notes', () => {
  // How fast is the benchmark's to say (`npm run bench`, notes.search_ms): no timing is asserted here.
  test('indexing, sorting and a search over 10,000 notes find what they should', () => {
    const words = 'clearview face recognition database ferry border camera police warrant subpoena fisa vendor contract'.split(' ');
    const notes = Array.from({ length: 10_000 }, (_, i) =>
      pageNote({
        url: `https://site${i % 40}.example/story/${i % 700}`,
        body: Array.from({ length: 30 }, (_, j) => words[(i * 7 + j * 3) % words.length]).join(' ') + ` number ${i}`,
        quote: `quoted words ${words[i % words.length]} ${i}`,
        title: `Story ${i % 700} — Café`,
        tags: [words[i % words.length]!],
        createdAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
      }),
    );
    const entries = notes.map((note) => indexNote(note, entityName));
    const sorted = sortNotes(entries, 'newest');
    filterNotes(sorted, { text: 'x' }, new Set()); // builds the search text
    const found = filterNotes(sorted, { text: 'face number 99' }, new Set());
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((entry) => ['face', 'number', '99'].every((word) => searchText(entry).includes(word)))).toBe(true);
  });
});
