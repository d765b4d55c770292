import { memo, useEffect, useRef, type KeyboardEvent } from 'react';
import type { Kind } from '../core/dataset/kinds';
import type { IndexedNote } from '../core/notes/search';

/** What is being typed into a note open for editing (kept by the manager, so scrolling it away loses nothing). */
export interface NoteDraftState {
  id: string;
  body: string;
  tags: string;
  error?: string;
  saving?: boolean;
}

export interface NoteRowActions {
  select(id: string, selected: boolean): void;
  open(entry: IndexedNote): void;
  edit(entry: IndexedNote): void;
  change(draft: NoteDraftState): void;
  save(draft: NoteDraftState): void;
  cancel(id: string): void;
  remove(entry: IndexedNote): void;
}

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' });
const saveKeys = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘+Enter' : 'Ctrl+Enter';

interface NoteRowProps {
  entry: IndexedNote;
  kind: Kind | undefined;
  orphaned: boolean;
  selected: boolean;
  draft: NoteDraftState | undefined;
  actions: NoteRowActions;
}

/** One note in the manager's list: where it was taken, the quote, what the reader wrote, its tags and actions. */
export const NoteRow = memo(function NoteRow({ entry, kind, orphaned, selected, draft, actions }: NoteRowProps) {
  const { note } = entry;
  const { target } = note;
  const titleId = `note-title-${note.id}`;
  const edited = entry.updated - entry.created > 60_000;
  return (
    <article className={`note-card${selected ? ' is-selected' : ''}${draft ? ' is-editing' : ''}`} aria-labelledby={titleId}>
      <input
        type="checkbox"
        className="note-select"
        aria-label="Select note"
        aria-describedby={titleId}
        checked={selected}
        data-focus="select"
        onChange={(event) => actions.select(note.id, event.currentTarget.checked)}
      />
      <div className="note-main">
        <header className="note-source">
          <h3 className="note-title" id={titleId}>
            {target.kind === 'page' ? (
              target.title || target.url
            ) : (
              <>
                <span className={`kind-dot${kind ? ` kind-${kind}` : ''}`} aria-hidden="true" />
                {entry.entityName}
              </>
            )}
          </h3>
          <p className="note-meta">
            {entry.site && <span className="note-site">{entry.site}</span>}
            <time dateTime={note.createdAt} title={timeFormat.format(entry.created)}>
              {dayFormat.format(entry.created)}
            </time>
            {edited && (
              <span className="note-edited" title={`Edited ${timeFormat.format(entry.updated)}`}>
                {' '}
                · edited
              </span>
            )}
            {orphaned && (
              <span className="badge badge-orphaned" title="Not found on its page the last time the page was read">
                Orphaned
              </span>
            )}
          </p>
        </header>
        {target.kind === 'page' && <blockquote className="note-quote">{target.quote.exact}</blockquote>}
        {draft ? (
          <NoteEditorFields draft={draft} actions={actions} />
        ) : (
          <>
            {note.body ? <p className="note-body">{note.body}</p> : <p className="note-body is-empty">No text</p>}
            {note.tags.length > 0 && (
              <ul className="note-tags" aria-label="Tags">
                {note.tags.map((tag) => (
                  <li key={tag} className="tag">
                    {tag}
                  </li>
                ))}
              </ul>
            )}
            <div className="note-actions">
              {target.kind === 'page' && (
                <button type="button" className="button button-small" aria-describedby={titleId} onClick={() => actions.open(entry)}>
                  Open
                </button>
              )}
              <button type="button" className="button button-small" aria-describedby={titleId} data-focus="edit" onClick={() => actions.edit(entry)}>
                Edit
              </button>
              <button type="button" className="button button-small button-danger" aria-describedby={titleId} onClick={() => actions.remove(entry)}>
                Delete
              </button>
            </div>
          </>
        )}
      </div>
    </article>
  );
});

/** The note's text and tags, editable in place: Ctrl/Cmd+Enter saves, Escape cancels. */
function NoteEditorFields({ draft, actions }: { draft: NoteDraftState; actions: NoteRowActions }) {
  const body = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    // When the editor opens: the caret at the end of the text.
    const area = body.current;
    if (!area || document.activeElement === area) return;
    area.focus();
    area.setSelectionRange(area.value.length, area.value.length);
  }, []);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      actions.save(draft);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      actions.cancel(draft.id);
    }
  };
  const errorId = `note-error-${draft.id}`;
  const hintId = `note-hint-${draft.id}`;
  return (
    <form
      className="note-edit"
      aria-label="Edit note"
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        actions.save(draft);
      }}
    >
      <label className="field">
        <span className="field-label">Note</span>
        <textarea
          ref={body}
          value={draft.body}
          rows={4}
          maxLength={20000}
          aria-describedby={`${hintId}${draft.error ? ` ${errorId}` : ''}`}
          aria-invalid={draft.error ? true : undefined}
          onChange={(event) => actions.change({ ...draft, body: event.currentTarget.value, error: undefined })}
        />
      </label>
      <label className="field">
        <span className="field-label">Tags, separated by commas</span>
        <input
          type="text"
          value={draft.tags}
          autoComplete="off"
          onChange={(event) => actions.change({ ...draft, tags: event.currentTarget.value, error: undefined })}
        />
      </label>
      {draft.error && (
        <p className="field-error" id={errorId} role="alert">
          {draft.error}
        </p>
      )}
      <div className="note-actions">
        <button type="submit" className="button button-small button-primary" disabled={draft.saving}>
          Save
        </button>
        <button type="button" className="button button-small" onClick={() => actions.cancel(draft.id)}>
          Cancel
        </button>
        <span className="hint" id={hintId}>
          {saveKeys} saves, Escape cancels
        </span>
      </div>
    </form>
  );
}
