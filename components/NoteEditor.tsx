import { useId, useState } from 'react';
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
 * something has been written.
 */
export function NoteEditor({ quote, subject, onSave, onCancel, error }: {
  quote?: string;
  subject?: string;
  onSave: (body: string, tags: string[]) => void;
  onCancel: () => void;
  error?: string;
}) {
  const [body, setBody] = useState('');
  const [tagText, setTagText] = useState('');
  const problem = noteProblem(body, tagText, quote);
  const save = () => {
    const tags = parseTags(tagText);
    if (!problem && 'tags' in tags) onSave(body, tags.tags);
  };
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  const id = useId();
  const cancel = () => (body.trim() || tagText.trim() ? setConfirmingDiscard(true) : onCancel());
  return (
    <form
      className="note-editor"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
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
        className="note-body"
        value={body}
        autoFocus
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
        onChange={(event) => setTagText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            save();
          }
        }}
      />
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
          <button type="submit" className="button primary" disabled={problem !== undefined}>
            Save note
          </button>
        </div>
      )}
    </form>
  );
}
