import { useEffect, useId, useRef, useState } from 'react';
import { noteLimits, parseTags } from '../core/notes/limits';

const numbers = new Intl.NumberFormat('en-US');
/** The counter shows from this share of a limit on, so the limit is said before it is hit. */
const counterFrom = 0.8;

/** What is wrong with a note before it is saved, in words; undefined when nothing is. */
export function noteProblem(body: string, tagText: string, quote?: string): string | undefined {
  if (quote !== undefined && quote.length > noteLimits.quote) {
    return `This selection is ${numbers.format(quote.length)} characters long; a note can quote at most ${numbers.format(noteLimits.quote)}. Select a shorter passage.`;
  }
  if (body.length > noteLimits.body) return `The note is ${numbers.format(body.length - noteLimits.body)} characters over its limit of ${numbers.format(noteLimits.body)}.`;
  const tags = parseTags(tagText);
  return 'error' in tags ? tags.error : undefined;
}

/**
 * Writing a note on a quote, or on an entity (`subject`). Ctrl/Cmd+Enter saves; Escape cancels, asking first when
 * something has been written. `onDraft` hears every change (to keep the draft); `initial` is a draft taken up again.
 *
 * No <form>: nothing here is ever submitted anywhere, and form fields without a form, with autocomplete off, give
 * the browser's form autofill nothing to offer.
 */
export function NoteEditor({ quote, subject, onSave, onCancel, onDraft, initial, draftStatus, error }: {
  quote?: string;
  subject?: string;
  onSave: (body: string, tags: string[]) => void;
  onCancel: () => void;
  onDraft?: (body: string, tagText: string) => void;
  initial?: { body: string; tagText: string };
  /** Said under the fields, e.g. "Draft kept at 14:02". */
  draftStatus?: string;
  error?: string;
}) {
  const [body, setBodyState] = useState(initial?.body ?? '');
  const [tagText, setTagTextState] = useState(initial?.tagText ?? '');
  const setBody = (next: string) => {
    setBodyState(next);
    onDraft?.(next, tagText);
  };
  const setTagText = (next: string) => {
    setTagTextState(next);
    onDraft?.(body, next);
  };
  const problem = noteProblem(body, tagText, quote);
  const save = () => {
    const tags = parseTags(tagText);
    if (!problem && 'tags' in tags) onSave(body, tags.tags);
  };
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  // A draft taken up again: the caret goes to its end, where the reader left off.
  useEffect(() => {
    const end = field.current?.value.length ?? 0;
    field.current?.setSelectionRange(end, end);
  }, []);
  const cancel = () => (body.trim() || tagText.trim() ? setConfirmingDiscard(true) : onCancel());
  return (
    <div
      className="note-editor"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          if (confirmingDiscard) setConfirmingDiscard(false);
          else cancel();
        }
      }}
    >
      {quote !== undefined && <blockquote className="note-quote">{quote.length > 280 ? `${quote.slice(0, 280)}…` : quote}</blockquote>}
      {subject !== undefined && (
        <p className="note-subject">
          On <strong>{subject}</strong>
        </p>
      )}
      <label htmlFor={id} className="note-label">
        Your note
      </label>
      <textarea
        id={id}
        ref={field}
        className="note-body"
        // Uncontrolled: React would copy a long text into the field's default value on every keystroke (a pasted
        // megabyte made each keystroke slow); the browser keeps the text, React only reads it.
        defaultValue={initial?.body}
        autoFocus
        autoComplete="off"
        data-form-type="other"
        rows={4}
        aria-describedby={`${id}-count`}
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            save();
          }
        }}
      />
      <p id={`${id}-count`} className="note-count" aria-live="polite">
        {body.length >= noteLimits.body * counterFrom ? `${numbers.format(body.length)} of ${numbers.format(noteLimits.body)} characters` : ''}
      </p>
      <label htmlFor={`${id}-tags`} className="note-label">
        Tags <span className="note-hint">(separated by commas)</span>
      </label>
      <input
        id={`${id}-tags`}
        className="note-tags"
        value={tagText}
        autoComplete="off"
        data-form-type="other"
        onChange={(event) => setTagText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            save();
          }
        }}
      />
      {draftStatus && <p className="note-draft-status">{draftStatus}</p>}
      {(problem ?? error) && (
        <p className="note-error" role="alert">
          {problem ?? error}
        </p>
      )}
      {confirmingDiscard ? (
        <div className="note-actions" role="alertdialog" aria-label="Discard this note?">
          <span className="note-confirm">Discard this note?</span>
          <button type="button" className="button" autoFocus onClick={() => setConfirmingDiscard(false)}>
            Keep writing
          </button>
          <button type="button" className="button danger" onClick={onCancel}>
            Discard
          </button>
        </div>
      ) : (
        <div className="note-actions">
          <button type="button" className="button" onClick={cancel}>
            Cancel
          </button>
          <button type="button" className="button primary" disabled={problem !== undefined} onClick={save}>
            Save note
          </button>
        </div>
      )}
    </div>
  );
}
