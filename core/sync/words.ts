import type { SyncOutcome, SyncStatus } from './types';

/** "3 minutes ago", from two times in milliseconds. */
export function timeAgo(then: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  if (seconds < 60) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  const days = Math.round(hours / 24);
  return `${days} day${days === 1 ? '' : 's'} ago`;
}

/** What the manager says about sync, in plain words: the state first, then anything the reader should know. */
export function describeSync(status: SyncStatus, now: number): string[] {
  if (!status.configured) return ['Sync is off. Set up a WebDAV server (Nextcloud, ownCloud, Synology…) to keep your notes the same on your devices.'];
  if (status.running) return ['Syncing…'];
  const last = status.last;
  if (!last) return ['Not synced yet.'];
  return describeOutcome(last, Date.parse(last.finishedAt), now);
}

export function describeOutcome(outcome: SyncOutcome, at: number, now: number): string[] {
  switch (outcome.state) {
    case 'synced': {
      const lines = [`Last synced ${timeAgo(at, now)}.`];
      if (outcome.conflicts) lines.push(`${outcome.conflicts} note${outcome.conflicts === 1 ? ' was' : 's were'} changed on two devices at once: both versions are kept (tagged “conflict”).`);
      if (outcome.damagedDevices) lines.push(`Changes from ${outcome.damagedDevices === 1 ? 'one device' : `${outcome.damagedDevices} devices`} could not be read: a file on the server is damaged. Nothing here was changed by it; Watchwords will try again.`);
      if (outcome.clockWarning && outcome.clockOffsetMs !== undefined) {
        const minutes = Math.round(Math.abs(outcome.clockOffsetMs) / 60_000);
        lines.push(`This device's clock is about ${minutes} minutes ${outcome.clockOffsetMs > 0 ? 'behind' : 'ahead of'} the server's; set it right so edits are ordered correctly.`);
      }
      return lines;
    }
    case 'auth-failed':
      return ['The server refused the user name or app password. Check them, or make a new app password.'];
    case 'unreachable':
      return [`The server could not be reached ${timeAgo(at, now)}. Watchwords will try again.`];
    default:
      return [outcome.message];
  }
}

/** The host permission pattern for a server address (match patterns have no port), or undefined if it is not one. */
export function serverPattern(url: string): string | undefined {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' ? `${protocol}//${hostname}/*` : undefined;
  } catch {
    return undefined;
  }
}
