import { serverClockSkew } from '../../core/notes/clock';
import type { ConnectionReport, ConnectionStep } from '../../core/sync/types';
import { WebDavClient, WebDavError, type WebDavOptions } from './webdav';

export type { ConnectionReport, ConnectionStep };

const describe = (error: unknown) => (error instanceof WebDavError ? error.message : 'Something unexpected went wrong.');

/**
 * Checks a server the way Zotero's "Verify server" does: OPTIONS must announce WebDAV (a `DAV` header); the folder
 * must exist (PROPFIND, depth 0; created on request); a file that does not exist must answer 404 (servers that
 * answer 200 for anything would make missing files look present); then a test file is written, read back
 * byte for byte and deleted.
 */
export async function testConnection(options: WebDavOptions, { createFolder = false } = {}): Promise<ConnectionReport> {
  const dav = new WebDavClient(options);
  const steps: ConnectionStep[] = [];
  const report = (extra: Partial<ConnectionReport> = {}): ConnectionReport => {
    const clock = dav.lastDate && serverClockSkew(dav.lastDate.header, dav.lastDate.sentAt, dav.lastDate.receivedAt);
    return { ok: steps.every((s) => s.ok), steps, ...(clock && { clock }), ...extra };
  };
  try {
    const headers = await dav.options();
    if (!headers.get('DAV')) {
      steps.push({ step: 'webdav', ok: false, message: 'The server answered, but it does not speak WebDAV at this address.' });
      return report();
    }
    steps.push({ step: 'webdav', ok: true, message: 'The server speaks WebDAV.' });
  } catch (error) {
    steps.push({ step: 'webdav', ok: false, message: describe(error) });
    return report();
  }
  try {
    if (!(await dav.exists(''))) {
      if (!createFolder) {
        steps.push({ step: 'folder', ok: false, message: 'The folder does not exist on the server.' });
        return report({ folderMissing: true });
      }
      await dav.ensureFolder('');
    }
    steps.push({ step: 'folder', ok: true, message: 'The folder is there.' });
    const name = `watchwords-test-${crypto.randomUUID()}.txt`;
    const missing = await dav.request('GET', name);
    await missing.body?.cancel().catch(() => undefined);
    if (missing.status !== 404) {
      steps.push({ step: 'missing-file', ok: false, message: `The server answered ${missing.status} for a file that does not exist (it must answer 404).` });
      return report();
    }
    steps.push({ step: 'missing-file', ok: true, message: 'A missing file is reported as missing.' });
    const content = `Watchwords connection test ${new Date().toISOString()} — ünïcödé`;
    await dav.put(name, content, 'text/plain; charset=utf-8');
    steps.push({ step: 'write', ok: true, message: 'A test file was written.' });
    const back = await dav.get(name);
    steps.push(back === content ? { step: 'read-back', ok: true, message: 'It read back exactly.' } : { step: 'read-back', ok: false, message: 'The test file read back different from what was written.' });
    await dav.delete(name);
    steps.push({ step: 'delete', ok: true, message: 'The test file was deleted.' });
  } catch (error) {
    const step = (['folder', 'missing-file', 'write', 'read-back', 'delete'] as const)[steps.length - 1] ?? 'folder';
    steps.push({ step, ok: false, message: describe(error) });
  }
  return report();
}
