import { defineContentScript } from 'wxt/utils/define-content-script';
import terms from 'virtual:watchwords/terms';
import { createMatcher } from '../../core/matcher/matcher';
import { dismissalPhrase, isActiveOn, isDismissed, siteOf, type Dismissal, type Settings } from '../../core/settings';
import { dismissalsItem, loadSettings, settingsItem, watchSettings } from '../../lib/settings-store';
import { setupNotes } from './add-note';
import { createCards } from './cards';
import { EntryCache } from './entry-cache';
import { addPageStyle, customHighlights, mentionCss, pageIsDark, supportsCustomHighlights, wrappingMarks } from './highlighters';
import { trackHover } from './hover';
import { keyboardNavigation } from './keyboard';
import { OverlayStore } from './overlay-store';
import { showPageNotes } from './page-notes';
import { PageScanner } from './page-scanner';
import { answerTabRequests } from './tab-messages';
import { createUiHost } from './ui-host';

export default defineContentScript({
  matches: ['<all_urls>'],
  // Early, so the UI host's event guard is in place before page scripts; scanning waits for the DOM.
  runAt: 'document_start',
  async main(ctx) {
    const signal = ctx.signal;
    const store = new OverlayStore();
    const entries = new EntryCache();
    const cards = createCards(store, entries);
    const matcher = createMatcher(terms);
    const site = () => siteOf(location.href);
    let settings: Settings | undefined;
    let dismissals: Dismissal[] = [];
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
      const display = current.highlightMethod === 'wrap' || !supportsCustomHighlights() ? wrappingMarks() : customHighlights();
      const removeStyle = addPageStyle(mentionCss(current.highlightStyle, pageIsDark()));
      undisplay = () => {
        display.dispose();
        removeStyle();
      };
      scanner = new PageScanner(
        document.body,
        matcher,
        (mention) => current.enabledKinds[mention.entity.kind] && !isDismissed(dismissals, site() ?? '', mention.text, mention.entity.id),
        display,
        () => entries.prefetch(scanner?.entityIds() ?? []),
        signal,
      );
      scanner.start();
    };

    const notThis = async () => {
      const card = store.get().card;
      const where = site();
      if (!card || !where) return;
      const { text } = card.record.mention;
      const entityId = card.record.mention.entity.id;
      const dismissal: Dismissal = { site: where, phrase: dismissalPhrase(text), entityId, at: new Date().toISOString() };
      dismissals = [...dismissals, dismissal];
      cards.close();
      scanner?.drop((record) => record.mention.entity.id === entityId && dismissalPhrase(record.mention.text) === dismissal.phrase);
      await dismissalsItem.setValue([...(await dismissalsItem.getValue()), dismissal]);
    };

    const pauseSite = async () => {
      const where = site();
      if (!settings || !where) return;
      const paused = [...new Set([...settings.sites.paused, where])];
      await settingsItem.setValue({ ...settings, sites: { ...settings.sites, paused } });
    };

    answerTabRequests(
      {
        summary() {
          const rows = new Map<string, { id: string; name: string; kind: (typeof terms)[number]['kind']; count: number }>();
          for (const { mention } of scanner?.mentions() ?? []) {
            const row = rows.get(mention.entity.id) ?? { ...mention.entity, count: 0 };
            row.count++;
            rows.set(mention.entity.id, row);
          }
          const entities = [...rows.values()];
          return {
            active: scanner !== undefined,
            site: site() ?? '',
            total: entities.reduce((sum, row) => sum + row.count, 0),
            entities,
          };
        },
        reveal: (entityId) => keyboard.reveal(entityId),
        next: () => keyboard.next(),
        announce: () => keyboard.announce(),
        noteFromSelection: () => {
          notes.fromSelection();
          return store.get().editor !== undefined;
        },
      },
      signal,
    );

    [settings, dismissals] = await Promise.all([loadSettings(), dismissalsItem.getValue()]);
    const unwatchSettings = watchSettings((next) => {
      settings = next;
      restart();
    });
    const unwatchDismissals = dismissalsItem.watch((next) => {
      // A reset in the options page brings dismissed mentions back.
      if ((next ?? []).length < dismissals.length) {
        dismissals = next ?? [];
        restart();
      } else dismissals = next ?? [];
    });
    signal.addEventListener('abort', () => {
      unwatchSettings();
      unwatchDismissals();
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
