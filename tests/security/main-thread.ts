/**
 * The extension's own main-thread time in a page, from Chromium's sampling profiler: a sample is ours when a frame
 * of its stack runs a script of the extension (its content scripts, in their isolated world). Consecutive samples of
 * ours make one stretch of work, an approximation of one task (or of several back to back, which only overstates).
 */
import type { ChromiumSession } from '../../scripts/browsers/chromium';
import { samplesOf, type Profile } from '../../scripts/browsers/cpu-profile';


export interface MainThreadFigures {
  /** Milliseconds of samples with an extension frame on the stack. */
  totalMs: number;
  /** The longest unbroken stretch of such samples, in milliseconds. */
  longestMs: number;
  /** How many stretches there were. */
  stretches: number;
  /** The time observed, in milliseconds. */
  observedMs: number;
  /** Of which the main thread was busy at all (anyone's script, style, layout, paint, garbage collection). */
  busyMs: number;
}

const samplingIntervalMicroseconds = 250;

/**
 * Profiles the test tab from now on; each `take()` returns the figures of the time since the last one (the profiler
 * is stopped and started again), `stop()` ends it.
 */
export async function profileExtension(session: ChromiumSession): Promise<{ take(): Promise<MainThreadFigures>; stop(): Promise<void> }> {
  const cdp = await session.context.newCDPSession(session.page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: samplingIntervalMicroseconds });
  await cdp.send('Profiler.start');
  return {
    async take() {
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
      await cdp.send('Profiler.start');
      return figuresOf(profile, `${session.extensionOrigin}/`);
    },
    async stop() {
      await cdp.send('Profiler.stop').catch(() => undefined);
      await cdp.detach().catch(() => undefined);
    },
  };
}

/** Adds up the figures of consecutive windows. */
export function combine(windows: MainThreadFigures[]): MainThreadFigures {
  return {
    totalMs: Math.round(windows.reduce((sum, f) => sum + f.totalMs, 0) * 10) / 10,
    longestMs: Math.max(0, ...windows.map((f) => f.longestMs)),
    stretches: windows.reduce((sum, f) => sum + f.stretches, 0),
    observedMs: Math.round(windows.reduce((sum, f) => sum + f.observedMs, 0) * 10) / 10,
    busyMs: Math.round(windows.reduce((sum, f) => sum + f.busyMs, 0) * 10) / 10,
  };
}

export function figuresOf(profile: Profile, scriptPrefix: string): MainThreadFigures {
  const { byId, isOurs } = samplesOf(profile, scriptPrefix);
  let totalUs = 0;
  let longestUs = 0;
  let currentUs = 0;
  let stretches = 0;
  let observedUs = 0;
  let busyUs = 0;
  profile.samples.forEach((id, index) => {
    const duration = profile.timeDeltas[index + 1] ?? samplingIntervalMicroseconds;
    observedUs += duration;
    if (byId.get(id)?.callFrame.functionName !== '(idle)') busyUs += duration;
    if (isOurs(id)) {
      if (currentUs === 0) stretches++;
      currentUs += duration;
      totalUs += duration;
      longestUs = Math.max(longestUs, currentUs);
    } else {
      currentUs = 0;
    }
  });
  const ms = (us: number) => Math.round(us / 100) / 10;
  return { totalMs: ms(totalUs), longestMs: ms(longestUs), stretches, observedMs: ms(observedUs), busyMs: ms(busyUs) };
}
