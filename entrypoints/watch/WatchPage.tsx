import { useState } from 'react';
import { WatchForm } from '../../components/WatchForm';
import { emptyForm } from '../../core/watchlist/entry';
import { FormDone } from './FormDone';
import { useWatchForm } from './use-watch-form';

/**
 * "Watch this name", in a small window of its own (never in the page): the selected text becomes the name; the
 * preview counts its mentions on the page it came from.
 */
export function WatchPage({ text, tabId }: { text: string; tabId?: number }) {
  const [saved, setSaved] = useState(false);
  const state = useWatchForm(emptyForm(text), { tabId, onSaved: () => setSaved(true) });
  return (
    <main className="form-page">
      <h1>Watch this name</h1>
      {saved ? (
        <FormDone>
          Saved to your watchlist. Watchwords now highlights “{state.form.name.trim()}” on the pages you have open and the ones you open next.
        </FormDone>
      ) : (
        <>
          <p className="lede">Add it to your own watchlist: it stays in this browser, and Watchwords highlights it like its own entries.</p>
          <WatchForm
            value={state.form}
            onChange={state.setForm}
            preview={state.preview}
            hasPage={tabId !== undefined}
            saving={state.saving}
            error={state.error}
            submitLabel="Watch this name"
            onSubmit={() => void state.save()}
            onCancel={() => window.close()}
          />
        </>
      )}
    </main>
  );
}
