/**
 * How long notes and quotes may be, free of zod so the content script can use them (note.ts validates with them).
 */

/** How much of the page's text either side of a quote a note keeps (its W3C TextQuoteSelector prefix and suffix). */
export const quoteContextLength = 32;
/** The limits of what a reader writes and quotes; the editor counts down to them. */
export const noteLimits = { body: 20_000, quote: 5_000 } as const;
