import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createLifecycle, type Feature, type Contributions } from './lifecycle';
import { createRestartThrottle, pageOfAddress, restartLimits, type Clock } from './navigation';

/** An event target that counts its listeners, as `getEventListeners` would in a browser. */
class CountingTarget extends EventTarget {
  listeners = 0;
  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: AddEventListenerOptions | boolean) {
    super.addEventListener(type, listener, options);
    this.listeners++;
    const signal = typeof options === 'object' ? options.signal : undefined;
    signal?.addEventListener('abort', () => this.listeners--, { once: true });
  }
}

type Context = { page: string; target: CountingTarget; seen: string[] };

const listening: Feature<Context, Contributions<string>> = {
  name: 'listening',
  start({ target, signal, page, seen }) {
    target.addEventListener('pointermove', () => seen.push(page), { signal });
    target.addEventListener('keydown', () => seen.push(page), { signal });
    return { cardActions: [`action on ${page}`], tabHandlers: { 'page.announce': () => ({ total: page.length }) } };
  },
};

describe('the content features\' lifecycle', () => {
  test('every restart tears the last activation down first: listeners never pile up, and only the new page answers', () => {
    const target = new CountingTarget();
    const script = new AbortController();
    const seen: string[] = [];
    let page = 'first';
    const lifecycle = createLifecycle<Context, string>({ features: [listening], script: script.signal, context: () => ({ page, target, seen }) });
    lifecycle.restart();
    expect(target.listeners).toBe(2);
    for (const next of ['second', 'third', 'fourth']) {
      page = next;
      lifecycle.restart();
    }
    expect(target.listeners).toBe(2);
    target.dispatchEvent(new Event('pointermove'));
    expect(seen).toEqual(['fourth']);
    expect(lifecycle.current?.cardActions).toEqual(['action on fourth']);
    expect(lifecycle.activations).toBe(4);
    script.abort();
    expect(target.listeners).toBe(0);
    expect(lifecycle.current).toBeUndefined();
    expect(lifecycle.restart()).toBeUndefined();
  });

  test('a feature that throws is reported; the others still start', () => {
    const errors: string[] = [];
    const broken: Feature<Context, Contributions<string>> = { name: 'broken', start: () => { throw new Error('no'); } };
    const lifecycle = createLifecycle<Context, string>({
      features: [broken, listening],
      script: new AbortController().signal,
      context: () => ({ page: 'p', target: new CountingTarget(), seen: [] }),
      onError: (name) => errors.push(name),
    });
    expect(lifecycle.restart()?.cardActions).toEqual(['action on p']);
    expect(errors).toEqual(['broken']);
  });
});

/** A clock whose time only moves when the test says. */
function fakeClock() {
  let now = 0;
  let timers: { at: number; run: () => void; id: number }[] = [];
  let next = 1;
  const clock: Clock = {
    now: () => now,
    setTimeout: (run, ms) => {
      const id = next++;
      timers.push({ at: now + ms, run, id });
      return id;
    },
    clearTimeout: (id) => (timers = timers.filter((timer) => timer.id !== id)),
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = timers.filter((timer) => timer.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      timers = timers.filter((timer) => timer !== due);
      now = due.at;
      due.run();
    }
    now = end;
  };
  return { clock, advance };
}

describe('restarts after navigations', () => {
  test('a burst of address changes costs one restart, after the address settles', () => {
    const { clock, advance } = fakeClock();
    let runs = 0;
    const throttle = createRestartThrottle(() => runs++, clock);
    for (let i = 0; i < 5; i++) {
      throttle.request();
      advance(10);
    }
    advance(restartLimits.settleMs);
    expect(runs).toBe(1);
  });

  test('a page changing its address every 100 ms forever gets ever rarer restarts, at most one per 30 s in the end', () => {
    const { clock, advance } = fakeClock();
    const at: number[] = [];
    const throttle = createRestartThrottle(() => at.push(clock.now()), clock);
    for (let t = 0; t < 300_000; t += 100) {
      throttle.request();
      advance(100);
    }
    // Bounded: a handful in the first minute, then one every 30 s.
    expect(at.length).toBeLessThan(20);
    const gaps = at.slice(1).map((time, i) => time - at[i]!);
    expect(gaps.every((gap, i) => i === 0 || gap >= gaps[i - 1]!)).toBe(true);
    expect(gaps.at(-1)).toBe(restartLimits.maxGapMs);
  });

  test('a reader clicking through a single-page app every few seconds waits only the settling time each time', () => {
    const { clock, advance } = fakeClock();
    const at: number[] = [];
    const throttle = createRestartThrottle(() => at.push(clock.now()), clock);
    for (let i = 0; i < 5; i++) {
      throttle.request();
      advance(6000);
    }
    expect(at).toEqual([0, 1, 2, 3, 4].map((i) => i * 6000 + restartLimits.settleMs));
  });

  test('property: whatever the pattern of requests, restarts never come closer than the settling time, and every request is followed by one', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 8000 }), { minLength: 1, maxLength: 60 }), (waits) => {
        const { clock, advance } = fakeClock();
        const at: number[] = [];
        const throttle = createRestartThrottle(() => at.push(clock.now()), clock);
        let lastRequest = 0;
        for (const wait of waits) {
          throttle.request();
          lastRequest = clock.now();
          advance(wait);
        }
        advance(restartLimits.maxGapMs + restartLimits.settleMs);
        const gaps = at.slice(1).map((time, i) => time - at[i]!);
        return gaps.every((gap) => gap >= restartLimits.settleMs) && at.at(-1)! >= lastRequest;
      }),
    );
  });

  test('only a change of page counts, not of fragment', () => {
    expect(pageOfAddress('https://news.example/a?b=1#top')).toBe('https://news.example/a?b=1');
    expect(pageOfAddress('https://news.example/a')).toBe(pageOfAddress('https://news.example/a#section-2'));
  });
});
