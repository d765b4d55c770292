import type { CDPSession } from 'playwright-core';

/**
 * Chromium performance traces for the benchmark: every main-thread task of the page's renderer, with the CPU
 * samples taken during it, so that the work of the extension can be told from the page's own, task by task.
 */
export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: Record<string, unknown> & { data?: Record<string, unknown> };
}

const categories = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'loading',
  'disabled-by-default-v8.cpu_profiler',
];

/** Starts tracing; the returned function stops it and resolves with every event. */
export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  const collect = (data: { value: object[] }) => {
    events.push(...(data.value as TraceEvent[]));
  };
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: categories, recordMode: 'recordAsMuchAsPossible' } } as never);
  return async () => {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
    return events;
  };
}

/** A stretch of main-thread time spent on the extension's behalf, in ms on the trace's clock. */
export interface ExtensionWork {
  start: number;
  duration: number;
  /** What it was: the extension call that started the task, 'microtasks', or 'style recalculation'. */
  what: string;
}

/** The names of the extension's calls in a trace, as the bench's breakdown shows them. */
const callNames: Record<string, string> = {
  EvaluateScript: 'script evaluation',
  FireIdleCallback: 'idle callback',
  TimerFire: 'timer',
  FunctionCall: 'callback',
};

export interface PageTrace {
  /** When the page's DOMContentLoaded event began (ms, trace clock). */
  domContentLoaded: number | undefined;
  navigationStart: number | undefined;
  /** Tasks that ran extension code (a callback of its script, or a microtask checkpoint that sampled in it). */
  work: ExtensionWork[];
  /** CPU time sampled with extension code anywhere on the stack, per sample interval (ms). */
  samples: { time: number; interval: number }[];
  /** The evaluation of the content script itself (ms), when it happened in this trace. */
  scriptEvaluation: number | undefined;
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { url?: string };
}

/**
 * Reads a trace of one tab: finds its renderer's main thread (the one that evaluated the content script, or the
 * one that navigated to `pageUrl`, or the one that made the performance mark `mark`), then the extension's tasks on it. A task counts whole when it was started for
 * the extension (an idle callback, timer, or message of its script) or ran one of its callbacks; in other tasks only the microtask
 * checkpoints in which extension code was sampled count (promise continuations, mutation observers); and a style
 * recalculation scheduled during the extension's work counts whole where it runs.
 */
export function readPageTrace(events: TraceEvent[], extensionOrigin: string, pageUrl: string, mark?: string, options: { renderingAfter?: boolean } = {}): PageTrace {
  const isExtension = (url: unknown) => typeof url === 'string' && url.startsWith(extensionOrigin);
  const navigation = events.find((e) => e.name === 'navigationStart' && String(e.args?.data?.documentLoaderURL ?? '').startsWith(pageUrl));
  // The content script's evaluation (the card's frame is extension code too, and may share the page's process).
  const evaluation = events.find((e) => e.name === 'EvaluateScript' && isExtension(e.args?.data?.url) && String(e.args?.data?.url).includes('/content-scripts/') && (!navigation || e.pid === navigation.pid));
  // A page already loaded: its main thread is where the page's own performance mark was made.
  const marked = mark === undefined ? undefined : events.find((e) => e.name === mark);
  const main = navigation ?? evaluation ?? marked;
  if (!main) return { domContentLoaded: undefined, navigationStart: undefined, work: [], samples: [], scriptEvaluation: undefined };
  const { pid, tid } = main;
  const onMain = events.filter((e) => e.pid === pid && e.tid === tid);
  // The page's own DOMContentLoaded: the frame's first, empty document fires one too, after the navigation starts.
  // A content script evaluated at document_start comes before the page's (the first one after it); one evaluated
  // at document_idle comes after it (the last one before it).
  const loaded = onMain.filter((e) => e.name === 'domContentLoadedEventStart' && e.ts >= (navigation?.ts ?? 0));
  const evaluated = evaluation?.pid === pid && evaluation.tid === tid ? evaluation.ts : undefined;
  const domContentLoaded = evaluated === undefined ? loaded.at(-1) : (loaded.find((e) => e.ts >= evaluated) ?? loaded.filter((e) => e.ts < evaluated).at(-1));

  // CPU samples of the main thread's isolate: the profile started on the main thread, its chunks come from the
  // sampler thread with the same id.
  const profile = events.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
  const samples: { time: number; interval: number; extension: boolean }[] = [];
  if (profile) {
    const nodes = new Map<number, ProfileNode>();
    const inExtension = new Map<number, boolean>();
    const extensionNode = (id: number): boolean => {
      const known = inExtension.get(id);
      if (known !== undefined) return known;
      const node = nodes.get(id);
      const value = !!node && (isExtension(node.callFrame.url) || (node.parent !== undefined && extensionNode(node.parent)));
      inExtension.set(id, value);
      return value;
    };
    let time = (profile.args?.data as { startTime: number }).startTime;
    for (const chunk of events) {
      if (chunk.name !== 'ProfileChunk' || chunk.pid !== pid || chunk.id !== profile.id) continue;
      const data = chunk.args!.data as { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] };
      for (const node of data.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
      const ids = data.cpuProfile?.samples ?? [];
      const deltas = data.timeDeltas ?? [];
      for (let i = 0; i < ids.length; i++) {
        time += deltas[i] ?? 0;
        samples.push({ time, interval: deltas[i + 1] ?? deltas[i] ?? 0, extension: extensionNode(ids[i]!) });
      }
    }
  }
  const extensionSamples = samples.filter((sample) => sample.extension);
  const sampledIn = (start: number, end: number) => extensionSamples.some((sample) => sample.time >= start && sample.time <= end);

  const calls = onMain.filter((e) => (e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'TimerFire' || e.name === 'FireIdleCallback') && isExtension(e.args?.data?.url));
  // The main thread's tasks, outermost only (a promise continuation of an extension API call runs in a 'RunTask'
  // with no 'ThreadControllerImpl::RunTask' in it).
  const tasks: TraceEvent[] = [];
  for (const task of onMain.filter((e) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)) {
    const outer = tasks.at(-1);
    if (outer && task.ts >= outer.ts && task.ts + task.dur! <= outer.ts + outer.dur!) continue;
    tasks.push(task);
  }
  const checkpoints = onMain.filter((e) => e.ph === 'X' && e.name === 'BlinkScheduler_PerformMicrotaskCheckpoint' && e.dur !== undefined);
  const postTasks = onMain.filter((e) => e.name === 'RunPostTaskCallback');
  const work: ExtensionWork[] = [];
  for (const task of tasks) {
    const end = task.ts + task.dur!;
    const call = calls.find((call) => call.ts >= task.ts && call.ts <= end);
    if (call) {
      const posted = postTasks.some((e) => e.ts >= task.ts && e.ts <= end);
      work.push({ start: task.ts / 1000, duration: task.dur! / 1000, what: posted ? 'posted task' : (callNames[call.name] ?? call.name) });
      continue;
    }
    for (const checkpoint of checkpoints) {
      if (checkpoint.ts < task.ts || checkpoint.ts > end) continue;
      if (sampledIn(checkpoint.ts, checkpoint.ts + checkpoint.dur!)) work.push({ start: checkpoint.ts / 1000, duration: checkpoint.dur! / 1000, what: 'microtasks' });
    }
  }
  // The page's rendering right after a task of the extension (within 100 ms, before the extension's next task):
  // what the extension changed (highlights added, its style sheet) is painted then, and after the page has loaded
  // nothing else would render. Counted whole (this errs against the extension). Not after microtasks the extension
  // ran inside the page's own tasks (a mutation observer): the rendering that follows is the page's change.
  const rendering = new Set(onMain.filter((e) => e.name === 'PrePaint' || e.name === 'UpdateLayoutTree' || e.name === 'Paint').map((e) => e.ts));
  const renderingTasks = tasks.filter((task) => [...rendering].some((ts) => ts >= task.ts && ts <= task.ts + task.dur!));
  // Only on a page that changes nothing itself (`renderingAfter`, the default): where the page changes its own
  // content, the rendering after our task may be the page's own change (the bench's appended paragraph).
  const started = options.renderingAfter === false ? [] : work.filter((w) => w.what !== 'microtasks');
  for (const [i, w] of started.entries()) {
    const end = w.start + w.duration;
    const next = started[i + 1]?.start ?? Infinity;
    const render = renderingTasks.find((task) => task.ts / 1000 >= end && task.ts / 1000 <= Math.min(next, end + 100));
    if (render) work.push({ start: render.ts / 1000, duration: render.dur! / 1000, what: 'rendering after it' });
  }
  // A style recalculation that the extension scheduled (its style sheet's `::highlight()` rules make the browser
  // recompute the style of every element) runs later, in the page's rendering: it counts as the extension's work.
  // Counted whole, even when the page changed styles in between too (this errs against the extension).
  const recalcs = onMain.filter((e) => e.ph === 'X' && e.name === 'UpdateLayoutTree' && e.dur !== undefined);
  const counted = (ts: number) => work.some((w) => ts / 1000 >= w.start && ts / 1000 <= w.start + w.duration);
  const ownRecalcs = new Set<TraceEvent>();
  for (const scheduled of onMain) {
    if (scheduled.name !== 'ScheduleStyleRecalculation' || !counted(scheduled.ts)) continue;
    const recalc = recalcs.find((e) => e.ts >= scheduled.ts);
    if (recalc && !counted(recalc.ts)) ownRecalcs.add(recalc);
  }
  for (const recalc of ownRecalcs) work.push({ start: recalc.ts / 1000, duration: recalc.dur! / 1000, what: 'style recalculation' });
  work.sort((a, b) => a.start - b.start);
  return {
    domContentLoaded: domContentLoaded && domContentLoaded.ts / 1000,
    navigationStart: navigation && navigation.ts / 1000,
    work,
    samples: extensionSamples.map(({ time, interval }) => ({ time: time / 1000, interval: interval / 1000 })),
    scriptEvaluation: evaluation?.dur !== undefined ? evaluation.dur / 1000 : undefined,
  };
}

/** The extension's work that started within [from, to] (ms, trace clock). */
export function workBetween(trace: PageTrace, from: number, to: number): ExtensionWork[] {
  return trace.work.filter((work) => work.start >= from && work.start <= to);
}
