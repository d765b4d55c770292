import { describe, expect, test } from 'vitest';
import { createPageNote, noteDraftSchema, noteSchema, type NoteDraft } from './note';

const id = '3f2b8c1e-4a5d-4e6f-9a7b-1c2d3e4f5a6b';
const now = new Date('2025-03-04T05:06:07.890Z');
const page = { url: 'https://news.example/story?id=7', alternateUrls: [], title: 'A story' };

function draft(overrides: Partial<NoteDraft> = {}): NoteDraft {
  return noteDraftSchema.parse({
    quote: { exact: 'Mobile Fortify', prefix: 'Agents used ', suffix: ' at the stop' },
    position: { start: 12, end: 26 },
    body: 'Check the DHS inventory.',
    tags: ['face recognition'],
    ...overrides,
  });
}

describe('createPageNote', () => {
  test('makes a valid note from a draft, a page, a device and a time', () => {
    const note = createPageNote(draft(), page, { deviceId: 'device-1', now, id });
    expect(noteSchema.safeParse(note).success).toBe(true);
    expect(note).toEqual({
      id,
      createdAt: '2025-03-04T05:06:07.890Z',
      updatedAt: '2025-03-04T05:06:07.890Z',
      deletedAt: null,
      deviceId: 'device-1',
      target: {
        kind: 'page',
        url: page.url,
        alternateUrls: [],
        title: 'A story',
        quote: { exact: 'Mobile Fortify', prefix: 'Agents used ', suffix: ' at the stop' },
        position: { start: 12, end: 26 },
      },
      body: 'Check the DHS inventory.',
      tags: ['face recognition'],
    });
  });

  test('tags default to none', () => {
    const parsed = noteDraftSchema.parse({ quote: { exact: 'x', prefix: '', suffix: '' }, position: { start: 0, end: 1 }, body: '' });
    expect(createPageNote(parsed, page, { deviceId: 'device-1', now, id }).tags).toEqual([]);
  });

  test('refuses a note that would not be valid: bad id, bad url, empty device', () => {
    expect(() => createPageNote(draft(), page, { deviceId: 'device-1', now, id: 'not-a-uuid' })).toThrow();
    expect(() => createPageNote(draft(), { url: 'not a url', alternateUrls: [], title: '' }, { deviceId: 'device-1', now, id })).toThrow();
    expect(() => createPageNote(draft(), page, { deviceId: '', now, id })).toThrow();
  });
});

describe('noteDraftSchema', () => {
  const valid = {
    quote: { exact: 'Mobile Fortify', prefix: 'a'.repeat(32), suffix: 'b'.repeat(32) },
    position: { start: 0, end: 14 },
    body: '',
    tags: [],
  };

  test('accepts a draft with 32-character prefix and suffix', () => {
    expect(noteDraftSchema.safeParse(valid).success).toBe(true);
  });

  test.each([
    ['an empty quote', { ...valid, quote: { ...valid.quote, exact: '' } }],
    ['end equal to start', { ...valid, position: { start: 5, end: 5 } }],
    ['end before start', { ...valid, position: { start: 9, end: 3 } }],
    ['a negative start', { ...valid, position: { start: -1, end: 3 } }],
    ['fractional offsets', { ...valid, position: { start: 0.5, end: 3 } }],
    ['a prefix over 32 characters', { ...valid, quote: { ...valid.quote, prefix: 'a'.repeat(33) } }],
    ['a suffix over 32 characters', { ...valid, quote: { ...valid.quote, suffix: 'b'.repeat(33) } }],
    ['a quote over 5000 characters', { ...valid, quote: { ...valid.quote, exact: 'q'.repeat(5001) } }],
    ['a body over 20000 characters', { ...valid, body: 'b'.repeat(20001) }],
    ['a blank tag', { ...valid, tags: ['  '] }],
    ['more than 50 tags', { ...valid, tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }],
    ['an extra field', { ...valid, url: 'https://evil.example/' }],
    ['an extra field in the quote', { ...valid, quote: { ...valid.quote, extra: 1 } }],
    ['a missing body', { quote: valid.quote, position: valid.position }],
  ])('rejects %s', (_, input) => {
    expect(noteDraftSchema.safeParse(input).success).toBe(false);
  });
});
