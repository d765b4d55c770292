import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import type { PageSummary } from '../../core/protocol/tab';
import { askSummary } from './reader-tab';

export type SummaryState = { status: 'loading' } | { status: 'unreadable' } | { status: 'ready'; summary: PageSummary };

/**
 * What the content script in the reader's tab reports. `tabId` undefined: the tab is still being looked up; null:
 * there is none. Asked again when the tab finishes loading, and by `refreshSoon` after a settings change (a few times,
 * since the content script applies it, or scans, a moment later).
 */
export function usePageSummary(tabId: number | null | undefined) {
  const [state, setState] = useState<SummaryState>({ status: 'loading' });
  const asked = useRef(0);

  const ask = useCallback(async () => {
    if (typeof tabId !== 'number') return;
    const attempt = ++asked.current;
    try {
      const summary = await askSummary(tabId);
      if (attempt === asked.current) setState({ status: 'ready', summary });
    } catch {
      if (attempt === asked.current) setState({ status: 'unreadable' });
    }
  }, [tabId]);

  const timers = useRef<ReturnType<typeof setTimeout>[]>([]);
  useEffect(() => () => timers.current.forEach(clearTimeout), []);
  const refreshSoon = useCallback(() => {
    timers.current.forEach(clearTimeout);
    timers.current = [300, 1200, 2500].map((delay) => setTimeout(() => void ask(), delay));
  }, [ask]);

  useEffect(() => {
    if (tabId === null) return setState({ status: 'unreadable' });
    if (tabId === undefined) return;
    void ask();
    const onUpdated = (id: number, change: { status?: string }) => {
      if (id === tabId && change.status === 'complete') refreshSoon();
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => browser.tabs.onUpdated.removeListener(onUpdated);
  }, [tabId, ask, refreshSoon]);

  return { state, refreshSoon };
}
