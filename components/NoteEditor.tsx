import { useId, useState } from 'react';

/**
 * Writing a note on a quote, or on an entity (`subject`). Ctrl/Cmd+Enter saves; Escape cancels, asking first when
 * something has been written.
 */
export function NoteEditor({ quote, subject, onSave, onCancel, error }: {
  quote?: string;
  subject?: string;
  onSave: (body: string) => void;
  onCancel: () => void;
  error?: string;
}) {
  const [body, setBody] = useState('');
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  const id = useId();
  const cancel = () => (body.trim() ? setConfirmingDiscard(true) : onCancel());
  return (
    <form
      className="note-editor"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(body);
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
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            onSave(body);
          }
        }}
      />
      {error && (
        <p className="note-error" role="alert">
          {error}
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
          <button type="submit" className="button primary">
            Save note
          </button>
        </div>
      )}
    </form>
  );
}
