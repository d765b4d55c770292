/**
 * Single-page apps: a new address means a new article, and every feature starts again for it. What tells us is
 * only what the page cannot forge: the Navigation API's `navigate` and `popstate`/`hashchange` when `isTrusted`
 * (the browser's own), each followed by a cheap look at `location.href` (where there is no Navigation API, a
 * `pushState` fires nothing: a look once a second). A fragment alone (#section) is the same article.
 *
 * Restarts cost a rescan of the page, so they are throttled: never sooner than `minGapMs` after the previous one,
 * a gap that doubles while the address keeps changing (a page calling pushState every 100 ms) up to `maxGapMs`,
 * and falls back once the page has been quiet for a while.
 */
export const restartLimits = { settleMs: 200, minGapMs: 500, maxGapMs: 30_000, busyWithinMs: 5000 } as const;

export interface Clock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

/** Runs `run` for a burst of requests at most once, and ever less often while requests keep coming. */
export function createRestartThrottle(run: () => void, clock: Clock, limits = restartLimits) {
  let timer: unknown;
  let lastRun = -Infinity;
  let requestedAt = 0;
  let gap: number = limits.minGapMs;
  const fire = () => {
    timer = undefined;
    // Asked again soon after the last restart: the page keeps changing its address, so wait longer next time.
    gap = requestedAt - lastRun < limits.busyWithinMs ? Math.min(gap * 2, limits.maxGapMs) : limits.minGapMs;
    lastRun = clock.now();
    run();
  };
  return {
    request() {
      if (timer !== undefined) return;
      const now = clock.now();
      requestedAt = now;
      const quiet = now - lastRun >= limits.busyWithinMs;
      timer = clock.setTimeout(fire, Math.max(limits.settleMs, quiet ? 0 : lastRun + gap - now));
    },
    cancel() {
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
    },
    /** The least time the next restart keeps from the last one while the page stays busy (for tests). */
    get gap() {
      return gap;
    },
  };
}

/** The address without its fragment: what counts as "another page". */
export const pageOfAddress = (href: string) => href.replace(/#.*$/, '');

/** Calls `onChange` (throttled) when the page's address changes, seen only through trusted signals. */
export function watchLocation(onChange: () => void, signal: AbortSignal): void {
  let last = pageOfAddress(location.href);
  const throttle = createRestartThrottle(() => {
    last = pageOfAddress(location.href);
    onChange();
  }, { now: () => performance.now(), setTimeout: (run, ms) => setTimeout(run, ms), clearTimeout: (timer) => clearTimeout(timer as number) });
  const check = () => {
    if (pageOfAddress(location.href) !== last) throttle.request();
  };
  const trusted = (event: Event) => {
    // After the navigation has changed the address (a navigate event comes just before).
    if (event.isTrusted) setTimeout(check, 0);
  };
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  if (navigation && typeof navigation.addEventListener === 'function') navigation.addEventListener('navigate', trusted, { signal });
  else {
    const timer = setInterval(check, 1000);
    signal.addEventListener('abort', () => clearInterval(timer));
  }
  addEventListener('popstate', trusted, { signal });
  addEventListener('hashchange', trusted, { signal });
  signal.addEventListener('abort', () => throttle.cancel());
}
