import { anchorQuote } from '../../core/anchoring/anchor';
import { quoteContextLength } from '../../core/notes/limits';
import type { TextQuote } from '../../core/notes/note';
import type { NotePlace } from '../../core/protocol/frame';
import { collectPageText, type PageText } from '../../lib/page-text';
import { offsetOf } from './page-offsets';
import { rangeIn } from './page-scanner';
import { querySelector } from './dom';

/** A quote of the page as a note keeps it: its text and context (W3C TextQuoteSelector), and its position. */
export interface QuoteSelectors {
  quote: TextQuote;
  position: { start: number; end: number };
}

/**
 * The selectors of a range of the page: offsets into the whole page's text as Watchwords reads it, so that notes
 * are found again the same way. Undefined when the range lies outside the scanned text or holds only blanks.
 */
export function selectorsOf(range: Range, page: PageText = collectPageText(document.body)): QuoteSelectors | undefined {
  const start = offsetOf(page, range.startContainer, range.startOffset);
  const end = offsetOf(page, range.endContainer, range.endOffset);
  if (start === undefined || end === undefined || end <= start || !page.text.slice(start, end).trim()) return undefined;
  return {
    quote: {
      exact: page.text.slice(start, end),
      prefix: page.text.slice(Math.max(0, start - quoteContextLength), start),
      suffix: page.text.slice(end, end + quoteContextLength),
    },
    position: { start, end },
  };
}

/** Where a quote is on the page now (by its position, its text, or a close match), if it is. */
export function rangeOfQuote(selectors: QuoteSelectors, page: PageText = collectPageText(document.body)): Range | undefined {
  const anchor = anchorQuote(page.text, selectors.quote, selectors.position);
  return anchor ? rangeIn(page, anchor.start, anchor.end) : undefined;
}

/** The page's `link[rel=canonical]`, if any (the background only trusts it on the tab's own origin). */
export function canonicalUrl(): string | undefined {
  const href = (querySelector('link[rel~="canonical"]') as HTMLLinkElement | null)?.href;
  return href && /^https?:/.test(href) ? href : undefined;
}

/** Where a note is being written, as it is now: a single-page app may move on before it is saved. */
export function notePlace(): NotePlace {
  const canonical = canonicalUrl();
  // An address too long to be a useful key is left out (the tab's own address is used), never a reason to refuse.
  return { writtenAt: location.href, title: document.title.slice(0, 1000), ...(canonical && canonical.length <= 8000 && { canonicalUrl: canonical }) };
}
