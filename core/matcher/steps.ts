/**
 * Work done in small steps: a generator that yields between steps and returns its result. A caller with a time
 * budget (the page scanner) runs a few steps per task; one that has no budget runs them all at once.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step left and returns the result. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
