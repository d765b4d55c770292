import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { exportFormatIds, exportFormatLabels, type BackupInfo, type ImportSummary } from '../../core/exchange/messages';
import type { ExportFormat } from '../../core/exchange/types';
import type { ConnectionReport, SyncOutcome, SyncStatus } from '../../core/sync/types';
import { describeOutcome, describeSync } from '../../core/sync/words';
import { downloadExport } from '../../lib/download';
import { askBackground } from '../../lib/messaging';
import { serverPattern } from '../../core/sync/words';

/**
 * Export, import and sync, in the notes manager. Everything goes through the background (the one writer of
 * notes and the keeper of the sync password); this page only asks and shows answers.
 */
export function LibraryPanel({ shownIds, filtered }: { shownIds: readonly string[]; filtered: boolean }) {
  return (
    <section className="library-panel" aria-label="Export, import and sync">
      <ExportSection shownIds={shownIds} filtered={filtered} />
      <ImportSection />
      <SyncSection />
    </section>
  );
}

const failure = (error: unknown) => (error as Error)?.message ?? String(error);

function ExportSection({ shownIds, filtered }: { shownIds: readonly string[]; filtered: boolean }) {
  const id = useId();
  const [format, setFormat] = useState<ExportFormat['id']>('watchwords-json');
  const [scope, setScope] = useState<'all' | 'shown'>('all');
  const [message, setMessage] = useState<string>();
  const run = async () => {
    setMessage('Exporting…');
    try {
      await downloadExport(format, scope === 'shown' && filtered ? [...shownIds] : undefined);
      setMessage('Exported.');
    } catch (error) {
      setMessage(failure(error));
    }
  };
  return (
    <div className="library-section">
      <h2>Export</h2>
      <label htmlFor={`${id}-format`}>Format</label>
      <select id={`${id}-format`} value={format} onChange={(e) => setFormat(e.target.value as ExportFormat['id'])}>
        {exportFormatIds.map((f) => (
          <option key={f} value={f}>
            {exportFormatLabels[f]}
          </option>
        ))}
      </select>
      {filtered && (
        <fieldset className="library-scope">
          <legend>Which notes</legend>
          <label>
            <input type="radio" name={`${id}-scope`} checked={scope === 'all'} onChange={() => setScope('all')} /> All notes
          </label>
          <label>
            <input type="radio" name={`${id}-scope`} checked={scope === 'shown'} onChange={() => setScope('shown')} /> The {shownIds.length} notes shown
          </label>
        </fieldset>
      )}
      <button type="button" className="button" onClick={() => void run()}>
        Export
      </button>
      {message && <p role="status">{message}</p>}
    </div>
  );
}

function ImportSection() {
  const id = useId();
  const [file, setFile] = useState<{ name: string; text: string }>();
  const [plan, setPlan] = useState<ImportSummary>();
  const [message, setMessage] = useState<string>();
  const [backups, setBackups] = useState<BackupInfo[]>([]);
  const loadBackups = useCallback(() => void askBackground({ type: 'notes.backups' }).then(({ backups }) => setBackups(backups), () => undefined), []);
  useEffect(loadBackups, [loadBackups]);

  const choose = async (chosen: File | undefined) => {
    setPlan(undefined);
    setFile(undefined);
    if (!chosen) return;
    setMessage('Reading the file…');
    try {
      const text = await chosen.text();
      const summary = await askBackground({ type: 'notes.import.plan', text });
      setFile({ name: chosen.name, text });
      setPlan(summary);
      setMessage(undefined);
    } catch (error) {
      setMessage(failure(error));
    }
  };
  const apply = async () => {
    if (!file) return;
    setMessage('Importing…');
    try {
      const done = await askBackground({ type: 'notes.import.apply', text: file.text });
      setMessage(`Imported: ${done.summary} A backup of your notes as they were was taken first.`);
      setPlan(undefined);
      setFile(undefined);
      loadBackups();
    } catch (error) {
      setMessage(failure(error));
    }
  };
  const restore = async (backup: BackupInfo) => {
    if (!confirm(`Put your notes back as they were on ${new Date(backup.createdAt).toLocaleString()}? Notes added or changed since then on this device are replaced.`)) return;
    try {
      const { count } = await askBackground({ type: 'notes.backups.restore', id: backup.id });
      setMessage(`Restored: ${count} notes.`);
    } catch (error) {
      setMessage(failure(error));
    }
  };
  return (
    <div className="library-section">
      <h2>Import</h2>
      <label htmlFor={`${id}-file`}>A Watchwords export (any version) or W3C Web Annotations</label>
      <input id={`${id}-file`} type="file" accept=".json,.jsonld,application/json,application/ld+json" onChange={(e) => void choose(e.target.files?.[0])} />
      {plan && (
        <div className="import-plan">
          <p>
            {file?.name}: {plan.summary}
          </p>
          {plan.rejected.length > 0 && (
            <ul>
              {plan.rejected.slice(0, 5).map((r) => (
                <li key={r.index}>
                  Note {r.index}: {r.reason}
                </li>
              ))}
            </ul>
          )}
          <button type="button" className="button button-primary" onClick={() => void apply()} disabled={plan.counts.added + plan.counts.updated + plan.counts.conflicting === 0}>
            Import
          </button>{' '}
          <button type="button" className="button" onClick={() => (setPlan(undefined), setFile(undefined))}>
            Cancel
          </button>
        </div>
      )}
      {message && <p role="status">{message}</p>}
      {backups.length > 0 && (
        <details>
          <summary>Backups ({backups.length})</summary>
          <ul className="backups">
            {backups.map((b) => (
              <li key={b.id}>
                {new Date(b.createdAt).toLocaleString()}, before {b.reason === 'import' ? 'an import' : b.reason === 'first-sync' ? 'the first sync' : 'a change'}: {b.noteCount} notes{' '}
                <button type="button" className="button button-small" onClick={() => void restore(b)}>
                  Restore
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

/** Asks the browser to let Watchwords reach the server (only that origin), from the reader's click. */
async function allowServer(url: string): Promise<boolean> {
  const origins = [serverPattern(url)].filter((p): p is string => !!p);
  if (!origins.length) return true; // the background says what is wrong with the address
  return (await browser.permissions.contains({ origins })) || browser.permissions.request({ origins });
}

function SyncSection() {
  const id = useId();
  const [status, setStatus] = useState<SyncStatus>();
  const [form, setForm] = useState({ url: '', username: '', password: '', passphrase: '' });
  const [report, setReport] = useState<ConnectionReport>();
  const [outcome, setOutcome] = useState<SyncOutcome>();
  const [busy, setBusy] = useState(false);
  const refresh = useCallback(() => void askBackground({ type: 'sync.status' }).then(setStatus, () => undefined), []);
  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, 5000);
    return () => clearInterval(timer);
  }, [refresh]);
  useEffect(() => {
    if (status?.configured && !form.url) setForm((old) => ({ ...old, url: status.url ?? '', username: status.username ?? '' }));
  }, [status, form.url]);

  const act = async (work: () => Promise<SyncOutcome | void>) => {
    setBusy(true);
    try {
      const result = await work();
      if (result) setOutcome(result);
    } catch (error) {
      setOutcome({ state: 'server-error', message: failure(error) });
    } finally {
      setBusy(false);
      refresh();
    }
  };
  const test = (createFolder = false) =>
    act(async () => {
      if (!(await allowServer(form.url))) return { state: 'needs-permission', message: 'Watchwords needs your permission to reach that server.' };
      setReport(await askBackground({ type: 'sync.test', url: form.url, username: form.username, password: form.password, createFolder }));
    });
  const save = (event: FormEvent) => {
    event.preventDefault();
    void act(async () => {
      if (!(await allowServer(form.url))) return { state: 'needs-permission', message: 'Watchwords needs your permission to reach that server.' };
      const result = await askBackground({ type: 'sync.configure', url: form.url, username: form.username, password: form.password, ...(form.passphrase && { passphrase: form.passphrase }) });
      setForm((old) => ({ ...old, password: '', passphrase: '' }));
      return result;
    });
  };
  const now = Date.now();
  const lines = outcome ? describeOutcome(outcome, now, now) : status ? describeSync(status, now) : [];
  const shown = outcome ?? status?.last;
  return (
    <div className="library-section">
      <h2>Sync between devices</h2>
      <div role="status" className="sync-status">
        {lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      {shown?.state === 'confirm-deletes' && (
        <button type="button" className="button button-danger" disabled={busy} onClick={() => void act(() => askBackground({ type: 'sync.now', allowDeletes: true }))}>
          Sync anyway (delete them here too)
        </button>
      )}
      {shown?.state === 'other-library' && (
        <button type="button" className="button" disabled={busy} onClick={() => void act(() => askBackground({ type: 'sync.now', adoptLibrary: true }))}>
          Use the library in that folder (your notes are merged into it)
        </button>
      )}
      {status?.configured && (
        <p>
          <button type="button" className="button" disabled={busy} onClick={() => void act(() => askBackground({ type: 'sync.now' }))}>
            Sync now
          </button>{' '}
          <button type="button" className="button" disabled={busy} onClick={() => void act(async () => void (await askBackground({ type: 'sync.forget' }), setOutcome(undefined)))}>
            Stop syncing
          </button>
        </p>
      )}
      <form className="sync-form" onSubmit={save} autoComplete="off">
        <label htmlFor={`${id}-url`}>WebDAV folder address</label>
        <input id={`${id}-url`} type="url" required placeholder="https://cloud.example/remote.php/dav/files/you/Watchwords/" value={form.url} onChange={(e) => setForm({ ...form, url: e.target.value })} />
        <label htmlFor={`${id}-user`}>User name</label>
        <input id={`${id}-user`} required value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} />
        <label htmlFor={`${id}-password`}>App password</label>
        <input id={`${id}-password`} type="password" required autoComplete="new-password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} />
        <label htmlFor={`${id}-passphrase`}>Encryption passphrase (optional: needed on every device if the library is encrypted)</label>
        <input id={`${id}-passphrase`} type="password" autoComplete="new-password" value={form.passphrase} onChange={(e) => setForm({ ...form, passphrase: e.target.value })} />
        <p>
          <button type="button" className="button" disabled={busy || !form.url || !form.username || !form.password} onClick={() => void test()}>
            Test connection
          </button>{' '}
          <button type="submit" className="button button-primary" disabled={busy}>
            {status?.configured ? 'Save and sync' : 'Start syncing'}
          </button>
        </p>
      </form>
      {report && (
        <div className="connection-report">
          <ul>
            {report.steps.map((step) => (
              <li key={step.step}>
                {step.ok ? '✓' : '✗'} {step.message}
              </li>
            ))}
          </ul>
          {report.folderMissing && (
            <button type="button" className="button" disabled={busy} onClick={() => void test(true)}>
              Create the folder
            </button>
          )}
          {report.clock?.warn && <p>This device's clock differs from the server's by more than two minutes.</p>}
        </div>
      )}
    </div>
  );
}
