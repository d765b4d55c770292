import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { kindPlural, kinds } from '../../core/dataset/kinds';
import { defaultSettings, type Dismissal, type Settings } from '../../core/settings/model';
import { applyChange, settingsChangeSchema, settingsSchema, type SettingsChange } from '../../core/settings/schema';
import { siteFromInput } from '../../core/site';
import { openWatchlist } from '../../lib/manager';
import { askBackground } from '../../lib/messaging';
import { loadSettings, watchSettings } from '../../lib/settings';

type SiteList = 'paused' | 'allowed';

const delayRule = settingsSchema.shape.hoverDelayMs;

/** A site typed or pasted by the reader: a host name, or a whole address (its site is taken). */
function parseSite(text: string): { site: string } | { error: string } {
  const trimmed = text.trim();
  if (!trimmed) return { error: 'Type a host name such as example.com.' };
  const site = siteFromInput(trimmed);
  return site ? { site } : { error: `“${trimmed}” is not a site: a site is a host name such as example.com.` };
}

function delayError(text: string, badInput: boolean): string | undefined {
  if (badInput || !text.trim()) return 'Enter a number of milliseconds, from 0 to 3000.';
  const value = Number(text);
  if (delayRule.safeParse(value).success) return undefined;
  return Number.isInteger(value) ? 'The delay must be from 0 to 3000 milliseconds.' : 'Use a whole number of milliseconds.';
}

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A polite status line that re-announces the same message when it is set again. */
function useStatus() {
  const [status, setStatus] = useState('');
  const timer = useRef<number>(undefined);
  const announce = useCallback((text: string) => {
    setStatus('');
    window.clearTimeout(timer.current);
    requestAnimationFrame(() => setStatus(text));
    timer.current = window.setTimeout(() => setStatus(''), 3000);
  }, []);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  return [status, announce] as const;
}

/**
 * The settings, loaded once and kept in sync with storage (another page may change them). A change is checked
 * here first (so a bad value is said at once), then asked of the settings owner in the background, which applies
 * it to the settings as they are then and answers what it stored.
 */
function useSettings(announce: (text: string) => void) {
  const [settings, setSettings] = useState<Settings>();
  const [loadError, setLoadError] = useState<string>();

  useEffect(() => {
    let live = true;
    const stop = watchSettings((stored) => live && setSettings(stored));
    loadSettings().then(
      (stored) => live && setSettings((shown) => shown ?? stored),
      (error: unknown) => live && setLoadError(errorMessage(error)),
    );
    return () => {
      live = false;
      stop();
    };
  }, []);

  const change = useCallback(
    async (asked: SettingsChange, done = 'Saved') => {
      if (!settingsChangeSchema.safeParse(asked).success) return announce('Not saved: that value is not valid.');
      // Shown at once; the owner's answer (or the storage change) follows.
      setSettings((shown) => shown && applyChange(shown, asked, { now: new Date(), newId: () => crypto.randomUUID(), defaults: defaultSettings }));
      try {
        const { settings: stored } = await askBackground({ type: 'settings.change', change: asked });
        setSettings(stored);
        announce(done);
      } catch (error) {
        announce(`Not saved: ${errorMessage(error)}`);
      }
    },
    [announce],
  );

  return { settings, loadError, change };
}

/** The names of entries by id, loaded with the dataset (for "Not this" choices stored before names were kept). */
function useEntityNames(): ReadonlyMap<string, string> {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    void import('virtual:watchwords/entries').then(({ default: entries }) => setNames(new Map(entries.map((entry) => [entry.id, entry.name]))));
  }, []);
  return names;
}

export function OptionsPage() {
  const [status, announce] = useStatus();
  const { settings, loadError, change } = useSettings(announce);
  const names = useEntityNames();

  const addSite = (list: SiteList, text: string): string | undefined => {
    const parsed = parseSite(text);
    if ('error' in parsed) return parsed.error;
    if (settings?.sites[list].includes(parsed.site)) return `${parsed.site} is already in the list.`;
    void change({ op: 'site', list, site: parsed.site, present: true });
    return undefined;
  };
  const removeSite = (list: SiteList, site: string) => void change({ op: 'site', list, site, present: false });

  return (
    <div className="options">
      <header className="options-header">
        <h1>Watchwords settings</h1>
        <p className="lede">Changes are saved as you make them, in this browser only.</p>
        <p role="status" className="save-status" aria-live="polite">
          {status && (
            <>
              <span aria-hidden="true" className="save-status-icon">✓</span> {status}
            </>
          )}
        </p>
      </header>

      <main>
        {loadError ? (
          <p className="notice notice-error" role="alert">
            The settings could not be loaded: {loadError}
          </p>
        ) : !settings ? (
          <p className="muted">Loading…</p>
        ) : (
          <>
            <section className="panel">
              <fieldset>
                <legend>
                  <h2>What to highlight</h2>
                </legend>
                <p className="hint">Names of these kinds are highlighted on the pages you read.</p>
                <div className="kind-grid">
                  {kinds.map((kind) => (
                    <label key={kind} className="choice choice-compact">
                      <input
                        type="checkbox"
                        checked={settings.enabledKinds[kind]}
                        onChange={(event) => {
                          void change({ op: 'set', enabledKinds: { [kind]: event.currentTarget.checked } });
                        }}
                      />
                      <span className={`kind-swatch kind-${kind}`} aria-hidden="true" />
                      <span className="choice-label">{kindPlural(kind)}</span>
                    </label>
                  ))}
                </div>
                {kinds.every((kind) => !settings.enabledKinds[kind]) && (
                  <p className="notice">Nothing is highlighted while every kind is off.</p>
                )}
              </fieldset>
            </section>

            <section className="panel" aria-labelledby="cards-title">
              <h2 id="cards-title">Cards</h2>
              <HoverDelay value={settings.hoverDelayMs} onChange={(ms) => void change({ op: 'set', hoverDelayMs: ms })} />
            </section>

            <section className="panel">
              <RadioGroup
                legend="Highlight style"
                name="highlight-style"
                value={settings.highlightStyle}
                onChange={(highlightStyle) => void change({ op: 'set', highlightStyle })}
                options={[
                  { value: 'underline', label: 'Underline', description: <span className="sample sample-underline">Section 702</span> },
                  { value: 'background', label: 'Background', description: <span className="sample sample-background">Section 702</span> },
                ]}
              />
            </section>

            <section className="panel">
              <RadioGroup
                legend="Highlight method"
                name="highlight-method"
                value={settings.highlightMethod}
                onChange={(highlightMethod) => void change({ op: 'set', highlightMethod })}
                options={[
                  {
                    value: 'auto',
                    label: 'Automatic',
                    description: 'Uses the CSS Custom Highlight API; the page itself is not changed.',
                  },
                  {
                    value: 'wrap',
                    label: 'Compatibility',
                    description: 'Marks text with an element; for pages where highlights misbehave.',
                  },
                ]}
              />
            </section>

            <section className="panel" aria-labelledby="sites-title">
              <h2 id="sites-title">Sites</h2>
              <RadioGroup
                legend="Where Watchwords runs"
                name="sites-mode"
                small
                value={settings.sites.mode}
                onChange={(sitesMode) => void change({ op: 'set', sitesMode })}
                options={[
                  { value: 'everywhere', label: 'Everywhere except paused sites' },
                  { value: 'only-allowed', label: 'Only on allowed sites' },
                ]}
              />
              {settings.sites.mode === 'only-allowed' && settings.sites.allowed.length === 0 && (
                <p className="notice">Add an allowed site: until then Watchwords runs nowhere.</p>
              )}
              <div className="site-lists">
                <SiteListEditor
                  title="Paused sites"
                  inputLabel="Add a paused site"
                  hint="Skipped in both modes."
                  empty="No paused sites."
                  sites={settings.sites.paused}
                  onAdd={(text) => addSite('paused', text)}
                  onRemove={(site) => removeSite('paused', site)}
                />
                <SiteListEditor
                  title="Allowed sites"
                  inputLabel="Add an allowed site"
                  hint="Used by “Only on allowed sites”."
                  empty="No allowed sites."
                  sites={settings.sites.allowed}
                  onAdd={(text) => addSite('allowed', text)}
                  onRemove={(site) => removeSite('allowed', site)}
                />
              </div>
            </section>

            <section className="panel" aria-labelledby="toolbar-title">
              <h2 id="toolbar-title">Toolbar button</h2>
              <label className="choice choice-compact">
                <input type="checkbox" checked={settings.showBadge} onChange={(event) => void change({ op: 'set', showBadge: event.currentTarget.checked })} />
                <span className="choice-label">Show how many mentions the page has on the Watchwords button</span>
              </label>
            </section>

            <section className="panel" aria-labelledby="watchlist-title">
              <h2 id="watchlist-title">Your watchlist</h2>
              <p className="hint">Names you added with “Watch this name”, packs you imported, and your reports of mistakes.</p>
              <button type="button" className="button" onClick={() => void openWatchlist()}>
                Open your watchlist
              </button>
            </section>

            <DismissalsPanel
              dismissals={settings.dismissals}
              names={names}
              onRemove={(dismissal) => change({ op: 'undismiss', ids: [dismissal.id] }, `“${dismissal.phrase}” will be highlighted again`)}
              onReset={() => change({ op: 'clearDismissals' }, '“Not this” choices reset')}
            />
          </>
        )}
      </main>
    </div>
  );
}

function HoverDelay({ value, onChange }: { value: number; onChange: (ms: number) => void }) {
  const id = useId();
  const [draft, setDraft] = useState(String(value));
  const [badInput, setBadInput] = useState(false);
  const editing = useRef(false);
  // A change made elsewhere shows here, unless the reader is typing in the field.
  useEffect(() => {
    if (editing.current) return;
    setDraft(String(value));
    setBadInput(false);
  }, [value]);
  const error = delayError(draft, badInput);

  return (
    <div className="field">
      <label htmlFor={`${id}-input`} className="field-label">
        Hover delay
      </label>
      <div className="input-with-unit">
        <input
          id={`${id}-input`}
          type="number"
          inputMode="numeric"
          min={0}
          max={3000}
          step={50}
          value={draft}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint ${id}-error`}
          onFocus={() => (editing.current = true)}
          onBlur={() => {
            editing.current = false;
            if (!error) setDraft(String(value));
          }}
          onChange={(event) => {
            const text = event.currentTarget.value;
            const bad = event.currentTarget.validity.badInput;
            setDraft(text);
            setBadInput(bad);
            if (!delayError(text, bad)) onChange(Number(text));
          }}
        />
        <span className="unit" aria-hidden="true">
          ms
        </span>
      </div>
      <p id={`${id}-hint`} className="hint">
        How long the pointer rests on a highlighted name before its card opens: 0 to 3000 ms.
      </p>
      <p id={`${id}-error`} className="field-error" aria-live="polite">
        {error}
      </p>
    </div>
  );
}

interface RadioOption<T extends string> {
  value: T;
  label: string;
  description?: ReactNode;
}

function RadioGroup<T extends string>(props: {
  legend: string;
  name: string;
  value: T;
  options: RadioOption<T>[];
  onChange: (value: T) => void;
  /** A sub-group inside a section: its legend is not a heading. */
  small?: boolean;
}) {
  const id = useId();
  return (
    <fieldset className={props.small ? 'sub-group' : undefined}>
      <legend>{props.small ? <span className="field-label">{props.legend}</span> : <h2>{props.legend}</h2>}</legend>
      <div className={props.small ? 'radio-row' : 'radio-cards'}>
        {props.options.map((option) => (
          <label key={option.value} className="choice">
            <input
              type="radio"
              name={props.name}
              value={option.value}
              checked={props.value === option.value}
              aria-describedby={option.description ? `${id}-${option.value}` : undefined}
              onChange={() => props.onChange(option.value)}
            />
            <span className="choice-text">
              <span className="choice-label">{option.label}</span>
              {option.description && (
                <span id={`${id}-${option.value}`} className="choice-description">
                  {option.description}
                </span>
              )}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function SiteListEditor(props: {
  title: string;
  inputLabel: string;
  hint: string;
  empty: string;
  sites: string[];
  onAdd: (text: string) => string | undefined;
  onRemove: (site: string) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string>();
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const focusRow = useRef<number | null>(null);

  // After a removal, focus moves to the next row's Remove button (or the input when the list is empty).
  useEffect(() => {
    if (focusRow.current === null) return;
    const buttons = list.current?.querySelectorAll('button') ?? [];
    const target = buttons[Math.min(focusRow.current, buttons.length - 1)] ?? input.current;
    focusRow.current = null;
    target?.focus();
  }, [props.sites]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = props.onAdd(draft);
    setError(problem);
    if (!problem) setDraft('');
    input.current?.focus();
  };

  return (
    <section className="site-list" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{props.title}</h3>
      <p id={`${id}-hint`} className="hint">
        {props.hint}
      </p>
      <form className="add-row" onSubmit={submit} noValidate>
        <label htmlFor={`${id}-input`} className="visually-hidden">
          {props.inputLabel}
        </label>
        <input
          ref={input}
          id={`${id}-input`}
          type="text"
          placeholder="example.com"
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          value={draft}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint ${id}-error`}
          onChange={(event) => {
            setDraft(event.currentTarget.value);
            if (error) setError(undefined);
          }}
        />
        <button type="submit" className="button">
          Add
        </button>
      </form>
      <p id={`${id}-error`} className="field-error" aria-live="polite">
        {error}
      </p>
      {props.sites.length === 0 ? (
        <p className="muted empty">{props.empty}</p>
      ) : (
        <ul ref={list} className="rows" aria-label={props.title}>
          {props.sites.map((site, index) => (
            <li key={site}>
              <span className="site-name">{site}</span>
              <button
                type="button"
                className="button button-quiet"
                aria-label={`Remove ${site} from ${props.title.toLowerCase()}`}
                onClick={() => {
                  focusRow.current = index;
                  props.onRemove(site);
                }}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function DismissalsPanel(props: {
  dismissals: Dismissal[];
  names: ReadonlyMap<string, string>;
  onRemove: (dismissal: Dismissal) => Promise<void>;
  onReset: () => Promise<void>;
}) {
  const { dismissals, names } = props;
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const resetButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const count = useRef<HTMLParagraphElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const focusRow = useRef<number | null>(null);
  const n = dismissals.length;
  const choices = `${n} “Not this” ${n === 1 ? 'choice' : 'choices'}`;

  useEffect(() => {
    if (n === 0) setConfirming(false);
  }, [n]);
  useEffect(() => {
    if (confirming) cancelButton.current?.focus();
  }, [confirming]);
  // After a removal, focus moves to the next row's Remove button (or the count when none is left).
  useEffect(() => {
    if (focusRow.current === null) return;
    const buttons = list.current?.querySelectorAll('button') ?? [];
    const target = buttons[Math.min(focusRow.current, buttons.length - 1)] ?? count.current;
    focusRow.current = null;
    target?.focus();
  }, [dismissals]);

  const cancel = () => {
    setConfirming(false);
    requestAnimationFrame(() => resetButton.current?.focus());
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    cancel();
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>“Not this” choices</h2>
      <p className="hint">
        Choosing “Not this” on a card stops that phrase from being highlighted as that entry on that page (or, if you chose so, on the whole site).
      </p>
      <div className="dismissal-summary">
        <p ref={count} tabIndex={-1} className="count">
          {n === 0 ? 'No “Not this” choices are stored.' : `${choices} ${n === 1 ? 'is' : 'are'} stored.`}
        </p>
        {n > 0 && !confirming && (
          <button ref={resetButton} type="button" className="button button-danger-quiet" onClick={() => setConfirming(true)}>
            Reset all
          </button>
        )}
      </div>
      {confirming && (
        <div className="confirm" role="group" aria-labelledby={`${id}-confirm`} onKeyDown={onKeyDown}>
          <p id={`${id}-confirm`}>
            {n === 1 ? 'Delete the one “Not this” choice? Its phrase' : `Delete all ${choices}? Their phrases`} will be
            highlighted again.
          </p>
          <div className="confirm-actions">
            <button
              type="button"
              className="button button-danger"
              onClick={async () => {
                await props.onReset();
                setConfirming(false);
                count.current?.focus();
              }}
            >
              Delete {n === 1 ? 'it' : `all ${n}`}
            </button>
            <button ref={cancelButton} type="button" className="button" onClick={cancel}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {n > 0 && (
        <ul ref={list} className="rows dismissals" aria-label="Stored choices">
          {dismissals.map((d, index) => {
            const name = names.get(d.entityId) ?? d.entityName;
            const where = d.page ? pageLabel(d.page) : `all of ${d.site}`;
            return (
              <li key={d.id}>
                <span className="dismissal">
                  <span className="phrase">{d.phrase}</span>
                  <span className="arrow" aria-hidden="true">
                    →
                  </span>
                  <span className="visually-hidden"> is not </span>
                  <span className="entity">{name}</span>
                  <span className="on"> on </span>
                  <span className="site-name" title={d.page}>
                    {where}
                  </span>
                </span>
                <button
                  type="button"
                  className="button button-quiet"
                  aria-label={`Remove: “${d.phrase}” is not ${name} on ${where}`}
                  onClick={() => {
                    focusRow.current = index;
                    void props.onRemove(d);
                  }}
                >
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** A page address as a short label: host and path. */
function pageLabel(page: string): string {
  try {
    const url = new URL(page);
    return `${url.host.replace(/^www\./, '')}${url.pathname === '/' ? '' : url.pathname}`;
  } catch {
    return page;
  }
}
