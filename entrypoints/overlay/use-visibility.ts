import { useEffect, useRef, useState, type RefObject } from 'react';

/** How long the frame must have been plainly visible before a button that changes settings acts. */
export const visibleForMs = 500;

interface VisibilityEntry extends IntersectionObserverEntry {
  isVisible?: boolean;
}

/**
 * Whether what the frame shows has been plainly visible for at least `visibleForMs` since it appeared (a new
 * `showing` key): Chromium's IntersectionObserver v2 (`trackVisibility`) reports `isVisible` false while anything
 * covers, fades, filters or transforms the frame, in the page too. Where the browser cannot tell (Firefox), the
 * answer is false for the first `visibleForMs` and undefined after (the content script's own checks decide).
 */
export function useVisibility(target: RefObject<Element | null>, showing: number | undefined): () => boolean | undefined {
  const state = useRef<{ shownAt: number; visibleSince?: number; tracked: boolean }>({ shownAt: 0, tracked: false });
  useEffect(() => {
    state.current = { shownAt: performance.now(), tracked: false };
    const element = target.current;
    if (showing === undefined || !element || !('isVisible' in IntersectionObserverEntry.prototype)) return;
    state.current.tracked = true;
    const observer = new IntersectionObserver(
      (entries) => {
        const entry = entries.at(-1) as VisibilityEntry | undefined;
        if (!entry) return;
        if (entry.isVisible) state.current.visibleSince ??= performance.now();
        else state.current.visibleSince = undefined;
      },
      { threshold: [0], trackVisibility: true, delay: 100 } as IntersectionObserverInit,
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [target, showing]);
  return () => {
    const { shownAt, visibleSince, tracked } = state.current;
    const now = performance.now();
    if (tracked) return visibleSince !== undefined && now - visibleSince >= visibleForMs;
    return now - shownAt >= visibleForMs ? undefined : false;
  };
}

/** Whether buttons that change settings may act yet (see `useVisibility`); checked every 100 ms until they may. */
export function useGuardReady(visibility: () => boolean | undefined, showing: number | undefined): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    setReady(false);
    if (showing === undefined) return;
    const timer = setInterval(() => {
      if (visibility() !== false) {
        setReady(true);
        clearInterval(timer);
      }
    }, 100);
    return () => clearInterval(timer);
    // `visibility` reads refs: its identity does not matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [showing]);
  return ready;
}
