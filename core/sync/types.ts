import type { ClockSkew } from '../notes/clock';

/** What a sync run ended with; the manager words each state plainly. */
export type SyncOutcome =
  | {
      state: 'synced';
      at: string;
      uploaded: number;
      downloaded: number;
      conflicts: number;
      clockOffsetMs?: number;
      clockWarning?: boolean;
      /** Devices whose next batch could not be read (a damaged file): their changes wait; the others came in. */
      damagedDevices?: number;
    }
  | { state: 'auth-failed' | 'unreachable' | 'server-error'; message: string }
  | { state: 'needs-passphrase' | 'wrong-passphrase' | 'damaged'; message: string }
  /** The reader chose encryption, and the library in the folder is not encrypted: nothing is sent to it. */
  | { state: 'not-encrypted'; message: string }
  /** Another library (or none) is in the folder where this device synced before: ask before going on. */
  | { state: 'other-library'; message: string }
  /** Applying would delete more than 20 % of the notes: ask before going on. */
  | { state: 'confirm-deletes'; deleting: number; total: number; message: string }
  | { state: 'clock-refused'; message: string }
  /** The browser has not (or no longer) allowed Watchwords to reach the server's address. */
  | { state: 'needs-permission'; message: string };

/** One step of "Test connection", in words the reader can act on. */
export interface ConnectionStep {
  step: 'webdav' | 'folder' | 'missing-file' | 'write' | 'read-back' | 'delete';
  ok: boolean;
  message: string;
}

export interface ConnectionReport {
  ok: boolean;
  steps: ConnectionStep[];
  /** The folder does not exist (yet): the manager can offer to create it. */
  folderMissing?: boolean;
  /** The server's clock against this device's (a warning past two minutes). */
  clock?: ClockSkew;
}

/** What pages are told about sync: never the password or the key. */
export interface SyncStatus {
  configured: boolean;
  url?: string;
  username?: string;
  encrypted?: boolean;
  running: boolean;
  /** The latest run's outcome, with when it ended. */
  last?: SyncOutcome & { finishedAt: string };
}
