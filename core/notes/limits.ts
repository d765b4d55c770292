/**
 * How long notes, quotes and tags may be, and how typed tags are read: free of zod so the content script and the
 * card's frame can use them (note.ts and tags.ts validate with them).
 */

/** How much of the page's text either side of a quote a note keeps (its W3C TextQuoteSelector prefix and suffix). */
export const quoteContextLength = 32;
/** The limits of what a reader writes and quotes; the editor counts down to them. */
export const noteLimits = { body: 20_000, quote: 5_000 } as const;

/** The limits of tags (validated in tags.ts). */
export const tagLimits = { count: 50, length: 100 } as const;

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
