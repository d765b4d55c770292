import { createMatcher, type MatchableEntry, type Mention } from '../../core/matcher/matcher';
import type { TabHandlers } from '../../core/protocol/tab';
import { isRuntimeId } from '../../core/watchlist/runtime';
import { ask } from '../../lib/messaging';
import { textUnits } from '../../lib/page-text';
import { loadRuntimeDatasetState, watchRuntimeDataset, type RuntimeDatasetState } from '../../lib/runtime-dataset-state';
import { getSelection } from './dom';

/**
 * The reader's own entries and enabled packs join the bundled terms at run time (lib/runtime-dataset.ts). Calls
 * `onTerms` with them once at start (when there are any) and again whenever the background's revision changes;
 * the returned promise settles once the first answer is in, so the first scan already has them.
 */
export function followRuntimeDataset(onTerms: (extra: MatchableEntry[]) => void, signal: AbortSignal): Promise<void> {
  let asked = 0;
  let shown = 0;
  const load = async (state: RuntimeDatasetState) => {
    const mine = ++asked;
    // Nothing joins the bundled terms: nothing to ask (the usual case), but clear what an earlier revision added.
    const terms = state.entries === 0 ? [] : (await ask({ type: 'dataset.terms' })).terms;
    if (mine !== asked || signal.aborted || (terms.length === 0 && shown === 0)) return;
    shown = terms.length;
    onTerms(terms);
  };
  const unwatch = watchRuntimeDataset((state) => void load(state).catch(() => undefined));
  signal.addEventListener('abort', unwatch);
  return loadRuntimeDatasetState().then(load).catch(() => undefined);
}

/** Tab requests of the watchlist: the form's preview count, and the selection for "Watch this name". */
export function watchlistTabHandlers(): Pick<TabHandlers, 'watchlist.count' | 'page.selection'> {
  return {
    'watchlist.count': ({ terms }) => {
      // Only the extension can send this; still, only what a form sends is counted.
      if (!Array.isArray(terms) || terms.length > 50 || !document.body) return { mentions: 0 };
      const matcher = createMatcher(terms);
      const named = new Set<string>();
      let mentions = 0;
      for (const unit of textUnits(document.body)) mentions += matcher.scan(unit.text, named).length;
      return { mentions };
    },
    'page.selection': () => ({ text: (getSelection()?.toString() ?? '').trim().replace(/\s+/g, ' ').slice(0, 200) }),
  };
}

/**
 * Tells the background on which page the reader's and packs' entries were found, and how often ("Seen on" in the
 * Watchlist page), when that changed. Bundled entries are never reported.
 */
export function createSightingsReporter(): (mentions: Iterable<{ mention: Mention }>) => void {
  let last = '[]';
  return (mentions) => {
    const counts: Record<string, number> = {};
    for (const { mention } of mentions) if (isRuntimeId(mention.entity.id)) counts[mention.entity.id] = (counts[mention.entity.id] ?? 0) + 1;
    // The same counts make the same key in whatever order the mentions come.
    const key = JSON.stringify(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    if (key === last) return;
    last = key;
    if (key !== '[]') void ask({ type: 'watchlist.seen', counts, title: document.title }).catch(() => undefined);
  };
}
