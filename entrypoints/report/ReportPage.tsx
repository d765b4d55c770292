import { useId, useState, type FormEvent } from 'react';
import { reportKindLabels, reportKinds, reportLimits, type ReportKind } from '../../core/watchlist/reports';
import { siteOf } from '../../core/site';
import { ErrorLine } from '../../components/ErrorLine';
import { askBackground } from '../../lib/messaging';
import { FormDone } from '../watch/FormDone';

export interface ReportContext {
  kind?: ReportKind;
  entityId?: string;
  entityName?: string;
  text?: string;
  page?: string;
}

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * "Report a mistake", in a small window of its own. The report is kept in this browser and listed in the
 * Watchlist page, which exports the reports as a file the reader may send; nothing is sent from here. "Wrong match
 * here" also offers the local "Not this".
 */
export function ReportPage(context: ReportContext) {
  const id = useId();
  const [kind, setKind] = useState<ReportKind>(context.kind ?? (context.entityId ? 'wrong-match' : 'missing-name'));
  const [text, setText] = useState((context.text ?? '').slice(0, reportLimits.text));
  const [comment, setComment] = useState('');
  const [withPage, setWithPage] = useState(true);
  const [notThis, setNotThis] = useState(true);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const site = context.page ? siteOf(context.page) : undefined;
  const canDismiss = kind === 'wrong-match' && !!context.entityId && !!context.entityName && !!site && text.trim() !== '';
  const about = kind === 'missing-name' ? undefined : context.entityId;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(undefined);
    try {
      await askBackground({
        type: 'reports.add',
        draft: {
          kind,
          comment,
          ...(about && { entityId: about, entityName: context.entityName }),
          ...(text.trim() && { text: text.trim() }),
          ...(withPage && context.page && { page: context.page }),
        },
      });
      let done = 'Report kept in your watchlist. Nothing was sent: export your reports from the Watchlist page to send them.';
      if (canDismiss && notThis) {
        await askBackground({
          type: 'settings.change',
          change: { op: 'dismiss', entityId: context.entityId!, entityName: context.entityName!, text: text.trim().slice(0, 200), site: site!, page: context.page },
        });
        done += ` “${text.trim()}” is no longer matched as ${context.entityName} on this page.`;
      }
      setSaved(done);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <main className="form-page">
      <h1>Report a mistake</h1>
      {saved ? (
        <FormDone>{saved}</FormDone>
      ) : (
        <form className="watch-form" onSubmit={(event) => void submit(event)}>
          <fieldset className="field">
            <legend className="field-label">What is wrong?</legend>
            {reportKinds.map((option) => (
              <label key={option} className="check">
                <input type="radio" name={`${id}-kind`} value={option} checked={kind === option} onChange={() => setKind(option)} />
                <span>{reportKindLabels[option]}</span>
              </label>
            ))}
          </fieldset>
          {about && context.entityName && (
            <p className="muted">
              About: <strong>{context.entityName}</strong>
            </p>
          )}
          <label className="field">
            <span className="field-label">{kind === 'missing-name' ? 'The name Watchwords missed' : 'The words on the page'}</span>
            <input value={text} maxLength={reportLimits.text} onChange={(event) => setText(event.target.value)} />
          </label>
          <label className="field">
            <span className="field-label">Your comment</span>
            <span className="field-hint">What is wrong, and where the right answer can be read (a link helps).</span>
            <textarea value={comment} rows={5} maxLength={reportLimits.comment} onChange={(event) => setComment(event.target.value)} />
          </label>
          {context.page && (
            <label className="check">
              <input type="checkbox" checked={withPage} onChange={(event) => setWithPage(event.target.checked)} />
              <span>
                Include the page address <span className="field-hint page-address">{context.page}</span>
              </span>
            </label>
          )}
          {canDismiss && (
            <label className="check">
              <input type="checkbox" checked={notThis} onChange={(event) => setNotThis(event.target.checked)} />
              <span>
                Also stop matching “{text.trim()}” as {context.entityName} on this page (“Not this”)
              </span>
            </label>
          )}
          <p className="hint">Reports stay in this browser. Nothing is sent: you can export them as a file from the Watchlist page.</p>
          <ErrorLine error={error} />
          <div className="form-actions">
            <button type="submit" className="button primary" disabled={saving || (comment.trim() === '' && text.trim() === '')}>
              {saving ? 'Saving…' : 'Keep this report'}
            </button>
            <button type="button" className="button" onClick={() => window.close()}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </main>
  );
}
