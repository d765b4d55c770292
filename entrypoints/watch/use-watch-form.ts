import { useEffect, useRef, useState } from 'react';
import type { WatchPreview } from '../../components/WatchForm';
import { entryFromForm, type WatchForm } from '../../core/watchlist/entry';
import { askBackground } from '../../lib/messaging';

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * A "Watch this name" form's state: the fields, a preview asked of the background a moment after each change (it
 * checks the entry with the dataset's rules, finds shared terms, and has the page's tab count the mentions), and
 * saving. `replaces`: the runtime id of the entry being edited.
 */
export function useWatchForm(initial: WatchForm, options: { tabId?: number; replaces?: string; onSaved(id: string): void }) {
  const [form, setForm] = useState(initial);
  const [preview, setPreview] = useState<WatchPreview>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const asked = useRef(0);
  const { tabId, replaces } = options;

  useEffect(() => {
    const mine = ++asked.current;
    setError(undefined);
    const timer = setTimeout(() => {
      askBackground({ type: 'watchlist.preview', entry: { ...entryFromForm(form, 'draft') }, replaces, tabId }).then(
        (answer) => mine === asked.current && setPreview(answer),
        (failure: unknown) => mine === asked.current && setPreview({ problems: [errorMessage(failure)], collisions: [], mentions: null }),
      );
    }, 250);
    return () => clearTimeout(timer);
  }, [form, replaces, tabId]);

  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      const { id } = await askBackground({ type: 'watchlist.save', entry: { ...entryFromForm(form, 'draft') }, replaces });
      options.onSaved(id);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };

  return { form, setForm, preview, saving, error, save };
}
