import type { TabHandlers } from '../../core/protocol/tab';

/**
 * One lifecycle for every content-script feature (../../shared/design.md, "Content-script features"): a feature is
 * a module with one `start(context)` that returns what it adds (card buttons, answers to tab requests) and tears
 * itself down when its activation's signal aborts. The signal is `AbortSignal.any([script, activation])`: the
 * script's (the extension went away) or this activation's (a single-page app moved to a new address, the settings
 * changed): then every feature starts again, for the new page, and nothing of the old one is left listening.
 */
export interface Feature<Context, Adds> {
  /** What the reader sees, e.g. 'hover' or 'page notes' (for errors). */
  name: string;
  start(context: Context & { signal: AbortSignal }): Adds | void;
}

/** What features add that the lifecycle gathers for others: tab requests they answer, card buttons. */
export interface Contributions<CardAction> {
  tabHandlers?: Partial<TabHandlers>;
  cardActions?: CardAction[];
}

export interface Activation<CardAction> {
  signal: AbortSignal;
  tabHandlers: Partial<TabHandlers>;
  cardActions: CardAction[];
}

/**
 * Runs `features` in order for one activation at a time. `restart()` aborts the running activation (every
 * feature's listeners, timers and observers go with its signal) and starts them all again with a fresh context.
 * A feature that throws is reported and skipped; the others still run.
 */
export function createLifecycle<Context, CardAction>(options: {
  features: readonly Feature<Context, Contributions<CardAction>>[];
  script: AbortSignal;
  /** The context of a new activation (settings, the page's address and state as they are now). */
  context(): Context;
  onError?(feature: string, error: unknown): void;
}) {
  let controller: AbortController | undefined;
  let current: Activation<CardAction> | undefined;
  let count = 0;

  const restart = (): Activation<CardAction> | undefined => {
    controller?.abort();
    current = undefined;
    if (options.script.aborted) return undefined;
    controller = new AbortController();
    const signal = AbortSignal.any([options.script, controller.signal]);
    const activation: Activation<CardAction> = { signal, tabHandlers: {}, cardActions: [] };
    current = activation;
    count++;
    const context = { ...options.context(), signal };
    for (const feature of options.features) {
      if (signal.aborted) break;
      try {
        const adds = feature.start(context);
        if (adds?.tabHandlers) Object.assign(activation.tabHandlers, adds.tabHandlers);
        if (adds?.cardActions) activation.cardActions.push(...adds.cardActions);
      } catch (error) {
        options.onError?.(feature.name, error);
      }
    }
    return activation;
  };
  options.script.addEventListener('abort', () => {
    controller?.abort();
    current = undefined;
  });

  return {
    restart,
    /** The running activation, if any. */
    get current() {
      return current;
    },
    /** How many activations have started (for tests and measurements). */
    get activations() {
      return count;
    },
  };
}
