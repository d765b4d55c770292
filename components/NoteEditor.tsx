import { useId, useState } from 'react';

/** Writing a note on a quote. Ctrl/Cmd+Enter saves; Escape cancels. */
export function NoteEditor({ quote, onSave, onCancel, error }: {
  quote: string;
  onSave: (body: string) => void;
  onCancel: () => void;
  error?: string;
}) {
  const [body, setBody] = useState('');
  const id = useId();
  return (
    <form
      className="note-editor"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(body);
      }}
    >
      <blockquote className="note-quote">{quote.length > 280 ? `${quote.slice(0, 280)}…` : quote}</blockquote>
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
          if (event.key === 'Escape') {
            event.preventDefault();
            onCancel();
          }
        }}
      />
      {error && (
        <p className="note-error" role="alert">
          {error}
        </p>
      )}
      <div className="note-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button primary">
          Save note
        </button>
      </div>
    </form>
  );
}
