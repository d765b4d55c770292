import { useId, type FormEvent } from 'react';
import { kindLabel, kinds, type Kind } from '../core/dataset/kinds';
import { ErrorLine } from './ErrorLine';
import type { WatchForm as WatchFormValue } from '../core/watchlist/entry';
import { ownerOfId, type Collision } from '../core/watchlist/runtime';

export interface WatchPreview {
  problems: string[];
  collisions: Collision[];
  /** Mentions on the page the form was opened from; null when unknown (no page, or it did not answer). */
  mentions: number | null;
}

export interface WatchFormProps {
  value: WatchFormValue;
  onChange(value: WatchFormValue): void;
  preview?: WatchPreview;
  /** Whether the form was opened from a page (then the preview counts its mentions). */
  hasPage: boolean;
  saving: boolean;
  /** A refusal or failure from the last save. */
  error?: string;
  submitLabel: string;
  onSubmit(): void;
  onCancel(): void;
}

/**
 * "Watch this name": the fields of a reader's entry, with a live preview — the problems the dataset's rules find,
 * the existing terms it shares text with, and how often it appears on the page. Presentational: the page that
 * shows it asks the background.
 */
export function WatchForm({ value, onChange, preview, hasPage, saving, error, submitLabel, onSubmit, onCancel }: WatchFormProps) {
  const id = useId();
  const set = <K extends keyof WatchFormValue>(key: K, field: WatchFormValue[K]) => onChange({ ...value, [key]: field });
  const blocking = preview?.collisions.filter((collision) => collision.blocking) ?? [];
  const sharing = preview?.collisions.filter((collision) => !collision.blocking) ?? [];
  const canSave = !saving && !!preview && preview.problems.length === 0 && blocking.length === 0;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (canSave) onSubmit();
  };
  return (
    <form className="watch-form" onSubmit={submit} aria-describedby={`${id}-preview`}>
      <label className="field">
        <span className="field-label">Name</span>
        <input value={value.name} maxLength={120} required onChange={(event) => set('name', event.target.value)} />
      </label>
      <label className="field">
        <span className="field-label">Kind</span>
        <select value={value.kind} onChange={(event) => set('kind', event.target.value as Kind)}>
          {kinds.map((kind) => (
            <option key={kind} value={kind}>
              {kindLabel(kind)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">Other names</span>
        <span className="field-hint">One per line: spellings, abbreviations, product names.</span>
        <textarea value={value.aliases} rows={3} onChange={(event) => set('aliases', event.target.value)} />
      </label>
      <label className="field">
        <span className="field-label">Description</span>
        <span className="field-hint">One line in your own words: what it is, and who runs it.</span>
        <input value={value.summary} maxLength={300} onChange={(event) => set('summary', event.target.value)} />
      </label>
      <label className="field">
        <span className="field-label">Source</span>
        <span className="field-hint">An https:// link where you read about it (shown on the card as a link; never fetched).</span>
        <input type="url" value={value.sourceUrl} inputMode="url" placeholder="https://" onChange={(event) => set('sourceUrl', event.target.value)} />
      </label>
      <label className="check">
        <input type="checkbox" checked={value.matchCase} onChange={(event) => set('matchCase', event.target.checked)} />
        <span>
          <span className="field-label">Match case</span> <span className="field-hint">only with exactly these capitals</span>
        </span>
      </label>
      <label className="field">
        <span className="field-label">Words it needs nearby</span>
        <span className="field-hint">Separated by commas; at least one must be in the same paragraph. Needed for a single common word.</span>
        <input value={value.nearby} onChange={(event) => set('nearby', event.target.value)} />
      </label>

      <section id={`${id}-preview`} className="preview" aria-label="Preview" aria-live="polite">
        {!preview ? (
          <p className="muted">Checking…</p>
        ) : (
          <>
            {preview.problems.length > 0 && (
              <ul className="problems">
                {preview.problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            )}
            {hasPage && preview.problems.length === 0 && (
              <p className="mentions">
                {preview.mentions === null
                  ? 'Could not count the mentions on the page (it may have been closed or reloaded).'
                  : `${preview.mentions} ${preview.mentions === 1 ? 'mention' : 'mentions'} on the page you came from.`}
              </p>
            )}
            {blocking.map((collision) => (
              <p key={`${collision.text}-${collision.with.id}`} className="collision blocking">
                “{collision.text}” cannot be told apart from “{collision.with.name}” ({ownerLabel(collision.with.id)}): add words it needs
                nearby, or match case.
              </p>
            ))}
            {sharing.map((collision) => (
              <p key={`${collision.text}-${collision.with.id}`} className="collision">
                “{collision.text}” is also a name of “{collision.with.name}” ({ownerLabel(collision.with.id)}); their rules tell them apart.
              </p>
            ))}
            {preview.problems.length === 0 && preview.collisions.length === 0 && <p className="ok">No other entry has these names.</p>}
          </>
        )}
      </section>
      <ErrorLine error={error} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={!canSave}>
          {saving ? 'Saving…' : submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Whose an entity is, from its id's namespace (core/watchlist/runtime.ts). */
export function ownerLabel(id: string): string {
  const { by } = ownerOfId(id);
  return by === 'reader' ? 'your entry' : by === 'pack' ? 'from a pack' : 'Watchwords’ dataset';
}
