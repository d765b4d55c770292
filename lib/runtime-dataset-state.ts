import { browser } from 'wxt/browser';

/**
 * What content scripts watch in storage.local (free of zod, like lib/settings.ts): the runtime dataset's revision,
 * which the background (lib/runtime-dataset.ts) bumps whenever the reader's entries or packs change, and how many
 * entries join the bundled ones (none: there is nothing to ask for).
 */
export const runtimeDatasetKey = 'runtimeDataset';

export interface RuntimeDatasetState {
  revision: number;
  entries: number;
}

export function readRuntimeDatasetState(value: unknown): RuntimeDatasetState {
  const stored = (value ?? {}) as Partial<RuntimeDatasetState>;
  return {
    revision: typeof stored.revision === 'number' ? stored.revision : 0,
    entries: typeof stored.entries === 'number' ? stored.entries : 0,
  };
}

export async function loadRuntimeDatasetState(): Promise<RuntimeDatasetState> {
  return readRuntimeDatasetState((await browser.storage.local.get(runtimeDatasetKey))[runtimeDatasetKey]);
}

/** Calls `listener` whenever the runtime dataset changes; returns the unsubscribe function. */
export function watchRuntimeDataset(listener: (state: RuntimeDatasetState) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && runtimeDatasetKey in changes) listener(readRuntimeDatasetState(changes[runtimeDatasetKey]!.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
