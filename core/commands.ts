/**
 * The keyboard commands: one table for the manifest, the background, the popup and the README.
 *
 * Default keys are ones both browsers assign. Chromium does not assign a suggested key that is one of its own
 * shortcuts (`CommandService` skips any `chrome::IsChromeAccelerator` key): in Debian Chromium 156 that leaves
 * Alt+Shift+A, B, C, N, P, R, T, W, X and Z unassigned ("Not set"), which is why Alt+Shift+W and Alt+Shift+N
 * once were. Chromium also assigns at most four suggested keys per extension. Firefox assigns all of these.
 * tests/e2e/commands.e2e.ts reads the assigned shortcuts back in both browsers.
 */
export const commands = {
  'next-mention': { key: 'Alt+Shift+J', description: 'Go to the next mention on the page and open its card' },
  'announce-mentions': { key: 'Alt+Shift+M', description: 'Say and show how many mentions Watchwords found on the page' },
  'add-note': { key: 'Alt+Shift+K', description: 'Add a note on the selected text' },
  'open-notes': { key: 'Alt+Shift+L', description: 'Open the notes manager (all notes)' },
  // No default key: Chromium assigns at most four. The reader can set one; the context menu has it too.
  'watch-name': { key: '', description: 'Watch the selected name (add it to your watchlist)' },
} as const;
export type CommandName = keyof typeof commands;

type ManifestCommand = { suggested_key?: { default: string }; description: string };

/** The manifest's `commands` (a command without a default key has no `suggested_key`). */
export function manifestCommands(): Record<CommandName, ManifestCommand> {
  return Object.fromEntries(
    Object.entries(commands).map(([name, { key, description }]) => [name, key ? { suggested_key: { default: key }, description } : { description }]),
  ) as Record<CommandName, ManifestCommand>;
}
