import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTags, tagLimits, tagsSchema } from './tags';

describe('parseTags', () => {
  it('one tag per name whatever its case or "#" (the editor and the manager once disagreed on "#ICE, ice, ICE")', () => {
    expect(parseTags('#ICE, ice, ICE')).toEqual({ tags: ['ICE'] });
    expect(parseTags(' face, #CBP ,, face ,Face, cbp')).toEqual({ tags: ['face', 'CBP'] });
  });
  it('keeps spaces inside a tag, and takes nothing from blank input', () => {
    expect(parseTags('face recognition, Section 702')).toEqual({ tags: ['face recognition', 'Section 702'] });
    expect(parseTags('')).toEqual({ tags: [] });
    expect(parseTags(' , ')).toEqual({ tags: [] });
  });
  it('says when the limits are broken', () => {
    expect(parseTags('x'.repeat(tagLimits.length + 1))).toEqual({ error: 'A tag can be at most 100 characters long.' });
    expect(parseTags(Array.from({ length: tagLimits.count + 1 }, (_, i) => `t${i}`).join(','))).toEqual({ error: 'A note can have at most 50 tags.' });
    expect(parseTags(Array.from({ length: tagLimits.count }, (_, i) => `t${i}`).join(','))).toHaveProperty('tags');
  });
  it('whatever is typed, the tags it accepts are valid tags to store', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const parsed = parseTags(text);
        if ('tags' in parsed) expect(tagsSchema.safeParse(parsed.tags).success).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
