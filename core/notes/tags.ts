import { z } from 'zod';

/** The one home of tags: their limits, how they are typed, and how they are validated. */
export const tagLimits = { count: 50, length: 100 } as const;

/** One tag as stored. */
export const tagSchema = z.string().trim().min(1).max(tagLimits.length);
export const tagsSchema = z.array(tagSchema).max(tagLimits.count);

/**
 * Tags typed as a comma-separated list: trimmed, empty ones dropped, a leading "#" removed, and repeats dropped
 * whatever their case ("#ICE, ice, ICE" is one tag, "ICE", as first written). An error, in words, when they
 * break the limits.
 */
export function parseTags(input: string): { tags: string[] } | { error: string } {
  const tags: string[] = [];
  const seen = new Set<string>();
  for (const part of input.split(',')) {
    const tag = part.trim().replace(/^#+\s*/, '');
    if (!tag || seen.has(tag.toLowerCase())) continue;
    if (tag.length > tagLimits.length) return { error: `A tag can be at most ${tagLimits.length} characters long.` };
    seen.add(tag.toLowerCase());
    tags.push(tag);
  }
  if (tags.length > tagLimits.count) return { error: `A note can have at most ${tagLimits.count} tags.` };
  return { tags };
}
