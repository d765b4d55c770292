import { useId, useState } from 'react';

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
  const save = () => onSave(body, parseTags(tagText));
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
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            save();
          }
        }}
      />
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

/** "border, ICE ,, follow-up" → ["border", "ICE", "follow-up"]: trimmed, no empties, no repeats. */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(',').map((tag) => tag.trim()).filter(Boolean))].slice(0, 50).map((tag) => tag.slice(0, 100));
}
