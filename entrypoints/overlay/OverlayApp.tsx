import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { browser } from 'wxt/browser';
import { ContextCard, type CardAction, type EntityNoteSummary, type RelatedEntity } from '../../components/ContextCard';
import { NoteEditor } from '../../components/NoteEditor';
import { NotePopover } from '../../components/NotePopover';
import { relationNames } from '../../core/dataset/relations';
import type { Entry } from '../../core/dataset/schema';
import type { Note } from '../../core/notes/note';
import type { ButtonView, DraftSummary, EditorTarget, HostToFrame, Look } from '../../core/protocol/frame';
import { askBackground } from '../../lib/messaging';
import { openNotesManager } from '../../lib/manager';
import type { HostLink } from './host-link';
import { createDraftSaver } from './draft-saver';
import { useGuardReady, useVisibility } from './use-visibility';

/** How long a notice with Undo stays when nobody touches it, and "Note saved". */
const noticeMs = 12_000;
const toastMs = 2500;

/** What the frame shows; `view` is the host's number for it, sent back with every answer about it. */
type View =
  | Extract<HostToFrame, { type: 'hide' | 'card' | 'note' | 'editor' | 'offer' | 'notice' }>
  /** "Note saved", after the editor (the same view to the host). */
  | { type: 'toast'; view: number; text: string; look: Look };

/**
 * Everything Watchwords shows over a page that holds what the reader wrote, in the extension's own origin: the
 * card, a note popover, the note editor, drafts to take up again, and notices with Undo. The content script says
 * what to show (core/protocol/frame.ts); the data comes from the background.
 */
export function OverlayApp({ link }: { link: HostLink }) {
  const [view, setView] = useState<View>({ type: 'hide', view: 0 });
  const [refusal, setRefusal] = useState<string>();
  /** Bumped by every message, so that a view shown twice (the same card again) is a new one. */
  const [generation, setGeneration] = useState(0);
  const root = useRef<HTMLDivElement>(null);
  const windowId = useRef<number | undefined>(undefined);
  useEffect(() => {
    // Firefox gives an extension page framed in a web page only a few APIs (no `tabs`, no `sidebarAction`).
    void browser.tabs?.getCurrent?.().then((tab) => (windowId.current = tab?.windowId ?? undefined), () => undefined);
  }, []);

  useEffect(() => {
    link.onMessage((message) => {
      if (message.type === 'refused') return setRefusal(message.text);
      setRefusal(undefined);
      setGeneration((n) => n + 1);
      setView(message);
    });
  }, [link]);

  // The host sizes the frame to what it shows.
  useLayoutEffect(() => {
    const element = root.current;
    if (!element) return;
    let last = '';
    const report = () => {
      const box = element.getBoundingClientRect();
      const size = view.type === 'hide' ? { width: 0, height: 0 } : { width: Math.ceil(box.width), height: Math.ceil(box.height) };
      const key = `${size.width}x${size.height}`;
      if (key === last) return;
      last = key;
      link.send({ type: 'size', view: view.view, ...size });
    };
    report();
    const observer = new ResizeObserver(report);
    observer.observe(element);
    return () => observer.disconnect();
  }, [link, view]);

  const look = view.type === 'hide' ? undefined : view.look;
  useLayoutEffect(() => {
    if (!look) return;
    document.documentElement.classList.toggle('dark', look.dark);
    document.documentElement.style.setProperty('--available-height', `${Math.max(160, Math.floor(look.maxHeight))}px`);
  }, [look]);

  const viewNumber = view.view;
  const close = useCallback((returnFocus: boolean) => {
    setView({ type: 'hide', view: viewNumber });
    link.send({ type: 'close', view: viewNumber, returnFocus });
  }, [link, viewNumber]);

  // While something is shown, the background stays awake (see `keepalive` in core/protocol/frame.ts).
  useEffect(() => {
    if (view.type === 'hide') return;
    const timer = setInterval(() => link.send({ type: 'keepalive' }), 20_000);
    return () => clearInterval(timer);
  }, [link, view.type]);

  // Escape closes (the editor asks first when something is written: it handles its own Escape).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented && view.type !== 'hide') close(true);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [view.type, close]);

  // Working in the frame keeps it open whatever the pointer does afterwards.
  useEffect(() => {
    let sent = false;
    const engaged = () => {
      if (sent) return;
      sent = true;
      link.send({ type: 'engaged', view: viewNumber });
    };
    document.addEventListener('pointerdown', engaged, true);
    document.addEventListener('keydown', engaged, true);
    return () => {
      document.removeEventListener('pointerdown', engaged, true);
      document.removeEventListener('keydown', engaged, true);
    };
  }, [link, generation, viewNumber]);

  // Notices and "Note saved" go by themselves, unless the pointer or focus is on them.
  useEffect(() => {
    if (view.type !== 'notice' && view.type !== 'toast') return;
    const element = root.current;
    let timer: ReturnType<typeof setTimeout>;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (element?.matches(':hover') || element?.contains(document.activeElement)) return arm();
        close(false);
      }, view.type === 'toast' ? toastMs : noticeMs);
    };
    arm();
    return () => clearTimeout(timer);
  }, [view, close]);

  const visibility = useVisibility(root, view.type !== 'hide' ? generation : undefined);
  // Buttons that change settings wait until the frame has been plainly visible for a moment (clickjacking).
  const guardReady = useGuardReady(visibility, view.type !== 'hide' ? generation : undefined);
  const runAction = (button: ButtonView, entityId: string | undefined, event: { clientX: number; clientY: number }) => {
    const visible = visibility();
    if (button.guarded && visible === false) {
      setRefusal('Watchwords could not see this card clearly (it is covered, faded or just appeared), so nothing changed. Try again.');
      return;
    }
    link.send({ type: 'action', view: viewNumber, id: button.id, entityId, point: { x: event.clientX, y: event.clientY }, ...(visible !== undefined && { visible }) });
  };

  let content: ReactNode = null;
  if (view.type === 'card') {
    content = (
      <CardView
        key={generation}
        view={view}
        guardReady={guardReady}
        onAction={runAction}
        onShowing={(entityId) => link.send({ type: 'showing', view: viewNumber, entityId })}
        onAllNotes={() => {
          // Straight from the click: the side panel opens only on the reader's gesture. Firefox's framed pages have
          // neither the sidebar nor tabs: the background opens the manager (in a tab, as it has no gesture).
          const opened = browser.tabs ? openNotesManager(windowId.current) : askBackground({ type: 'manager.open' });
          void opened.catch(() => undefined);
        }}
        onClose={() => close(true)}
      />
    );
  } else if (view.type === 'note') {
    content = <NoteView key={generation} noteId={view.noteId} focus={view.focus} onClose={() => close(true)} />;
  } else if (view.type === 'editor') {
    content = (
      <EditorView
        key={generation}
        target={view.target}
        onSaved={(noteId) => {
          link.send({ type: 'saved', view: view.view, target: view.target.kind, noteId });
          setView({ type: 'toast', view: view.view, text: 'Note saved', look: view.look });
        }}
        onCancel={() => close(true)}
      />
    );
  } else if (view.type === 'offer') {
    content = <OfferView key={generation} drafts={view.drafts} onResume={(target) => link.send({ type: 'resume', view: viewNumber, target })} onDone={() => close(false)} />;
  } else if (view.type === 'notice') {
    content = (
      <section className="floating notice" role="dialog" aria-label="Watchwords">
        <p className="notice-text" role="status">{view.text}</p>
        <div className="notice-actions">
          {view.actions.map((button) => (
            <button
              key={button.id}
              type="button"
              className={button.primary ? 'button primary' : 'button'}
              title={button.title}
              disabled={button.guarded && !guardReady}
              onClick={(event) => runAction(button, undefined, event)}
            >
              {button.label}
            </button>
          ))}
          <button type="button" className="link-button" onClick={() => close(false)}>
            Close
          </button>
        </div>
      </section>
    );
  } else if (view.type === 'toast') {
    content = (
      <div className="floating" role="dialog" aria-label="Watchwords">
        <p className="toast" role="status">{view.text}</p>
      </div>
    );
  }

  return (
    <div ref={root} className="frame-root" data-view={view.type}>
      {refusal && view.type !== 'hide' && <p className="floating refusal" role="alert">{refusal}</p>}
      {content}
    </div>
  );
}

/** The card, following related links within itself ("Back" returns); the host's buttons act on the entity shown. */
function CardView({ view, guardReady, onAction, onShowing, onAllNotes, onClose }: {
  view: Extract<View, { type: 'card' }>;
  guardReady: boolean;
  onAction(button: ButtonView, entityId: string, event: { clientX: number; clientY: number }): void;
  onShowing(entityId: string): void;
  onAllNotes(): void;
  onClose(): void;
}) {
  const [trail, setTrail] = useState<string[]>([]);
  const [entityId, setEntityId] = useState(view.entityId);
  const [data, setData] = useState<{ entry: Entry; related: RelatedEntity[]; notes: EntityNoteSummary[] }>();
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let current = true;
    void loadCard(entityId).then((loaded) => current && loaded && setData(loaded));
    return () => {
      current = false;
    };
  }, [entityId]);

  // Focus moves in when the host asked (a keyboard-opened card), and stays on the card when it changes entity.
  useFocusWhenReady(dialog, view.focus && data !== undefined, data?.entry.id);

  const go = (next: string, nextTrail: string[]) => {
    setTrail(nextTrail);
    setEntityId(next);
    setData(undefined);
    onShowing(next);
  };
  if (!data || data.entry.id !== entityId) return <div className="floating card-loading" role="dialog" aria-label="Loading" aria-busy="true" />;
  const isMention = entityId === view.mentionEntityId;
  const actions: (CardAction & { view: ButtonView })[] = view.actions
    .filter((button) => !button.mentionOnly || isMention)
    .map((button) => ({ id: button.id, label: button.label, title: button.title, primary: button.primary, disabled: button.guarded && !guardReady, view: button }));
  return (
    // Opened from the keyboard: focus is shown on it (a frame that was never typed in would not show it by itself).
    <div ref={dialog} className={view.focus ? 'floating keyboard-opened' : 'floating'} role="dialog" aria-label={data.entry.name} tabIndex={-1}>
      {/* A new entity is a new card: its middle starts scrolled to the top. */}
      <ContextCard
        key={data.entry.id}
        entry={data.entry}
        related={data.related}
        notes={data.notes}
        actions={actions}
        onAction={(id, event) => {
          const found = actions.find((action) => action.id === id);
          if (found) onAction(found.view, entityId, event);
        }}
        onOpenRelated={(id) => go(id, [...trail, entityId])}
        onBack={trail.length ? () => go(trail.at(-1)!, trail.slice(0, -1)) : undefined}
        onAllNotes={onAllNotes}
        onClose={onClose}
      />
    </div>
  );
}

async function loadCard(entityId: string) {
  const { entries } = await askBackground({ type: 'entries.get', ids: [entityId] });
  const entry = entries[0];
  if (!entry) return undefined;
  const links = relationNames.flatMap((relation) => (entry.relations[relation] ?? []).map((id) => ({ relation, id })));
  const [linked, notes] = await Promise.all([
    links.length ? askBackground({ type: 'entries.get', ids: [...new Set(links.map((l) => l.id))] }).then((r) => r.entries) : Promise.resolve([]),
    askBackground({ type: 'notes.forEntity', entityId }).then((r) => r.notes, () => [] as Note[]),
  ]);
  const byId = new Map(linked.map((e) => [e.id, e]));
  const related = links.flatMap(({ relation, id }) => {
    const target = byId.get(id);
    return target ? [{ id, name: target.name, kind: target.kind, relation }] : [];
  });
  return { entry, related, notes: notes.map(({ id, body, createdAt }) => ({ id, body, createdAt })) };
}

function NoteView({ noteId, focus, onClose }: { noteId: string; focus: boolean; onClose(): void }) {
  const [note, setNote] = useState<Note | null>();
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    void askBackground({ type: 'notes.get', ids: [noteId] }).then(({ notes }) => setNote(notes[0] ?? null), () => setNote(null));
  }, [noteId]);
  useFocusWhenReady(dialog, focus && !!note, note?.id);
  if (note === undefined) return <div className="floating" role="dialog" aria-label="Loading" aria-busy="true" />;
  if (note === null) return null;
  return (
    <div ref={dialog} className={focus ? 'floating keyboard-opened' : 'floating'} role="dialog" aria-label="Your note" tabIndex={-1}>
      <NotePopover note={note} onClose={onClose} />
    </div>
  );
}

/**
 * Focuses `target` once `ready`. A frame may focus within itself only once it has focus (the content script gives
 * it focus, sometimes only after the frame has drawn): until then, on the window's `focus`.
 */
function useFocusWhenReady(target: RefObject<HTMLElement | null>, ready: boolean, key: unknown) {
  useEffect(() => {
    if (!ready) return;
    const focus = () => target.current?.focus({ preventScroll: true, focusVisible: true } as FocusOptions);
    focus();
    if (document.hasFocus() && target.current === document.activeElement) return;
    addEventListener('focus', focus, { once: true });
    return () => removeEventListener('focus', focus);
  }, [target, ready, key]);
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dayFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
/** "14:02" today, "Jun 3, 14:02" another day. */
export function savedTime(iso: string, now = new Date()): string {
  const date = new Date(iso);
  return (date.toDateString() === now.toDateString() ? timeFormat : dayFormat).format(date);
}

function EditorView({ target, onSaved, onCancel }: { target: EditorTarget; onSaved(noteId: string): void; onCancel(): void }) {
  const [initial, setInitial] = useState<{ body: string; tagText: string; savedAt?: string }>();
  const [error, setError] = useState<string>();
  const [savedAt, setSavedAt] = useState<string>();
  const saver = useRef<ReturnType<typeof createDraftSaver>>(undefined as never);
  saver.current ??= createDraftSaver(target, setSavedAt);
  useEffect(() => {
    void askBackground({ type: 'drafts.get', target }).then(
      ({ draft }) => setInitial(draft ?? { body: '', tagText: '' }),
      () => setInitial({ body: '', tagText: '' }),
    );
    const current = saver.current;
    return () => current.flush();
  }, [target]);
  if (!initial) return <div className="floating" role="dialog" aria-label="Loading" aria-busy="true" />;
  const label = target.kind === 'entity' ? `Add a note on ${target.name}` : 'Add a note';
  return (
    <div className="floating" role="dialog" aria-label={label}>
      <NoteEditor
        quote={target.kind === 'page' ? target.quote.exact : undefined}
        subject={target.kind === 'entity' ? target.name : undefined}
        initial={initial}
        draftStatus={savedAt ? `Draft kept at ${savedTime(savedAt)}` : initial.savedAt ? `Your unsaved note from ${savedTime(initial.savedAt)}` : undefined}
        onDraft={(body, tagText) => saver.current.change(body, tagText)}
        error={error}
        onSave={(body, tags) => {
          saver.current.hold();
          const saved =
            target.kind === 'page'
              ? askBackground({
                  type: 'notes.add',
                  draft: { quote: target.quote, position: target.position, body, tags },
                  writtenAt: target.page.writtenAt,
                  title: target.page.title,
                  ...(target.page.canonicalUrl && { canonicalUrl: target.page.canonicalUrl }),
                })
              : askBackground({ type: 'notes.addForEntity', draft: { entityId: target.entityId, body, tags } });
          saved.then(
            ({ note }) => {
              saver.current.stop();
              onSaved(note.id);
            },
            (failure: Error) => {
              setError(failure.message);
              saver.current.release();
            },
          );
        }}
        onCancel={() => {
          saver.current.stop();
          void askBackground({ type: 'drafts.discard', target }).catch(() => undefined);
          onCancel();
        }}
      />
    </div>
  );
}

function OfferView({ drafts, onResume, onDone }: { drafts: DraftSummary[]; onResume(target: EditorTarget): void; onDone(): void }) {
  const [left, setLeft] = useState(drafts);
  const discard = (draft: DraftSummary) => {
    void askBackground({ type: 'drafts.discard', target: draft.target }).catch(() => undefined);
    const rest = left.filter((d) => d !== draft);
    setLeft(rest);
    if (!rest.length) onDone();
  };
  return (
    <section className="floating offer" role="dialog" aria-label="Unsaved notes">
      <ul className="offer-list">
        {left.map((draft) => (
          <li key={`${draft.savedAt}-${JSON.stringify(draft.target).length}`} className="offer-item">
            <p className="offer-title">Resume your unsaved note from {savedTime(draft.savedAt)}?</p>
            <p className="offer-what">
              {draft.target.kind === 'page' ? `On “${clip(draft.target.quote.exact, 120)}”` : `On ${draft.target.name}`}
            </p>
            <div className="offer-actions">
              <button type="button" className="button primary" onClick={() => onResume(draft.target)}>
                Resume
              </button>
              <button type="button" className="button" onClick={() => discard(draft)}>
                Discard
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

const clip = (text: string, length: number) => (text.length > length ? `${text.slice(0, length)}…` : text);
