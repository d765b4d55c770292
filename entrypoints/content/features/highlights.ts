import { isDismissed } from '../../../core/settings/model';
import { addPageStyle, cappedDisplay, customHighlights, highlightCap, mentionCss, supportsCustomHighlights, wrappingMarks } from '../highlighters';
import { PageScanner } from '../page-scanner';
import type { ContentFeature } from './context';

const numbers = new Intl.NumberFormat('en-US');

/**
 * Highlights the page's mentions (with the CSS Custom Highlight API, or marks in compatibility mode), kept up to date
 * as the page changes. At most `highlightCap` of them, unless the reader chooses "Show all" in the notice.
 */
export const highlights: ContentFeature = {
  name: 'highlights',
  start(context) {
    const { settings, signal } = context;
    if (!context.active || !document.body) return;
    const base = settings.highlightMethod === 'wrap' || !supportsCustomHighlights() ? wrappingMarks() : customHighlights();
    const removeStyle = addPageStyle(mentionCss(settings.highlightStyle, context.dark));
    let removeNotice: (() => void) | undefined;
    const cap = cappedDisplay(base, context.flags.showAllHighlights ? Infinity : highlightCap, () => {
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
      () => undefined,
      signal,
    );
    context.page.scanner = scanner;
    signal.addEventListener('abort', () => {
      // The scanner stops itself on the same signal (its mentions leave the display first).
      removeNotice?.();
      base.dispose();
      removeStyle();
    });
    scanner.start();
  },
};
