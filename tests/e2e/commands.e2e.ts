import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { commands } from '../../core/commands';
import { browserNames, inExtension, launchers, type Session } from './harness';

/**
 * The keyboard shortcuts the browser actually assigned, read back. Chromium silently leaves a suggested key unset
 * when it is one of its own shortcuts: Alt+Shift+W and Alt+Shift+N once showed "Not set" in Debian Chromium 156.
 */
describe.each(browserNames)('keyboard shortcuts in %s', (browserName) => {
  let session: Session;
  beforeAll(async () => {
    session = await launchers[browserName]();
  });
  afterAll(async () => {
    await session?.close();
  });

  test('every command has its default key assigned', async () => {
    const assigned = await inExtension<{ name: string; shortcut?: string }[]>(session, 'api.commands.getAll()');
    const byName = Object.fromEntries(assigned.map((command) => [command.name, command.shortcut ?? '']));
    // Firefox writes the same keys in the same order ("Alt+Shift+J").
    expect(Object.fromEntries(Object.keys(commands).map((name) => [name, byName[name]]))).toEqual(
      Object.fromEntries(Object.entries(commands).map(([name, { key }]) => [name, key])),
    );
  });
});
