import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { KindSwitches } from '../../components/KindSwitches';
import { OnThisPage, type OnThisPageState } from '../../components/OnThisPage';
import { SiteSwitch } from '../../components/SiteSwitch';
import { notePageAddress } from '../../core/notes/page-url';
import { canPause, groupByKind } from '../../core/popup';
import { isActiveOn, type Settings } from '../../core/settings/model';
import type { SettingsChange } from '../../core/settings/schema';
import { siteOf } from '../../core/site';
import type { NotesDatabase } from '../../lib/notes-db';
import { downloadExport } from '../../lib/download';
import { PageNotes } from './PageNotes';
import { openNotesManager, openWatchlist } from '../../lib/manager';
import { askTab } from '../../lib/messaging';
import { Shortcuts } from './Shortcuts';
import { readerTab, type ReaderTab } from './reader-tab';
import { usePageSummary, type SummaryState } from './use-page-summary';
import { useSettings } from './use-settings';

function onThisPageState(summary: SummaryState, settings: Settings | undefined, site: string | undefined, paused: boolean): OnThisPageState {
  if (summary.status !== 'ready' || !settings) return summary.status === 'unreadable' ? summary : { status: 'loading' };
  if (paused) return { status: 'inactive', paused };
  // Just resumed: the page has not scanned yet (it is asked again shortly).
  if (!summary.summary.active) return isActiveOn(settings, site) ? { status: 'loading' } : { status: 'inactive', paused };
  return { status: 'ready', model: groupByKind(summary.summary.entities, settings.enabledKinds) };
}

export function PopupPage({ db }: { db: NotesDatabase }) {
  /** undefined while looking it up; null when there is none. */
  const [tab, setTab] = useState<ReaderTab | null>();
  useEffect(() => void readerTab().then((found) => setTab(found ?? null), () => setTab(null)), []);
  const { settings, change: changeSettings } = useSettings();
  const { state: summary, refreshSoon } = usePageSummary(tab === undefined ? undefined : (tab?.id ?? null));
  const [problem, setProblem] = useState<string>();

  const site = tab ? siteOf(tab.url) : undefined;
  // The page's notes are kept under its canonical address when it names one (as the page finds them), and the tab's.
  const canonical = summary.status === 'ready' ? summary.summary.canonicalUrl : undefined;
  const address = tab ? notePageAddress(tab.url, canonical) : undefined;
  const noteAddresses = tab === undefined || (tab && summary.status === 'loading') ? undefined : address ? [address.url, ...address.alternateUrls] : null;
  // Read now, so that "All notes" can open Chrome's side panel in the click itself (it needs the reader's gesture).
  const [windowId, setWindowId] = useState<number>();
  useEffect(() => void browser.windows.getCurrent().then((window) => setWindowId(window.id), () => undefined), []);
  const paused = !!site && !!settings?.sites.paused.includes(site);
  const page = onThisPageState(summary, settings, site, paused);

  const change = async (settingsChange: SettingsChange) => {
    try {
      await changeSettings(settingsChange);
    } catch (error) {
      setProblem((error as Error).message);
    }
    refreshSoon();
  };

  const reveal = async (entityId: string) => {
    if (!tab) return;
    setProblem(undefined);
    try {
      const { found } = await askTab(tab.id, 'page.reveal', { entityId });
      if (!found) return setProblem('That mention is no longer on the page.');
      // When this page is open in a tab of its own, go to the reader's tab; as the toolbar popup it is active already.
      await browser.tabs.update(tab.id, { active: true });
      window.close();
    } catch {
      setProblem("Watchwords can't reach this page any more. Reload it and try again.");
    }
  };

  return (
    <main className="popup">
      <header className="popup-header">
        <div className="popup-title">
          <h1>Watchwords</h1>
          {site && <p className="site">{site}</p>}
        </div>
        <div className="header-actions">
          <button type="button" className="button" onClick={() => void openNotesManager(windowId).then(() => window.close())}>
            All notes
          </button>
          <button type="button" className="button" onClick={() => void browser.runtime.openOptionsPage()}>
            Options
          </button>
        </div>
      </header>
      {settings && canPause(site) && (
        <SiteSwitch site={site} paused={paused} onChange={(on) => void change({ op: 'site', list: 'paused', site, present: on })} />
      )}
      <OnThisPage state={page} problem={problem} onReveal={(id) => void reveal(id)} />
      {settings && (
        <KindSwitches
          enabled={settings.enabledKinds}
          counts={page.status === 'ready' ? page.model.countByKind : undefined}
          onChange={(kind, on) => void change({ op: 'set', enabledKinds: { [kind]: on } })}
        />
      )}
      <PageNotes db={db} addresses={noteAddresses} />
      <Shortcuts />
      <footer className="popup-footer">
        <button type="button" className="button" onClick={() => void downloadExport('watchwords-json')}>
          Export all notes (JSON)
        </button>
        <button type="button" className="button" onClick={() => void openWatchlist().then(() => window.close())}>
          Your watchlist
        </button>
      </footer>
    </main>
  );
}
