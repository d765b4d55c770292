import { isDismissed } from '../../../core/settings/model';
import { ask } from '../../../lib/messaging';
import { addPageStyle, cappedDisplay, customHighlights, highlightCap, mentionCss, supportsCustomHighlights, wrappingMarks } from '../highlighters';
import { PageScanner } from '../page-scanner';
import { createSightingsReporter } from '../reader-terms';
import type { ContentFeature } from './context';

/** The count goes to the background once the page settles, and only when it changed. */
const countSettleMs = 400;
let reportedCount = -1;

const numbers = new Intl.NumberFormat('en-US');

/**
 * Highlights the page's mentions (with the CSS Custom Highlight API, or marks in compatibility mode), kept up to date
 * as the page changes. At most `highlightCap` of them, unless the reader chooses "Show all" in the notice.
 */
export const highlights: ContentFeature = {
  name: 'highlights',
  start(context) {
    const { settings, signal } = context;
    // The toolbar button's count (none where Watchwords is paused), and where the reader's own entries were seen.
    const reportSightings = createSightingsReporter();
    let countTimer: ReturnType<typeof setTimeout> | undefined;
    const reportCount = () => {
      clearTimeout(countTimer);
      countTimer = setTimeout(() => {
        // Unordered: putting thousands of ranges in document order took milliseconds for a count.
        const mentions = context.page.scanner?.unorderedMentions() ?? new Set();
        reportSightings(mentions);
        if (mentions.size === reportedCount) return;
        reportedCount = mentions.size;
        void ask({ type: 'page.mentions', total: mentions.size }).catch(() => undefined);
      }, countSettleMs);
    };
    signal.addEventListener('abort', () => clearTimeout(countTimer));
    if (!context.active || !document.body) return void reportCount();
    const base = settings.highlightMethod === 'wrap' || !supportsCustomHighlights() ? wrappingMarks() : customHighlights();
    // The style sheet comes with the first mentions shown: its `::highlight()` rules make the browser recompute the
    // style of every element of the page (about 50 ms on a 1 MB article), which a page with no mention never pays.
    // Rules on the root alone where highlight inheritance carries them down (see mentionCss).
    let removeStyle: (() => void) | undefined;
    const styled: typeof base = {
      ...base,
      add(records) {
        if (records.length && !removeStyle && !signal.aborted) removeStyle = addPageStyle(mentionCss(settings.highlightStyle, context.dark, !import.meta.env.FIREFOX));
        base.add(records);
      },
    };
    let removeNotice: (() => void) | undefined;
    const cap = cappedDisplay(styled, context.flags.showAllHighlights ? Infinity : highlightCap, () => {
      removeNotice = context.ui.notice(`Watchwords highlighted the first ${numbers.format(highlightCap)} mentions on this page.`, {
        label: 'Show all',
        onPress() {
          context.flags.showAllHighlights = true;
          context.restart();
        },
      });
    });
    const where = context.where();
    const scanner = new PageScanner(
      document.body,
      context.matcher,
      (mention) => settings.enabledKinds[mention.entity.kind] && !isDismissed(settings.dismissals, where, mention.text, mention.entity.id) && cap.accept(),
      cap.display,
      reportCount,
      signal,
    );
    context.page.scanner = scanner;
    signal.addEventListener('abort', () => {
      // The scanner stops itself on the same signal (its mentions leave the display first).
      removeNotice?.();
      base.dispose();
      removeStyle?.();
    });
    scanner.start();
    reportCount();
  },
};
