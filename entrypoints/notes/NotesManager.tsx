import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { browser } from 'wxt/browser';
import type { Kind } from '../../core/dataset/kinds';
import { parseTags, tagLimits } from '../../core/notes/tags';
import { askBackground } from '../../lib/messaging';
import type { NotesDatabase } from '../../lib/notes-db';
import type { NotesStore } from '../../lib/notes-query-live';
import {
  createNoteIndexer,
  dayAfter,
  dayStart,
  filterNotes,
  hasFilters,
  narrowsSearch,
  noteFacets,
  noteSorts,
  sameFilters,
  searchText,
  sortNotes,
  type Facet,
  type IndexedNote,
  type NoteFilters,
  type NoteSort,
} from '../../core/notes/search';
import { NoteRow, type NoteDraftState, type NoteRowActions } from '../../components/NoteRow';
import { LibraryPanel } from './LibraryPanel';
import { useWindowedList } from '../../components/use-windowed-list';

export interface EntityInfo {
  name: string;
  kind: Kind;
}

interface NotesManagerProps {
  db: NotesDatabase;
  /** The notes of `db`, read as they change (lib/notes-query-live.ts). */
  notes: NotesStore;
  /** The dataset's entries by id, to name the entities of entity notes. */
  entities: ReadonlyMap<string, EntityInfo>;
  /** `panel`: the browser's side panel (Chrome) or sidebar (Firefox); `page`: a tab of its own. */
  mode: 'page' | 'panel';
}

interface FilterFields {
  site: string;
  entityId: string;
  tag: string;
  /** YYYY-MM-DD, as date inputs give them; '' for none. */
  from: string;
  to: string;
  orphanedOnly: boolean;
}

const noFilters: FilterFields = { site: '', entityId: '', tag: '', from: '', to: '', orphanedOnly: false };
const noIds: ReadonlySet<string> = new Set();
const undoSeconds = 8;
const defaultSort: NoteSort = 'edited';

interface Toast {
  key: number;
  message: string;
  /** Notes an Undo restores. */
  deleted?: string[];
}

/** Where focus goes after an action: a row's control (once the row is in the list), or the search box. */
type FocusTarget = { id: string; control: 'select' | 'edit'; asked?: number } | { id?: undefined; control: 'search' };

const numbers = new Intl.NumberFormat();
const count = (n: number, one: string, many: string) => `${numbers.format(n)} ${n === 1 ? one : many}`;

/**
 * The notes manager: every live note, searched, filtered, sorted, edited in place, tagged and deleted (with
 * undo), in a windowed list that stays fast at 10,000 notes. The same page is the side panel, the Firefox
 * sidebar and a tab of its own.
 */
export function NotesManager({ db, notes, entities, mode }: NotesManagerProps) {
  // The notes, read once and then kept up to date change by change (lib/notes-query-live.ts explains why not
  // a live query of the whole table). While they are read they come as they arrive, the most recently edited
  // few first, for the first screen: each arrival is indexed on its own, not all of them at the end at once.
  const snapshot = useSyncExternalStore(notes.subscribe, notes.getSnapshot);
  const complete = snapshot?.complete === true;
  // Which page notes were not found again on their page: a few keys, a live query.
  const orphaned = useLiveQuery(async () => new Set(await db.anchoring.where('state').equals('orphaned').primaryKeys()) as ReadonlySet<string>, [db]) ?? noIds;
  const entityName = useCallback((id: string) => entities.get(id)?.name, [entities]);
  const indexer = useMemo(() => createNoteIndexer(entityName), [entityName]);
  const entries = useMemo(() => (snapshot ? indexer(snapshot.notes) : undefined), [snapshot, indexer]);

  const [text, setText] = useState('');
  const [fields, setFields] = useState<FilterFields>(noFilters);
  const [sort, setSort] = useState<NoteSort>(defaultSort);
  const [filtersOpen, setFiltersOpen] = useState(mode === 'page');
  const [selected, setSelected] = useState<ReadonlySet<string>>(noIds);
  const [drafts, setDrafts] = useState<ReadonlyMap<string, NoteDraftState>>(new Map());
  const [toast, setToast] = useState<Toast>();
  const [focusTarget, setFocusTarget] = useState<FocusTarget>();
  const searchBox = useRef<HTMLInputElement>(null);
  const searchStarted = useRef<number | undefined>(undefined);

  // Until every note is read, only the most recently edited are sure to come first.
  const sorted = useMemo(() => (entries && (complete || sort === defaultSort) ? sortNotes(entries, sort) : []), [entries, complete, sort]);
  const facets = useMemo(() => noteFacets(complete ? entries! : []), [entries, complete]);
  const query = useMemo<NoteFilters>(
    () => ({
      text,
      site: fields.site || undefined,
      entityId: fields.entityId || undefined,
      tag: fields.tag || undefined,
      from: dayStart(fields.from),
      to: dayAfter(fields.to),
      orphanedOnly: fields.orphanedOnly,
    }),
    [text, fields],
  );
  // Typing on narrows the search: then only the previous results need searching.
  const lastSearch = useRef<{ sorted: IndexedNote[]; query: NoteFilters; orphaned: ReadonlySet<string>; result: IndexedNote[] }>(undefined);
  const shown = useMemo(() => {
    const last = lastSearch.current;
    const narrower = last && last.sorted === sorted && last.orphaned === orphaned && sameFilters(last.query, query) && narrowsSearch(last.query.text, query.text);
    const result = filterNotes(narrower ? last.result : sorted, query, orphaned);
    lastSearch.current = { sorted, query, orphaned, result };
    return result;
  }, [sorted, query, orphaned]);
  const selectedShown = useMemo(() => (selected.size ? shown.filter((entry) => selected.has(entry.note.id)) : []), [shown, selected]);

  // The search text of every note, folded in idle time after the first render, so that the first keystroke
  // does not pay for it (a note changed later is folded again on its own).
  useEffect(() => {
    if (!entries) return;
    let next = 0;
    let handle: number;
    const idle = (step: (deadline?: IdleDeadline) => void) =>
      typeof requestIdleCallback === 'function' ? requestIdleCallback(step, { timeout: 500 }) : window.setTimeout(step, 0);
    const cancel = (id: number) => (typeof cancelIdleCallback === 'function' ? cancelIdleCallback(id) : clearTimeout(id));
    const step = (deadline?: IdleDeadline) => {
      // At most 10 ms a turn, even when the browser offers a 50 ms idle period: a keystroke waits for the turn.
      const until = performance.now() + Math.min(10, deadline && !deadline.didTimeout ? deadline.timeRemaining() : 10);
      while (next < entries.length && performance.now() < until) searchText(entries[next++]!);
      if (next < entries.length) handle = idle(step);
    };
    handle = idle(step);
    return () => cancel(handle);
  }, [entries]);

  const keyOf = useCallback((index: number) => shown[index]!.note.id, [shown]);
  const list = useWindowedList({ count: shown.length, keyOf, estimate: 170 });

  // A new search, filter or order starts at the top of the list.
  const firstQuery = useRef(true);
  useLayoutEffect(() => {
    if (firstQuery.current) firstQuery.current = false;
    else list.scrollToTop();
    // Only when what is asked changes, not when the notes do.
  }, [query, sort]);

  // Benchmark marks (scripts/bench-notes.ts): the first rows on screen, every note read and shown, and each
  // search from keystroke to commit.
  const marked = useRef({ firstRender: false, allRead: false });
  useEffect(() => {
    if (!marked.current.firstRender && list.end > list.start) {
      marked.current.firstRender = true;
      performance.mark('notes-first-render');
    }
    if (!marked.current.allRead && complete) {
      marked.current.allRead = true;
      performance.mark('notes-all-read');
    }
  });
  useLayoutEffect(() => {
    if (searchStarted.current === undefined) return;
    performance.measure('notes-search', { start: searchStarted.current, end: performance.now() });
    searchStarted.current = undefined;
  }, [shown]);

  // Moves focus where an action leaves it, once that row is rendered (scrolling it into the window first).
  const listElement = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (!focusTarget) return;
    if (focusTarget.control === 'search') {
      searchBox.current?.focus();
      return setFocusTarget(undefined);
    }
    const index = shown.findIndex((entry) => entry.note.id === focusTarget.id);
    if (index < 0) {
      // Not in the list yet (the change is still being read), or filtered out: then give up after a while.
      if (focusTarget.asked === undefined) setFocusTarget({ ...focusTarget, asked: performance.now() });
      else if (performance.now() - focusTarget.asked > 2000) setFocusTarget(undefined);
      return;
    }
    if (index < list.start || index >= list.end) return list.scrollToIndex(index);
    const control = listElement.current?.querySelector<HTMLElement>(`[data-note-id="${focusTarget.id}"] [data-focus="${focusTarget.control}"]`);
    if (!control) return;
    control.focus();
    setFocusTarget(undefined);
  }, [focusTarget, shown, list]);

  const showToast = useCallback((message: string, deleted?: string[]) => setToast({ key: Date.now(), message, deleted }), []);
  // Stable: the toast's timer restarts when this changes.
  const hideToast = useCallback(() => setToast(undefined), []);

  const remove = useCallback(
    async (ids: string[], next: FocusTarget) => {
      await askBackground({ type: 'notes.delete', ids });
      setSelected((old) => (ids.some((id) => old.has(id)) ? new Set([...old].filter((id) => !ids.includes(id))) : old));
      setDrafts((old) => (ids.some((id) => old.has(id)) ? new Map([...old].filter(([id]) => !ids.includes(id))) : old));
      showToast(ids.length === 1 ? 'Note deleted' : `${count(ids.length, 'note', 'notes')} deleted`, ids);
      setFocusTarget(next);
    },
    [db, showToast],
  );

  const undo = useCallback(
    async (ids: string[]) => {
      await askBackground({ type: 'notes.restore', ids });
      setToast(undefined);
      setFocusTarget({ id: ids[0]!, control: 'select' });
    },
    [db],
  );

  // Ctrl/Cmd+Z undoes a deletion while its toast shows (not while typing: text fields keep their own undo).
  useEffect(() => {
    const deleted = toast?.deleted;
    if (!deleted) return;
    const onKey = (event: KeyboardEvent) => {
      const field = event.target instanceof HTMLElement && event.target.closest('input:not([type=checkbox]), textarea, select');
      if (field || event.key.toLowerCase() !== 'z' || !(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey) return;
      event.preventDefault();
      void undo(deleted);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [toast, undo]);

  const dropDraft = useCallback(
    (id: string) =>
      setDrafts((old) => {
        if (!old.has(id)) return old;
        const next = new Map(old);
        next.delete(id);
        return next;
      }),
    [],
  );

  // The rows' actions; stable, so that rows re-render only when their own note, selection or draft changes.
  const latest = useRef({ shown, drafts });
  latest.current = { shown, drafts };
  const actions = useMemo<NoteRowActions>(
    () => ({
      select: (id, on) =>
        setSelected((old) => {
          const next = new Set(old);
          if (on) next.add(id);
          else next.delete(id);
          return next;
        }),
      open: (entry) => void openNote(entry).catch(() => showToast('Watchwords could not open that page.')),
      edit: (entry) =>
        setDrafts((old) => new Map(old).set(entry.note.id, { id: entry.note.id, body: entry.note.body, tags: entry.note.tags.join(', ') })),
      change: (draft) => setDrafts((old) => (old.has(draft.id) ? new Map(old).set(draft.id, draft) : old)),
      cancel: (id) => {
        dropDraft(id);
        setFocusTarget({ id, control: 'edit' });
      },
      save: (draft) => {
        const entry = latest.current.shown.find((e) => e.note.id === draft.id);
        const parsed = parseTags(draft.tags);
        const error =
          'error' in parsed ? parsed.error : entry?.note.target.kind === 'entity' && !draft.body.trim() ? 'A note on an entry needs some text.' : undefined;
        if (error) return setDrafts((old) => new Map(old).set(draft.id, { ...draft, error }));
        setDrafts((old) => new Map(old).set(draft.id, { ...draft, saving: true }));
        void askBackground({ type: 'notes.edit', id: draft.id, body: draft.body, tags: 'tags' in parsed ? parsed.tags : [] }).then(
          ({ note: edited }) => {
            dropDraft(draft.id);
            if (edited) setFocusTarget({ id: draft.id, control: 'edit' });
            else showToast('That note was deleted meanwhile; the change was not saved.');
          },
          () => setDrafts((old) => new Map(old).set(draft.id, { ...draft, saving: false, error: 'The note could not be saved. Try again.' })),
        );
      },
      remove: (entry) => {
        const { shown: rows } = latest.current;
        const index = rows.indexOf(entry);
        const neighbour = rows[index + 1] ?? rows[index - 1];
        void remove([entry.note.id], neighbour ? { id: neighbour.note.id, control: 'select' } : { control: 'search' });
      },
    }),
    [db, remove, showToast, dropDraft],
  );

  const allShownSelected = shown.length > 0 && selectedShown.length === shown.length;
  const selectAll = (on: boolean) =>
    setSelected((old) => {
      const next = new Set(old);
      for (const entry of shown) {
        if (on) next.add(entry.note.id);
        else next.delete(entry.note.id);
      }
      return next;
    });

  const setField = useCallback((field: keyof FilterFields, value: string | boolean) => setFields((old) => ({ ...old, [field]: value })), []);
  const onSearch = (value: string) => {
    searchStarted.current = performance.now();
    setText(value);
  };
  const clearAll = () => {
    setText('');
    setFields(noFilters);
    searchBox.current?.focus();
  };
  const activeFilters = [fields.site, fields.entityId, fields.tag, fields.from, fields.to].filter(Boolean).length + (fields.orphanedOnly ? 1 : 0);
  const total = entries?.length ?? 0;

  const ids = useId();
  const filtersId = `${ids}-filters`;
  const [libraryOpen, setLibraryOpen] = useState(false);
  return (
    <div className={`notes-manager is-${mode}`}>
      <header className="manager-header">
        <h1>Notes</h1>
        <div className="header-actions">
          {mode === 'panel' && (
            <button type="button" className="button" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/notes.html') })}>
              Open in a tab
            </button>
          )}
          <button type="button" className="button" aria-expanded={libraryOpen} onClick={() => setLibraryOpen((open) => !open)}>
            Export, import, sync
          </button>
        </div>
      </header>

      {libraryOpen && <LibraryPanel shownIds={shown.map(({ note }) => note.id)} filtered={shown.length !== total} />}

      <search className="manager-search" aria-label="Notes">
        <div className="search-row">
          <label className="visually-hidden" htmlFor={`${ids}-search`}>
            Search notes
          </label>
          <input
            ref={searchBox}
            id={`${ids}-search`}
            className="search-input"
            type="search"
            placeholder="Search notes, quotes, titles, tags"
            autoComplete="off"
            spellCheck={false}
            value={text}
            onChange={(event) => onSearch(event.currentTarget.value)}
          />
          <button type="button" className="button filters-toggle" aria-expanded={filtersOpen} aria-controls={filtersId} onClick={() => setFiltersOpen((open) => !open)}>
            Filters
            {activeFilters > 0 && (
              <span className="filters-count">
                <span className="visually-hidden">, </span>
                {activeFilters}
                <span className="visually-hidden"> set</span>
              </span>
            )}
          </button>
        </div>
        <fieldset className="filters" id={filtersId} hidden={!filtersOpen}>
          <legend className="visually-hidden">Filters</legend>
          <FacetSelect label="Site" all="All sites" facets={facets.sites} value={fields.site} field="site" onChange={setField} />
          <FacetSelect label="Entry" all="All entries" facets={facets.entities} value={fields.entityId} field="entityId" onChange={setField} />
          <FacetSelect label="Tag" all="All tags" facets={facets.tags} value={fields.tag} field="tag" onChange={setField} />
          <label className="field field-date">
            <span className="field-label">From</span>
            <input type="date" value={fields.from} max={fields.to || undefined} onChange={(event) => setFields({ ...fields, from: event.currentTarget.value })} />
          </label>
          <label className="field field-date">
            <span className="field-label">To</span>
            <input type="date" value={fields.to} min={fields.from || undefined} onChange={(event) => setFields({ ...fields, to: event.currentTarget.value })} />
          </label>
          <label className="check">
            <input type="checkbox" checked={fields.orphanedOnly} onChange={(event) => setFields({ ...fields, orphanedOnly: event.currentTarget.checked })} />
            Orphaned only
          </label>
          {(activeFilters > 0 || text) && (
            <button type="button" className="button button-small" onClick={clearAll}>
              Clear search and filters
            </button>
          )}
        </fieldset>
      </search>

      <main className="manager-main">
        <h2 className="visually-hidden">All notes</h2>
        <div className="list-toolbar">
          <label className="check select-all">
            <input
              type="checkbox"
              checked={allShownSelected}
              ref={(box) => {
                if (box) box.indeterminate = selectedShown.length > 0 && !allShownSelected;
              }}
              disabled={!shown.length}
              onChange={(event) => selectAll(event.currentTarget.checked)}
            />
            <span className="visually-hidden">Select all shown notes</span>
          </label>
          <p className="result-count" role="status">
            {!complete ? (snapshot ? 'Reading all notes…' : 'Loading notes…') : shown.length === total ? count(total, 'note', 'notes') : `${numbers.format(shown.length)} of ${count(total, 'note', 'notes')}`}
          </p>
          <label className="field sort-field">
            <span className="field-label">Sort</span>
            <select value={sort} onChange={(event) => setSort(event.currentTarget.value as NoteSort)}>
              {noteSorts.map(({ value, label }) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
        </div>
        {selectedShown.length > 0 && (
          <BulkBar
            count={selectedShown.length}
            onTag={async (tags) => {
              for (const tag of tags) {
                const ids = selectedShown.filter(({ note }) => note.tags.includes(tag) || note.tags.length < tagLimits.count).map(({ note }) => note.id);
                if (ids.length) await askBackground({ type: 'notes.tag', ids, tag });
              }
              showToast(`${tags.length === 1 ? `Tag “${tags[0]}”` : `${tags.length} tags`} added to ${count(selectedShown.length, 'note', 'notes')}`);
            }}
            onDelete={() => {
              const ids = selectedShown.map(({ note }) => note.id);
              const last = shown.findIndex(({ note }) => note.id === ids[ids.length - 1]);
              const neighbour = shown.slice(last + 1).find(({ note }) => !selected.has(note.id));
              void remove(ids, neighbour ? { id: neighbour.note.id, control: 'select' } : { control: 'search' });
            }}
            onClear={() => setSelected(noIds)}
          />
        )}
        <div className="notes-scroller" ref={list.scrollerRef}>
          {!complete && !shown.length ? null : complete && !total ? (
            <p className="empty">No notes yet. Select text on a page and choose “Add note”, or write one on an entry’s card.</p>
          ) : complete && !shown.length ? (
            <div className="empty">
              <p>No notes match{hasFilters(query) ? ' the search and filters' : ' the search'}.</p>
              <button type="button" className="button" onClick={clearAll}>
                Clear search and filters
              </button>
            </div>
          ) : (
            <ul ref={listElement} className="notes-list" aria-label="Notes" style={{ paddingTop: list.paddingTop, paddingBottom: list.paddingBottom }}>
              {shown.slice(list.start, list.end).map((entry, offset) => {
                const { id } = entry.note;
                return (
                  <li key={id} ref={list.measureRef} data-key={id} data-note-id={id} className="note-row" aria-posinset={list.start + offset + 1} aria-setsize={shown.length}>
                    <NoteRow
                      entry={entry}
                      kind={entry.note.target.kind === 'entity' ? entities.get(entry.note.target.entityId)?.kind : undefined}
                      orphaned={orphaned.has(id)}
                      selected={selected.has(id)}
                      draft={drafts.get(id)}
                      actions={actions}
                    />
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      </main>
      <UndoToast toast={toast} onUndo={(ids) => void undo(ids)} onDone={hideToast} />
    </div>
  );
}

/** One filter's select; memoised, as its options (one per site, entry or tag) need not change as one types. */
const FacetSelect = memo(function FacetSelect({ label, all, facets, value, field, onChange }: FacetSelectProps) {
  // A chosen value no note has any more stays listed, so the select still shows what filters the list.
  const options = value && !facets.some((facet) => facet.value === value) ? [...facets, { value, label: value, count: 0 }] : facets;
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <select value={value} onChange={(event) => onChange(field, event.currentTarget.value)}>
        <option value="">{all}</option>
        {options.map((facet) => (
          <option key={facet.value} value={facet.value}>
            {facet.label} ({numbers.format(facet.count)})
          </option>
        ))}
      </select>
    </label>
  );
});

interface FacetSelectProps {
  label: string;
  all: string;
  facets: Facet[];
  value: string;
  field: 'site' | 'entityId' | 'tag';
  onChange: (field: 'site' | 'entityId' | 'tag', value: string) => void;
}

function BulkBar({ count: selectedCount, onTag, onDelete, onClear }: { count: number; onTag: (tags: string[]) => Promise<void>; onDelete: () => void; onClear: () => void }) {
  const [tag, setTag] = useState('');
  const [error, setError] = useState<string>();
  const id = useId();
  return (
    <section className="bulk-bar" aria-label="Selected notes">
      <p className="bulk-count">{count(selectedCount, 'note', 'notes')} selected</p>
      <form
        className="bulk-tag"
        onSubmit={(event) => {
          event.preventDefault();
          const parsed = parseTags(tag);
          if ('error' in parsed) return setError(parsed.error);
          if (!parsed.tags.length) return setError('Type a tag to add.');
          setError(undefined);
          void onTag(parsed.tags).then(() => setTag(''));
        }}
      >
        <label className="visually-hidden" htmlFor={`${id}-tag`}>
          Tag to add to the selected notes
        </label>
        <input
          id={`${id}-tag`}
          type="text"
          placeholder="Tag"
          value={tag}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => setTag(event.currentTarget.value)}
        />
        <button type="submit" className="button button-small">
          Add tag
        </button>
      </form>
      <button type="button" className="button button-small button-danger" onClick={onDelete}>
        Delete selected
      </button>
      <button type="button" className="button button-small" onClick={onClear}>
        Clear selection
      </button>
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

/** "Note deleted — Undo" for 8 seconds; the time stops while the pointer or focus is on it. */
function UndoToast({ toast, onUndo, onDone }: { toast: Toast | undefined; onUndo: (ids: string[]) => void; onDone: () => void }) {
  const [held, setHeld] = useState({ hover: false, focus: false });
  const region = useRef<HTMLDivElement>(null);
  // A new toast (or none): focus may have gone with the old one's button without a blur event.
  useEffect(() => setHeld((h) => ({ ...h, focus: !!region.current?.contains(document.activeElement) })), [toast]);
  const paused = held.hover || held.focus;
  useEffect(() => {
    if (!toast || paused) return;
    const timer = setTimeout(onDone, (toast.deleted ? undoSeconds : 4) * 1000);
    return () => clearTimeout(timer);
  }, [toast, paused, onDone]);
  let content: ReactNode = null;
  if (toast) {
    content = (
      <div className="toast" key={toast.key}>
        <span>
          {toast.message}
          {toast.deleted && <span aria-hidden="true"> —</span>}
        </span>
        {toast.deleted && (
          <button type="button" className="button button-small toast-undo" aria-keyshortcuts="Control+Z Meta+Z" onClick={() => onUndo(toast.deleted!)}>
            Undo
          </button>
        )}
      </div>
    );
  }
  return (
    <div
      ref={region}
      className="toast-region"
      role="status"
      onPointerEnter={() => setHeld((h) => ({ ...h, hover: true }))}
      onPointerLeave={() => setHeld((h) => ({ ...h, hover: false }))}
      onFocus={() => setHeld((h) => ({ ...h, focus: true }))}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setHeld((h) => ({ ...h, focus: false }));
      }}
    >
      {content}
    </div>
  );
}

/**
 * Opens a page note's page and shows the note there: the background brings forward the tab that already shows
 * the page (or opens it in a new one) and asks its content script to scroll to the note and show it. Nothing is
 * put in the page's address.
 */
async function openNote(entry: IndexedNote): Promise<void> {
  if (entry.note.target.kind !== 'page') return;
  await askBackground({ type: 'notes.open', noteId: entry.note.id });
}
