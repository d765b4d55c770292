import { defineContentScript } from 'wxt/utils/define-content-script';
import terms from 'virtual:watchwords/terms';
import { createMatcher } from '../../core/matcher/matcher';
import { normalisePageUrl } from '../../core/notes/page-url';
import { isActiveOn, isDismissed, type Settings } from '../../core/settings/model';
import { siteOf } from '../../core/site';
import { answerTabRequests, ask } from '../../lib/messaging';
import { loadSettings, watchSettings } from '../../lib/settings';
import { setupNotes } from './add-note';
import { createCards } from './cards';
import { EntryCache } from './entry-cache';
import { customHighlights, styledOnFirstShow, supportsCustomHighlights, wrappingMarks } from './highlighters';
import { trackHover } from './hover';
import { keyboardNavigation } from './keyboard';
import { OverlayStore } from './overlay-store';
import { canonicalUrl, showPageNotes } from './page-notes';
import { PageScanner } from './page-scanner';
import { createSightingsReporter, followRuntimeDataset, watchlistTabHandlers } from './reader-terms';
import { createUiHost } from './ui-host';

export default defineContentScript({
  // Web pages only: Watchwords has nothing to do on files, browser pages or other schemes.
  matches: ['http://*/*', 'https://*/*'],
  // Early, so the UI host's event guard is in place before page scripts; scanning waits for the DOM.
  runAt: 'document_start',
  async main(ctx) {
    const signal = ctx.signal;
    const store = new OverlayStore();
    const entries = new EntryCache();
    const cards = createCards(store, entries);
    let matcher = createMatcher(terms);
    const site = () => siteOf(location.href);
    // Worked out once per address: the scanner's filter asks for every mention (parsing the address each time
    // was a tenth of the scan of a long page).
    let whereFor: { href: string; value: { site: string; page: ReturnType<typeof normalisePageUrl> } } | undefined;
    const where = () => {
      const href = location.href;
      if (whereFor?.href !== href) whereFor = { href, value: { site: siteOf(href) ?? '', page: normalisePageUrl(href) } };
      return whereFor.value;
    };
    let settings: Settings | undefined;
    let scanner: PageScanner | undefined;
    let undisplay: (() => void) | undefined;

    let hover: ReturnType<typeof trackHover> | undefined;
    const ui = createUiHost(
      store,
      {
        closeCard: () => cards.close(),
        pointerOnCard: (on) => hover?.pointerOnCard(on),
        openRelated: (id) => void cards.openRelated(id),
        back: () => cards.back(),
        addEntityNote: () => {
          const card = store.get().card;
          if (card) notes.openEntityEditor(card.record.range, card.entry.id, card.entry.name);
        },
        notThis: () => void notThis(),
        pauseSite: () => void pauseSite(),
        openSelectionEditor: () => notes.openSelectionEditor(),
        saveNote: (body, tags) => void notes.save(body, tags),
        cancelEditor: () => notes.cancel(),
        closeNote: () => store.update({ note: undefined }),
        pointerOnNote: (on) => hover?.pointerOnNote(on),
      },
      signal,
    );
    const pageNotes = showPageNotes({ store, signal });
    const notes = setupNotes({
      store,
      ui,
      onEntityNoteSaved: () => void cards.refreshNotes(),
      onPageNoteSaved: (note, range) => pageNotes.added(note, range),
      signal,
    });
    hover = trackHover({
      scanner: () => scanner,
      store,
      ui,
      cards,
      hoverDelay: () => settings?.hoverDelayMs ?? 300,
      noteAt: (x, y) => pageNotes.noteAt(x, y),
      signal,
    });
    const keyboard = keyboardNavigation({ scanner: () => scanner, store, cards, signal });

    const stop = () => {
      cards.close();
      if (scanner) reportCount();
      scanner?.stop();
      scanner = undefined;
      undisplay?.();
      undisplay = undefined;
    };

    /** (Re)starts scanning with the current settings, or stops where Watchwords is paused. */
    const restart = () => {
      stop();
      if (!settings || !document.body || !isActiveOn(settings, site())) return;
      const current = settings;
      const display = styledOnFirstShow(current.highlightMethod === 'wrap' || !supportsCustomHighlights() ? wrappingMarks() : customHighlights(), current.highlightStyle);
      undisplay = () => display.dispose();
      scanner = new PageScanner(
        document.body,
        matcher,
        (mention) => current.enabledKinds[mention.entity.kind] && !isDismissed(current.dismissals, where(), mention.text, mention.entity.id),
        display,
        () => {
          entries.prefetch(scanner?.entityIds() ?? []);
          reportCount();
        },
        signal,
      );
      scanner.start();
      reportCount();
    };

    // The toolbar button's count: told to the background once the page settles, and only when it changed.
    let reported = -1;
    let countTimer: ReturnType<typeof setTimeout> | undefined;
    const reportCount = () => {
      clearTimeout(countTimer);
      countTimer = setTimeout(() => {
        const mentions = scanner?.unorderedMentions() ?? new Set();
        const total = mentions.size;
        reportSightings(mentions);
        if (total === reported) return;
        reported = total;
        void ask({ type: 'page.mentions', total }).catch(() => undefined);
      }, 400);
    };
    signal.addEventListener('abort', () => clearTimeout(countTimer));
    const reportSightings = createSightingsReporter();

    // The reader's own entries and packs (lib/runtime-dataset.ts): whenever the background's revision changes, the
    // matcher is rebuilt from the bundled terms and theirs, cards are fetched afresh and the page is scanned again.
    const runtimeTerms = followRuntimeDataset((extra) => {
      matcher = createMatcher([...terms, ...extra]);
      entries.clear();
      restart();
    }, signal);

    /** "Not this": the phrase the reader pointed at is not the entity whose card is open, on this page. */
    const notThis = async () => {
      const card = store.get().card;
      const { site: here, page } = where();
      // On a related entity's card the phrase was never that entity: there is nothing to dismiss.
      if (!card || !here || card.entry.id !== card.record.mention.entity.id) return;
      const { entry } = card;
      const text = card.record.mention.text;
      cards.close();
      await ask({ type: 'settings.change', change: { op: 'dismiss', entityId: entry.id, entityName: entry.name, text, site: here, page } });
    };

    const pauseSite = async () => {
      const here = site();
      if (here) await ask({ type: 'settings.change', change: { op: 'site', list: 'paused', site: here, present: true } });
    };

    answerTabRequests(
      {
        'page.summary'() {
          const rows = new Map<string, { id: string; name: string; kind: (typeof terms)[number]['kind']; count: number }>();
          for (const { mention } of scanner?.mentions() ?? []) {
            const row = rows.get(mention.entity.id) ?? { ...mention.entity, count: 0 };
            row.count++;
            rows.set(mention.entity.id, row);
          }
          const entities = [...rows.values()];
          return {
            active: scanner !== undefined,
            url: location.href,
            canonicalUrl: canonicalUrl(),
            site: site() ?? '',
            total: entities.reduce((sum, row) => sum + row.count, 0),
            entities,
          };
        },
        'page.reveal': async ({ entityId }) => ({ found: typeof entityId === 'string' && (await keyboard.reveal(entityId)) }),
        'page.next': async () => ({ found: await keyboard.next() }),
        'page.announce': () => ({ total: keyboard.announce() }),
        'notes.reveal': ({ noteId }) => ({ found: typeof noteId === 'string' && pageNotes.reveal(noteId) }),
        ...watchlistTabHandlers(),
        'notes.fromSelection': () => {
          notes.fromSelection();
          return { opened: store.get().editor !== undefined };
        },
      },
      signal,
    );

    [settings] = await Promise.all([loadSettings(), runtimeTerms]);
    const unwatchSettings = watchSettings((next) => {
      const before = settings;
      settings = next;
      // A new "Not this" only takes away highlights; anything else (settings, choices undone) scans again.
      if (before && onlyDismissalsAdded(before, next)) {
        scanner?.drop((record) => isDismissed(next.dismissals, where(), record.mention.text, record.mention.entity.id));
      } else restart();
    });
    signal.addEventListener('abort', () => {
      unwatchSettings();
      stop();
    });
    // Single-page apps: a new address means a new article.
    ctx.addEventListener(window, 'wxt:locationchange', () => restart());

    // The reader's notes are shown again even where mentions are paused: they are the reader's own.
    const ready = () => {
      restart();
      void pageNotes.load();
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ready, { once: true, signal });
    else ready();
  },
});

/** Whether the only change between two settings is that "Not this" choices were added. */
function onlyDismissalsAdded(before: Settings, after: Settings): boolean {
  if (after.dismissals.length <= before.dismissals.length) return false;
  const ids = new Set(after.dismissals.map((d) => d.id));
  if (!before.dismissals.every((d) => ids.has(d.id))) return false;
  return JSON.stringify({ ...before, dismissals: [] }) === JSON.stringify({ ...after, dismissals: [] });
}
