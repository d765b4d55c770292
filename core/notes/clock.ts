/**
 * A hybrid logical clock (HLC): wall time in milliseconds, a counter for events within the same millisecond (or
 * while the wall clock lags behind a time already seen), and the device that made the event. Stamps order every
 * change across devices even when their clocks disagree, and never run backwards on one device.
 *
 * A stamp is written as one string that sorts like the clock: `2026-11-01T10:00:00.000Z-0000-<device>`, so
 * comparing two stamps is comparing two strings.
 */

export interface Hlc {
  wall: number;
  counter: number;
  device: string;
}

/** A remote stamp further ahead of this device's clock than this is refused (a wrong clock, or a forged file). */
export const maxClockLeadMs = 24 * 60 * 60 * 1000;
/** Past this difference between the device's clock and the server's, the reader is warned. */
export const clockWarningMs = 2 * 60 * 1000;
const maxCounter = 0xffff;

/** Device ids go into stamps and into file names on the sync server: letters, digits, `_` and `-`. */
export const devicePattern = /^[A-Za-z0-9_-]{1,64}$/;
export const stampPattern = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-f]{4})-([A-Za-z0-9_-]{1,64})$/;

export class ClockError extends Error {
  override name = 'ClockError';
}

export function formatStamp({ wall, counter, device }: Hlc): string {
  if (!devicePattern.test(device)) throw new ClockError(`Not a device id: ${JSON.stringify(device)}`);
  if (!Number.isInteger(counter) || counter < 0 || counter > maxCounter) throw new ClockError('The clock counter is out of range.');
  if (!Number.isFinite(wall) || wall < 0 || wall > 253402300799999) throw new ClockError('The clock time is out of range.');
  return `${new Date(wall).toISOString()}-${counter.toString(16).padStart(4, '0')}-${device}`;
}

export function parseStamp(stamp: string): Hlc | undefined {
  const match = stampPattern.exec(stamp);
  if (!match) return undefined;
  const wall = Date.parse(match[1]!);
  if (Number.isNaN(wall)) return undefined;
  return { wall, counter: parseInt(match[2]!, 16), device: match[3]! };
}

export function isStamp(stamp: string): boolean {
  return parseStamp(stamp) !== undefined;
}

export function stampDevice(stamp: string): string {
  return stamp.slice(30);
}

export function stampTime(stamp: string): number {
  return Date.parse(stamp.slice(0, 24));
}

/** A stamp's wall time as an ISO date. */
export function stampIso(stamp: string): string {
  return stamp.slice(0, 24);
}

/** Turns any text into a valid device id (for ids of notes exported before devices had to be file-name safe). */
export function safeDeviceId(text: string): string {
  const safe = text.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64);
  return safe || 'unknown';
}

/** The clock of a device that has seen nothing yet. */
export function startClock(device: string): Hlc {
  if (!devicePattern.test(device)) throw new ClockError(`Not a device id: ${JSON.stringify(device)}`);
  return { wall: 0, counter: 0, device };
}

/** The stamp for a local event: never behind the wall clock, always after every stamp this device made or saw. */
export function tick(clock: Hlc, now: number): Hlc {
  const wall = Math.max(clock.wall, now);
  const counter = wall === clock.wall ? clock.counter + 1 : 0;
  if (counter > maxCounter) throw new ClockError('Too many changes in one millisecond.');
  return { wall, counter, device: clock.device };
}

/**
 * Takes in a stamp from another device, so that the next local stamp comes after it. A stamp more than 24 hours
 * ahead of this device's clock is refused with a ClockError: accepting it would pin every later change behind it.
 */
export function receive(clock: Hlc, remote: Hlc, now: number): Hlc {
  if (remote.wall - now > maxClockLeadMs) {
    throw new ClockError(`A change is dated ${new Date(remote.wall).toISOString()}, more than 24 hours ahead of this device's clock; it was not applied.`);
  }
  const wall = Math.max(clock.wall, remote.wall, now);
  let counter: number;
  if (wall === clock.wall && wall === remote.wall) counter = Math.max(clock.counter, remote.counter) + 1;
  else if (wall === clock.wall) counter = clock.counter + 1;
  else if (wall === remote.wall) counter = remote.counter + 1;
  else counter = 0;
  if (counter > maxCounter) throw new ClockError('Too many changes in one millisecond.');
  return { wall, counter, device: clock.device };
}

/** Takes in every stamp of a batch; refuses the whole batch if any is too far ahead. */
export function receiveAll(clock: Hlc, stamps: Iterable<string>, now: number): Hlc {
  let latest: string | undefined;
  for (const stamp of stamps) if (latest === undefined || stamp > latest) latest = stamp;
  const parsed = latest === undefined ? undefined : parseStamp(latest);
  return parsed ? receive(clock, parsed, now) : clock;
}

export interface ClockSkew {
  /** The server's clock minus this device's, in milliseconds (positive: the server is ahead). */
  offsetMs: number;
  /** True past two minutes: changes made here may be ordered wrongly against other devices'. */
  warn: boolean;
}

/**
 * Compares this device's clock with a server's, from the HTTP `Date` header of a response. The header has whole
 * seconds, and the server stamped it somewhere between sending the request and receiving the answer, so the
 * offset is measured from the middle of that interval and a difference within the uncertainty counts as none.
 */
export function serverClockSkew(dateHeader: string | null | undefined, sentAt: number, receivedAt: number): ClockSkew | undefined {
  if (!dateHeader) return undefined;
  const server = Date.parse(dateHeader);
  if (Number.isNaN(server)) return undefined;
  const middle = (sentAt + receivedAt) / 2;
  const uncertainty = (receivedAt - sentAt) / 2 + 1000;
  const raw = server + 500 - middle; // the header truncates to the second: on average half a second behind
  const offsetMs = Math.abs(raw) <= uncertainty ? 0 : Math.round(raw - Math.sign(raw) * uncertainty);
  return { offsetMs, warn: Math.abs(offsetMs) > clockWarningMs };
}
