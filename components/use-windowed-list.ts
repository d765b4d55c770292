import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';

export interface WindowedListOptions {
  /** How many items the list has. */
  count: number;
  /** A stable key per item (measured heights are kept by key). */
  keyOf: (index: number) => string;
  /** The height assumed for an item not measured yet, until some are. */
  estimate: number;
  /** Pixels rendered above and below the visible part. */
  overscan?: number;
}

export interface WindowedList {
  /** For the scrolling element. */
  scrollerRef: (element: HTMLElement | null) => void;
  /** For every rendered item's element, which must carry `data-key`; its height is measured as it changes. */
  measureRef: (element: HTMLElement | null) => (() => void) | void;
  /** The items to render: [start, end). */
  start: number;
  end: number;
  /** Space to leave above and below the rendered items. */
  paddingTop: number;
  paddingBottom: number;
  /** Scrolls so that an item is rendered and in view. */
  scrollToIndex: (index: number) => void;
  scrollToTop: () => void;
}

/**
 * Windowing: only the items in view (and `overscan` pixels either side) are rendered, between two paddings that
 * stand for the others. Heights are measured with a ResizeObserver as items render; items never rendered count
 * as the average of those measured (or `estimate` before any is). Rendered items stay in the normal flow, so
 * the browser's scroll anchoring keeps the view steady when a measurement above it changes the padding.
 */
export function useWindowedList({ count, keyOf, estimate, overscan = 600 }: WindowedListOptions): WindowedList {
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  const [view, setView] = useState(() => ({ top: 0, height: typeof window === 'undefined' ? 800 : window.innerHeight }));
  const heights = useRef(new Map<string, number>());
  const measuredTotal = useRef(0);
  const [measured, remeasured] = useReducer((n: number) => n + 1, 0);

  // One observer for every item; a change of height re-renders once per frame at most.
  const observer = useMemo(() => {
    if (typeof ResizeObserver === 'undefined') return undefined;
    return new ResizeObserver((entries) => {
      let changed = false;
      for (const entry of entries) {
        const element = entry.target as HTMLElement;
        const key = element.dataset.key;
        if (!key || !element.isConnected) continue;
        const height = entry.borderBoxSize[0]?.blockSize ?? element.offsetHeight;
        const old = heights.current.get(key);
        if (old !== undefined && Math.abs(old - height) < 0.5) continue;
        measuredTotal.current += height - (old ?? 0);
        heights.current.set(key, height);
        changed = true;
      }
      if (changed) remeasured();
    });
  }, []);
  useEffect(() => () => observer?.disconnect(), [observer]);

  const measureRef = useCallback(
    (element: HTMLElement | null) => {
      if (!element || !observer) return;
      observer.observe(element);
      return () => observer.unobserve(element);
    },
    [observer],
  );

  useLayoutEffect(() => {
    if (!scroller) return;
    const read = () => setView((old) => (old.top === scroller.scrollTop && old.height === scroller.clientHeight ? old : { top: scroller.scrollTop, height: scroller.clientHeight }));
    read();
    scroller.addEventListener('scroll', read, { passive: true });
    const resized = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(read);
    resized?.observe(scroller);
    return () => {
      scroller.removeEventListener('scroll', read);
      resized?.disconnect();
    };
  }, [scroller]);

  const average = heights.current.size ? measuredTotal.current / heights.current.size : estimate;
  // offsets[i]: the top of item i; offsets[count]: the height of them all.
  const offsets = useMemo(() => {
    const tops = new Float64Array(count + 1);
    for (let i = 0; i < count; i++) tops[i + 1] = tops[i]! + (heights.current.get(keyOf(i)) ?? average);
    return tops;
    // `measured` stands for the heights map, which is mutated in place.
  }, [count, keyOf, average, measured]);

  const total = offsets[count]!;
  const top = Math.max(0, Math.min(view.top, total - view.height));
  const start = Math.max(0, lastAtOrBefore(offsets, top - overscan, count));
  const end = Math.min(count, lastAtOrBefore(offsets, top + view.height + overscan, count) + 1);

  const scrollToIndex = useCallback(
    (index: number) => {
      if (!scroller || index < 0 || index >= count) return;
      const itemTop = offsets[index]!;
      const itemBottom = offsets[index + 1]!;
      if (itemTop < scroller.scrollTop) scroller.scrollTop = itemTop;
      else if (itemBottom > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = itemBottom - scroller.clientHeight;
    },
    [scroller, offsets, count],
  );
  const scrollToTop = useCallback(() => {
    if (scroller) scroller.scrollTop = 0;
  }, [scroller]);

  return {
    scrollerRef: setScroller,
    measureRef,
    start,
    end,
    paddingTop: offsets[start]!,
    paddingBottom: total - offsets[end]!,
    scrollToIndex,
    scrollToTop,
  };
}

/** The last index i in [0, count] with offsets[i] <= y (0 when none). */
function lastAtOrBefore(offsets: Float64Array, y: number, count: number): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (offsets[middle]! <= y) low = middle;
    else high = middle - 1;
  }
  return low;
}
