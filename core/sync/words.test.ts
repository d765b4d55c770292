import { describe, expect, test } from 'vitest';
import { describeSync, serverPattern, timeAgo } from './words';

const now = Date.parse('2026-11-01T12:00:00Z');
const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();

describe('sync status in plain words', () => {
  test('each state', () => {
    expect(describeSync({ configured: false, running: false }, now)[0]).toMatch(/^Sync is off/);
    expect(describeSync({ configured: true, running: true }, now)).toEqual(['Syncing…']);
    expect(describeSync({ configured: true, running: false, last: { state: 'synced', at: at(3), uploaded: 1, downloaded: 2, conflicts: 0, finishedAt: at(3) } }, now)).toEqual(['Last synced 3 minutes ago.']);
    expect(describeSync({ configured: true, running: false, last: { state: 'synced', at: at(0), uploaded: 1, downloaded: 2, conflicts: 2, clockOffsetMs: 180_000, clockWarning: true, finishedAt: at(0) } }, now)).toEqual([
      'Last synced just now.',
      '2 notes were changed on two devices at once: both versions are kept (tagged “conflict”).',
      "This device's clock is about 3 minutes behind the server's; set it right so edits are ordered correctly.",
    ]);
    expect(describeSync({ configured: true, running: false, last: { state: 'auth-failed', message: 'x', finishedAt: at(1) } }, now)[0]).toMatch(/refused the user name/);
    expect(describeSync({ configured: true, running: false, last: { state: 'unreachable', message: 'x', finishedAt: at(120) } }, now)).toEqual(['The server could not be reached 2 hours ago. Watchwords will try again.']);
    expect(timeAgo(now - 3 * 86_400_000, now)).toBe('3 days ago');
    expect(describeSync({ configured: true, running: false, last: { state: 'synced', at: at(0), uploaded: 0, downloaded: 0, conflicts: 0, damagedDevices: 1, finishedAt: at(0) } }, now)[1]).toMatch(/^Changes from one device could not be read/);
  });
});

test('the host permission pattern of a server: no port, http or https only', () => {
  expect(serverPattern('https://cloud.example:8443/remote.php/dav/')).toBe('https://cloud.example/*');
  expect(serverPattern('http://127.0.0.1:8080/x/')).toBe('http://127.0.0.1/*');
  expect(serverPattern('ftp://x/')).toBeUndefined();
  expect(serverPattern('nonsense')).toBeUndefined();
});
