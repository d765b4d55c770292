import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ClockError, formatStamp, parseStamp, receive, serverClockSkew, startClock, tick } from './clock';

const t0 = Date.parse('2026-11-01T10:00:00Z');

describe('hybrid logical clock', () => {
  test('stamps sort like the clock and read back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4e12 }), fc.nat(0xffff), fc.integer({ min: 0, max: 4e12 }), fc.nat(0xffff), (w1, c1, w2, c2) => {
        const a = formatStamp({ wall: w1, counter: c1, device: 'dev-a' });
        const b = formatStamp({ wall: w2, counter: c2, device: 'dev-a' });
        expect(Math.sign(a.localeCompare(b, 'en'))).toBe(Math.sign(w1 - w2 || c1 - c2));
        expect(a < b).toBe(w1 < w2 || (w1 === w2 && c1 < c2));
        expect(parseStamp(a)).toEqual({ wall: w1, counter: c1, device: 'dev-a' });
      }),
      { numRuns: 1000 },
    );
  });

  test('never runs backwards on one device, even when the wall clock does', () => {
    let clock = startClock('dev-a');
    const seen: string[] = [];
    for (const now of [t0, t0, t0 - 5000, t0 + 1, t0 - 60_000]) {
      clock = tick(clock, now);
      seen.push(formatStamp(clock));
    }
    expect([...seen].sort()).toEqual(seen);
    expect(new Set(seen).size).toBe(seen.length);
  });

  test('a received stamp pushes the next local one after it', () => {
    const local = tick(startClock('dev-a'), t0);
    const remote = { wall: t0 + 90_000, counter: 3, device: 'dev-b' };
    const after = tick(receive(local, remote, t0), t0);
    expect(formatStamp(after) > formatStamp(remote)).toBe(true);
    expect(after.device).toBe('dev-a');
  });

  test('a stamp more than 24 hours ahead is refused', () => {
    const local = tick(startClock('dev-a'), t0);
    expect(() => receive(local, { wall: t0 + 24 * 3600_000 + 1, counter: 0, device: 'dev-b' }, t0)).toThrow(ClockError);
    expect(() => receive(local, { wall: t0 + 24 * 3600_000 - 1, counter: 0, device: 'dev-b' }, t0)).not.toThrow();
  });

  test('device ids must be safe for stamps and file names', () => {
    expect(() => startClock('a/b')).toThrow(ClockError);
    expect(() => formatStamp({ wall: t0, counter: 0, device: '' })).toThrow(ClockError);
  });

  test('server clock compared through the Date header: within a second is no difference, past two minutes warns', () => {
    const sent = t0;
    const received = t0 + 200;
    expect(serverClockSkew(new Date(t0).toUTCString(), sent, received)).toEqual({ offsetMs: 0, warn: false });
    const ahead = serverClockSkew(new Date(t0 + 3 * 60_000).toUTCString(), sent, received)!;
    expect(ahead.warn).toBe(true);
    expect(ahead.offsetMs).toBeGreaterThan(2 * 60_000);
    expect(ahead.offsetMs).toBeLessThanOrEqual(3 * 60_000 + 1000);
    const behind = serverClockSkew(new Date(t0 - 60_000).toUTCString(), sent, received)!;
    expect(behind).toMatchObject({ warn: false });
    expect(behind.offsetMs).toBeLessThan(-58_000);
    expect(serverClockSkew(null, sent, received)).toBeUndefined();
    expect(serverClockSkew('not a date', sent, received)).toBeUndefined();
  });
});
