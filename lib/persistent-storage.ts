/**
 * Asks the browser to keep the extension's storage (the notes) when disk space runs low. Only an extension page
 * can ask; the background and content scripts cannot. The answer is remembered by the browser.
 */
export async function askForPersistentStorage(): Promise<boolean> {
  if (!navigator.storage?.persist) return false;
  return (await navigator.storage.persisted()) || navigator.storage.persist();
}
