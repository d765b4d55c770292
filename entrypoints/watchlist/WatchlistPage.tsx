import { useCallback, useEffect, useId, useMemo, useState, type ChangeEvent, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { ErrorLine } from '../../components/ErrorLine';
import { WatchForm } from '../../components/WatchForm';
import { kindLabel } from '../../core/dataset/kinds';
import { aliasTexts } from '../../core/dataset/terms';
import { emptyForm, formFromEntry, isSafeLink } from '../../core/watchlist/entry';
import { packLimits, type ImportReport } from '../../core/watchlist/pack';
import { reportKindLabels } from '../../core/watchlist/reports';
import type { WatchlistView } from '../../core/watchlist/view';
import { downloadFile } from '../../lib/download';
import { askBackground } from '../../lib/messaging';
import { watchRuntimeDataset } from '../../lib/runtime-dataset-state';
import { useWatchForm } from '../watch/use-watch-form';

type ReaderRow = WatchlistView['entries'][number];
type PackRow = WatchlistView['packs'][number];
type Sort = 'changed' | 'name' | 'kind' | 'seen';

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));
const day = (iso: string) => iso.slice(0, 10);
const timesSeen = (entry: ReaderRow) => entry.seen.reduce((sum, sighting) => sum + sighting.count, 0);

/** Runs what a button asks of the background: says what was done, or the failure in words below it. */
function useAction(announce?: (text: string) => void) {
  const [error, setError] = useState<string>();
  const run = async (work: () => Promise<unknown>, done?: string) => {
    setError(undefined);
    try {
      await work();
      if (done) announce?.(done);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  return { error, setError, run };
}

/** The page's data, fetched again whenever the runtime dataset changes (here or in another window). */
function useView() {
  const [view, setView] = useState<WatchlistView>();
  const [error, setError] = useState<string>();
  const refresh = useCallback(
    () =>
      askBackground({ type: 'watchlist.get' }).then(
        ({ view }) => (setView(view), setError(undefined)),
        (failure: unknown) => setError(errorMessage(failure)),
      ),
    [],
  );
  useEffect(() => {
    void refresh();
    // Reports and sightings change without a new revision: read again when the reader comes back to the page.
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    const unwatch = watchRuntimeDataset(() => void refresh());
    return () => {
      unwatch();
      window.removeEventListener('focus', onFocus);
    };
  }, [refresh]);
  return { view, error, refresh };
}

/**
 * The Watchlist page: the reader's own entries (search, sort, edit, delete, where each was seen), their packs
 * (export, import with a report first, switch off, remove) and their reports of mistakes (list, export, delete).
 */
export function WatchlistPage() {
  const { view, error, refresh } = useView();
  const [status, setStatus] = useState('');
  const announce = (text: string) => {
    setStatus('');
    requestAnimationFrame(() => setStatus(text));
  };
  return (
    <div className="watchlist">
      <header className="page-header">
        <h1>Your watchlist</h1>
        <p className="lede">
          Names you asked Watchwords to watch, and packs of names from others. They stay in this browser; Watchwords highlights them like its own
          entries, and their cards say whose they are.
        </p>
      </header>
      <p className="save-status" role="status">
        {status}
      </p>
      <ErrorLine error={error} />
      <main>
        <EntriesPanel view={view} refresh={refresh} announce={announce} />
        <PacksPanel view={view} refresh={refresh} announce={announce} />
        <ReportsPanel view={view} refresh={refresh} announce={announce} />
      </main>
    </div>
  );
}

interface PanelProps {
  view: WatchlistView | undefined;
  refresh(): Promise<unknown>;
  announce(text: string): void;
}

function EntriesPanel({ view, refresh, announce }: PanelProps) {
  const headingId = useId();
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<Sort>('changed');
  const [editing, setEditing] = useState<string | 'new'>();
  const rows = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const matches = (entry: ReaderRow) => {
      const haystack = [entry.name, ...aliasTexts(entry), entry.summary, kindLabel(entry.kind)].join(' ').toLowerCase();
      return words.every((word) => haystack.includes(word));
    };
    const order: Record<Sort, (a: ReaderRow, b: ReaderRow) => number> = {
      changed: (a, b) => b.updated.localeCompare(a.updated),
      name: (a, b) => a.name.localeCompare(b.name),
      kind: (a, b) => kindLabel(a.kind).localeCompare(kindLabel(b.kind)) || a.name.localeCompare(b.name),
      seen: (a, b) => timesSeen(b) - timesSeen(a) || a.name.localeCompare(b.name),
    };
    return (view?.entries ?? []).filter(matches).sort(order[sort]);
  }, [view, query, sort]);

  return (
    <section className="panel" aria-labelledby={headingId}>
      <div className="panel-heading">
        <h2 id={headingId}>Your entries</h2>
        <button type="button" className="button" onClick={() => setEditing('new')} disabled={editing !== undefined}>
          Add a name
        </button>
      </div>
      {editing === 'new' && (
        <EntryEditor
          label="Add a name"
          onDone={(saved) => {
            setEditing(undefined);
            if (saved) void refresh().then(() => announce('Saved'));
          }}
        />
      )}
      {view && view.entries.length === 0 ? (
        <p className="hint">
          None yet. Select a name on a page and choose “Watch this name” in the context menu, or add one here.
        </p>
      ) : (
        <div className="list-tools">
          <label className="field inline">
            <span className="field-label">Search your entries</span>
            <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
          </label>
          <label className="field inline">
            <span className="field-label">Sort by</span>
            <select value={sort} onChange={(event) => setSort(event.target.value as Sort)}>
              <option value="changed">Last changed</option>
              <option value="name">Name</option>
              <option value="kind">Kind</option>
              <option value="seen">Most seen</option>
            </select>
          </label>
        </div>
      )}
      <ul className="entries" aria-label="Your entries">
        {rows.map((entry) =>
          editing === entry.runtimeId ? (
            <li key={entry.runtimeId} className="entry">
              <EntryEditor
                label={`Edit ${entry.name}`}
                entry={entry}
                onDone={(saved) => {
                  setEditing(undefined);
                  if (saved) void refresh().then(() => announce('Saved'));
                }}
              />
            </li>
          ) : (
            <EntryRow key={entry.runtimeId} entry={entry} onEdit={() => setEditing(entry.runtimeId)} refresh={refresh} announce={announce} />
          ),
        )}
      </ul>
      {view && view.entries.length > 0 && rows.length === 0 && <p className="hint">No entry matches “{query}”.</p>}
    </section>
  );
}

function EntryEditor({ label, entry, onDone }: { label: string; entry?: ReaderRow; onDone(saved: boolean): void }) {
  const state = useWatchForm(entry ? formFromEntry(entry) : emptyForm(), { replaces: entry?.runtimeId, onSaved: () => onDone(true) });
  return (
    <section className="editor" aria-label={label}>
      <WatchForm
        value={state.form}
        onChange={state.setForm}
        preview={state.preview}
        hasPage={false}
        saving={state.saving}
        error={state.error}
        submitLabel="Save"
        onSubmit={() => void state.save()}
        onCancel={() => onDone(false)}
      />
    </section>
  );
}

function EntryRow({ entry, onEdit, refresh, announce }: { entry: ReaderRow; onEdit(): void } & Pick<PanelProps, 'refresh' | 'announce'>) {
  const [confirming, setConfirming] = useState(false);
  const { error, run } = useAction(announce);
  const others = aliasTexts(entry);
  const remove = () => run(async () => (await askBackground({ type: 'watchlist.delete', id: entry.runtimeId }), await refresh()), `Deleted ${entry.name}`);
  return (
    <li className="entry" aria-label={entry.name}>
      <div className="entry-heading">
        <h3>{entry.name}</h3>
        <span className={`kind-badge kind-${entry.kind}`}>{kindLabel(entry.kind)}</span>
      </div>
      <p className="entry-summary">{entry.summary}</p>
      {others.length > 0 && <p className="muted">Also: {others.join(', ')}</p>}
      {entry.sources.map((source) => (
        <p key={source.url} className="muted">
          Source:{' '}
          <a href={source.url} target="_blank" rel="noopener noreferrer">
            {source.title ?? source.url}
          </a>
        </p>
      ))}
      {entry.hidden.map((hidden) => (
        <p key={hidden.text} className="notice">
          “{hidden.text}” is not highlighted: “{hidden.by.name}” already has that name.
        </p>
      ))}
      <details className="seen">
        <summary>{entry.seen.length ? `Seen on ${entry.seen.length} ${entry.seen.length === 1 ? 'page' : 'pages'}` : 'Not seen on a page yet'}</summary>
        <ul>
          {entry.seen.map((sighting) => (
            <li key={sighting.page}>
              <a href={sighting.page} target="_blank" rel="noopener noreferrer">
                {sighting.title || sighting.page}
              </a>{' '}
              <span className="muted">
                {sighting.count} {sighting.count === 1 ? 'mention' : 'mentions'}, {day(sighting.seen)}
              </span>
            </li>
          ))}
        </ul>
      </details>
      <p className="muted small">
        Added {day(entry.created)}
        {entry.updated !== entry.created && `, changed ${day(entry.updated)}`}
      </p>
      <div className="row-actions">
        {confirming ? (
          <>
            <button type="button" className="button danger" onClick={() => void remove()}>
              Delete “{entry.name}”
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </>
        ) : (
          <>
            <button type="button" className="button" onClick={onEdit}>
              Edit
            </button>
            <button type="button" className="button" onClick={() => setConfirming(true)}>
              Delete
            </button>
          </>
        )}
      </div>
      <ErrorLine error={error} />
    </li>
  );
}

function PacksPanel({ view, refresh, announce }: PanelProps) {
  const headingId = useId();
  const [plan, setPlan] = useState<{ token: string; report: ImportReport }>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [address, setAddress] = useState('');

  const preview = async (request: { text: string; from: string } | { url: string }) => {
    setBusy(true);
    setError(undefined);
    setPlan(undefined);
    try {
      const answer = await askBackground({ type: 'packs.preview', ...request });
      if ('error' in answer) setError(answer.error);
      else setPlan(answer);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const fromFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > packLimits.chars) {
      setPlan(undefined);
      return setError(`Watchwords refused this pack: it is ${(file.size / 1_000_000).toFixed(1)} MB; a pack can be at most ${packLimits.chars / 1_000_000} MB.`);
    }
    await preview({ text: await file.text(), from: file.name });
  };

  /** Asks for leave to read that one site (in the click itself, as browsers require), reads it once, gives leave back. */
  const fromAddress = (event: FormEvent) => {
    event.preventDefault();
    const url = address.trim();
    if (!isSafeLink(url)) return setError('Type an https:// address of a pack file.');
    const origins = [`${new URL(url).origin}/*`];
    const had = browser.permissions.contains({ origins });
    const granted = browser.permissions.request({ origins });
    void (async () => {
      const held = await had.catch(() => false);
      if (!(await granted.catch(() => false))) return setError(`Watchwords needs your leave to read ${new URL(url).host} once; it was not given.`);
      try {
        await preview({ url });
      } finally {
        if (!held) await browser.permissions.remove({ origins }).catch(() => undefined);
      }
    })();
  };

  const apply = async () => {
    if (!plan) return;
    try {
      await askBackground({ type: 'packs.apply', token: plan.token });
      setPlan(undefined);
      await refresh();
      announce(`Imported ${plan.report.meta.name}`);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Packs</h2>
      <p className="hint">
        A pack is a file of entries to share: export yours for a colleague, or import theirs. A pack is only data: it cannot change Watchwords’
        own entries, and Watchwords never contacts anything it names. See docs/packs.md.
      </p>
      <ExportPack hasEntries={(view?.entries.length ?? 0) > 0} announce={announce} />
      <div className="import">
        <h3>Import a pack</h3>
        <label className="field">
          <span className="field-label">From a file</span>
          <input type="file" accept=".json,application/json" disabled={busy} onChange={(event) => void fromFile(event)} />
        </label>
        <form className="field inline-form" onSubmit={fromAddress}>
          <label className="field">
            <span className="field-label">From an https address</span>
            <span className="field-hint">Read once, now; your browser asks you to let Watchwords read that site.</span>
            <input type="url" value={address} placeholder="https://" onChange={(event) => setAddress(event.target.value)} />
          </label>
          <button type="submit" className="button" disabled={busy || !address.trim()}>
            Read
          </button>
        </form>
      </div>
      <ErrorLine error={error} />
      {plan && <ImportPlan report={plan.report} onApply={() => void apply()} onCancel={() => setPlan(undefined)} />}
      <ul className="packs" aria-label="Your packs">
        {(view?.packs ?? []).map((pack) => (
          <PackRowView key={pack.id} pack={pack} refresh={refresh} announce={announce} />
        ))}
      </ul>
    </section>
  );
}

function ExportPack({ hasEntries, announce }: { hasEntries: boolean; announce(text: string): void }) {
  const [name, setName] = useState('');
  const [author, setAuthor] = useState('');
  const [description, setDescription] = useState('');
  const { error, run } = useAction(announce);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const { fileName, text } = await askBackground({ type: 'packs.export', name: name.trim(), author: author.trim(), description: description.trim() });
      downloadFile(fileName, text);
    }, 'Exported the pack');
  };
  return (
    <form className="export" aria-label="Export your entries as a pack" onSubmit={submit}>
      <h3>Export your entries as a pack</h3>
      <label className="field">
        <span className="field-label">Pack name</span>
        <input value={name} maxLength={100} required onChange={(event) => setName(event.target.value)} />
      </label>
      <label className="field">
        <span className="field-label">Author</span>
        <span className="field-hint">Your name or your newsroom’s, as the people you share it with know it.</span>
        <input value={author} maxLength={100} required onChange={(event) => setAuthor(event.target.value)} />
      </label>
      <label className="field">
        <span className="field-label">Description</span>
        <input value={description} maxLength={500} onChange={(event) => setDescription(event.target.value)} />
      </label>
      <button type="submit" className="button" disabled={!hasEntries || !name.trim() || !author.trim()}>
        Export as a pack
      </button>
      <ErrorLine error={error} />
    </form>
  );
}

function ImportPlan({ report, onApply, onCancel }: { report: ImportReport; onApply(): void; onCancel(): void }) {
  const { meta } = report;
  const nothing = report.added.length + report.changed.length + report.removed.length === 0;
  return (
    <section className="plan" aria-label="Before importing">
      <h3>
        “{meta.name}” by {meta.author}, {meta.date}
      </h3>
      {meta.description && <p>{meta.description}</p>}
      <p>{report.replaces ? 'You already have this pack: importing replaces it.' : 'A new pack.'}</p>
      <NameList title="Added" names={report.added} />
      <NameList title="Changed" names={report.changed} />
      <NameList title="Removed" names={report.removed} />
      {report.unchanged > 0 && <p className="muted">{report.unchanged} unchanged.</p>}
      {report.rejected.length > 0 && (
        <details open>
          <summary>Rejected: {report.rejected.length}</summary>
          <ul>
            {report.rejected.slice(0, 200).map((rejection, index) => (
              <li key={index}>
                <strong>{rejection.entry}</strong>: {rejection.reason}
              </li>
            ))}
          </ul>
          {report.rejected.length > 200 && <p className="muted">…and {report.rejected.length - 200} more.</p>}
        </details>
      )}
      <div className="form-actions">
        <button type="button" className="button primary" onClick={onApply} disabled={nothing && report.replaces}>
          Import
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}

function NameList({ title, names }: { title: string; names: string[] }) {
  if (!names.length) return null;
  const shown = names.slice(0, 50);
  return (
    <p>
      <strong>
        {title} ({names.length}):
      </strong>{' '}
      {shown.join(', ')}
      {names.length > shown.length && `, and ${names.length - shown.length} more`}
    </p>
  );
}

function PackRowView({ pack, refresh, announce }: { pack: PackRow } & Pick<PanelProps, 'refresh' | 'announce'>) {
  const action = useAction(announce);
  const { error } = action;
  const run = (work: () => Promise<unknown>, done: string) => action.run(async () => (await work(), await refresh()), done);
  const hidden = pack.entries.reduce((sum, entry) => sum + entry.hidden.length, 0);
  return (
    <li className="pack" aria-label={pack.meta.name}>
      <div className="entry-heading">
        <h3>{pack.meta.name}</h3>
        <label className="check">
          <input
            type="checkbox"
            checked={pack.enabled}
            onChange={(event) => {
              const enabled = event.target.checked;
              void run(() => askBackground({ type: 'packs.enable', id: pack.id, enabled }), enabled ? `${pack.meta.name} is on` : `${pack.meta.name} is off`);
            }}
          />
          <span>On</span>
        </label>
      </div>
      <p className="muted">
        By {pack.meta.author}, {pack.meta.date} · {pack.entries.length} {pack.entries.length === 1 ? 'entry' : 'entries'} · from {pack.from}
      </p>
      {pack.meta.description && <p>{pack.meta.description}</p>}
      {hidden > 0 && <p className="notice">{hidden} of its names are not highlighted: other entries already have them.</p>}
      <details>
        <summary>Entries</summary>
        <ul>
          {pack.entries.map((entry) => (
            <li key={entry.id}>
              <strong>{entry.name}</strong> <span className="muted">({kindLabel(entry.kind)})</span> — {entry.summary}
            </li>
          ))}
        </ul>
      </details>
      <div className="row-actions">
        <button type="button" className="button" onClick={() => void run(() => askBackground({ type: 'packs.remove', id: pack.id }), `Removed ${pack.meta.name}`)}>
          Remove pack
        </button>
      </div>
      <ErrorLine error={error} />
    </li>
  );
}

function ReportsPanel({ view, refresh, announce }: PanelProps) {
  const headingId = useId();
  const { error, run } = useAction(announce);
  const reports = view?.reports ?? [];
  const exportAll = () =>
    run(async () => {
      const { fileName, text } = await askBackground({ type: 'reports.export' });
      downloadFile(fileName, text, 'text/markdown');
    }, 'Exported your reports');
  const remove = (id: string) => run(async () => (await askBackground({ type: 'reports.delete', id }), await refresh()), 'Report deleted');
  return (
    <section className="panel" aria-labelledby={headingId}>
      <div className="panel-heading">
        <h2 id={headingId}>Your reports of mistakes</h2>
        <button type="button" className="button" onClick={() => void exportAll()} disabled={!reports.length}>
          Export reports
        </button>
      </div>
      <p className="hint">
        Kept in this browser; nothing is sent. Export them as a file and send it to Watchwords’ maintainers through the project’s issue tracker
        (docs/dataset.md, “Reporting a mistake”). Check the page addresses in it first.
      </p>
      {!reports.length && <p className="hint">No reports yet. Select words on a page and choose “Report a mistake…” in the context menu, or:</p>}
      <button type="button" className="button" onClick={() => void run(() => askBackground({ type: 'report.open' }))}>
        Report a mistake
      </button>
      <ul className="reports" aria-label="Your reports">
        {reports.map((report) => (
          <li key={report.id} className="report">
            <p>
              <strong>{reportKindLabels[report.kind]}</strong>
              {report.entityName && `: ${report.entityName}`} <span className="muted">{day(report.created)}</span>
            </p>
            {report.text && <p>“{report.text}”</p>}
            {report.page && (
              <p className="muted page-address">
                <a href={report.page} target="_blank" rel="noopener noreferrer">
                  {report.page}
                </a>
              </p>
            )}
            {report.comment && <p className="report-comment">{report.comment}</p>}
            <button type="button" className="button" onClick={() => void remove(report.id)}>
              Delete report
            </button>
          </li>
        ))}
      </ul>
      <ErrorLine error={error} />
    </section>
  );
}
