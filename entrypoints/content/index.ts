import { defineContentScript } from 'wxt/utils/define-content-script';
import terms from 'virtual:watchwords/terms';
import { createMatcher, type MatchableEntry, type Matcher } from '../../core/matcher/matcher';
import { normalisePageUrl } from '../../core/notes/page-url';
import type { TabHandlers, TabRoutes } from '../../core/protocol/tab';
import { isActiveOn, isDismissed, settingsChange } from '../../core/settings/model';
import { siteOf } from '../../core/site';
import { answerTabRequests } from '../../lib/messaging';
import { loadSettings, watchSettings } from '../../lib/settings';
import { addNote } from './features/add-note';
import type { ContentContext, ContentFeature, PageState } from './features/context';
import { drafts } from './features/drafts';
import { highlights } from './features/highlights';
import { hover } from './features/hover';
import { keyboard } from './features/keyboard';
import { notThis } from './features/not-this';
import { pageNotes } from './features/page-notes';
import { pageSummary } from './features/page-summary';
import { pause } from './features/pause';
import { touch } from './features/touch';
import { watchlist } from './features/watchlist';
import { createFrameHost } from './frame-host';
import { pageIsDark } from './highlighters';
import { createLifecycle } from './lifecycle';
import { pageOfAddress, watchLocation } from './navigation';
import { createOverlay, type CardAction } from './overlay';
import { followRuntimeDataset } from './reader-terms';
import { createUiHost } from './ui-host';

/**
 * Every feature, in the order they start (each is one file in ./features; a card's buttons appear in this order).
 * The highlights and the page's notes come first: the others use what they found.
 */
const features: ContentFeature[] = [highlights, pageNotes, hover, touch, keyboard, addNote, notThis, pause, pageSummary, watchlist, drafts];

export default defineContentScript({
  // Web pages only: Watchwords has nothing to do on files, browser pages or other schemes.
  matches: ['http://*/*', 'https://*/*'],
  // Nothing has to be in place before the page's scripts: what the reader types is typed in the overlay frame.
  runAt: 'document_idle',
  async main(ctx) {
    // Our own context (wxt.config.ts aliases WXT's): aborted only when the extension goes away, never by the page.
    const script = ctx.signal;
    // The reader's own entries and packs join the bundled terms (lib/runtime-dataset.ts); when they change, the
    // matcher is made again and every feature starts again with it. (Making one is cheap: its terms are compiled
    // when the page is first scanned, in steps, so a paused site or a page without text never pays for that.)
    let matcher: Matcher = createMatcher(terms);
    let names = new Map<string, MatchableEntry>(terms.map((entry) => [entry.id, entry]));
    let restartAll = () => {};
    const runtimeTerms = followRuntimeDataset((extra) => {
      const allTerms = [...terms, ...extra];
      matcher = createMatcher(allTerms);
      names = new Map(allTerms.map((entry) => [entry.id, entry]));
      restartAll();
    }, script);
    let [settings] = await Promise.all([loadSettings(), runtimeTerms]);
    if (script.aborted || !document.documentElement) return;
    const ui = createUiHost(script);
    const frame = createFrameHost(ui, script);
    let dark = pageIsDark();
    const overlay = createOverlay({ frame, ui, names: () => names, dark: () => dark, cardActions: () => lifecycle.current?.cardActions ?? [], signal: script });
    const site = () => siteOf(location.href);
    let flags: ContentContext['flags'] = { showAllHighlights: false, offeredDrafts: new Set() };
    let flagsFor = pageOfAddress(location.href);

    let currentPage: PageState = {};
    const lifecycle = createLifecycle<ContentContext, CardAction>({
      features,
      script,
      context: () => {
        if (pageOfAddress(location.href) !== flagsFor) {
          flagsFor = pageOfAddress(location.href);
          flags = { showAllHighlights: false, offeredDrafts: new Set() };
        }
        dark = pageIsDark();
        frame.setPage(location.href);
        const here = site();
        const page: PageState = {};
        currentPage = page;
        return {
          settings,
          active: isActiveOn(settings, here),
          site: here,
          where: () => ({ site: site() ?? '', page: normalisePageUrl(location.href) }),
          dark,
          page,
          ui,
          frame,
          overlay,
          matcher,
          names,
          restart: () => void lifecycle.restart(),
          flags,
        };
      },
      onError: (feature, error) => console.error(`Watchwords: the ${feature} feature failed to start`, error),
    });

    restartAll = () => void lifecycle.restart();

    // Tab requests go to the features of the activation running now; one listener for the script's life.
    const answer = <K extends keyof TabRoutes>(type: K, fallback: TabRoutes[K]['response']) =>
      ((request: TabRoutes[K]['request']) => {
        const handler = lifecycle.current?.tabHandlers[type] as ((r: typeof request) => unknown) | undefined;
        return handler ? handler(request) : fallback;
      }) as TabHandlers[K];
    answerTabRequests(
      {
        'page.summary': answer('page.summary', { active: false, url: location.href, site: site() ?? '', total: 0, entities: [] }),
        'page.reveal': answer('page.reveal', { found: false }),
        'page.next': answer('page.next', { found: false }),
        'page.announce': answer('page.announce', { total: 0 }),
        'notes.fromSelection': answer('notes.fromSelection', { opened: false }),
        'notes.reveal': answer('notes.reveal', { found: false }),
        'watchlist.count': answer('watchlist.count', { mentions: 0 }),
        'page.selection': answer('page.selection', { text: '' }),
      },
      script,
    );

    const unwatchSettings = watchSettings((next) => {
      const change = settingsChange(settings, next);
      settings = next;
      // The same settings written again (the background brings them up to date when it starts, which on a fresh
      // install is while the first pages load): nothing starts again, so nothing the reader is doing is undone.
      if (change === 'none') return;
      // A new "Not this" only takes away highlights; anything else (settings, choices undone) starts again.
      const scanner = lifecycle.current && change === 'dismissals-added' ? currentPage.scanner : undefined;
      if (scanner) {
        const where = { site: site() ?? '', page: normalisePageUrl(location.href) };
        scanner.drop((record) => isDismissed(next.dismissals, where, record.mention.text, record.mention.entity.id));
      } else lifecycle.restart();
    });
    script.addEventListener('abort', unwatchSettings);
    // Single-page apps: a new address is a new article (trusted navigation signals only, throttled).
    watchLocation(() => lifecycle.restart(), script);
    lifecycle.restart();
  },
});
