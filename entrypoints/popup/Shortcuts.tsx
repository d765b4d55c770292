import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { commands, type CommandName } from '../../core/commands';
import { openShortcutSettings } from '../../lib/manager';

interface Assigned {
  name: CommandName;
  description: string;
  /** '' when the browser has not assigned one. */
  shortcut: string;
}

/** The keyboard shortcuts as the browser has assigned them, and the way to change them. */
export function Shortcuts() {
  const [assigned, setAssigned] = useState<Assigned[]>();
  useEffect(() => {
    void browser.commands.getAll().then((all) =>
      setAssigned(
        all.flatMap((command) =>
          command.name && command.name in commands
            ? [{ name: command.name as CommandName, description: commands[command.name as CommandName].description, shortcut: command.shortcut ?? '' }]
            : [],
        ),
      ),
    );
  }, []);
  return (
    <details className="shortcuts">
      <summary>Keyboard shortcuts</summary>
      <dl>
        {(assigned ?? []).map((command) => (
          <div key={command.name} className="shortcut">
            <dt>{command.shortcut ? <kbd>{command.shortcut}</kbd> : <span className="not-set">Not set</span>}</dt>
            <dd>{command.description}</dd>
          </div>
        ))}
      </dl>
      <p className="hint">
        Change them in your browser&apos;s shortcut settings.{' '}
        <button type="button" className="link-button" onClick={() => void openShortcutSettings().then(() => window.close(), () => undefined)}>
          Change shortcuts
        </button>
      </p>
    </details>
  );
}
