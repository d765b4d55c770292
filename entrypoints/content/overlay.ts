import type { MatchableEntry } from '../../core/matcher/matcher';
import type { ButtonView, DraftSummary, EditorTarget, FrameToHost, Look } from '../../core/protocol/frame';
import type { FrameHost } from './frame-host';
import { frameObstruction } from './guard';
import type { MentionRecord } from './page-scanner';
import { roomBeside, type Box } from './placement';
import type { UiHost } from './ui-host';

/** A card button, added by a feature (in one place: its `start` returns it). */
export interface CardAction {
  id: string;
  label: string;
  title?: (card: OpenCard) => string;
  primary?: boolean;
  /** Changes settings: refused unless the card was plainly visible (guard.ts). */
  guarded?: boolean;
  /** Only on the card of the mention pointed at, not on a related entity's card reached from it. */
  mentionOnly?: boolean;
  run(card: OpenCard): Outcome | void | Promise<Outcome | void>;
}

/** What an action did, said in the frame in place of the card, with what may follow (Undo…). */
export interface Outcome {
  text: string;
  actions: { id: string; label: string; primary?: boolean; guarded?: boolean; run(): Outcome | void | Promise<Outcome | void> }[];
}

/** The card as the host knows it: the mention it was opened on and the entity it shows now. */
export interface OpenCard {
  record: MentionRecord;
  /** The entity shown (the mention's own, or a related one the reader followed). */
  entityId: string;
  entityName: string;
  pinned: boolean;
}

type Shown =
  | { kind: 'none' }
  | ({ kind: 'card' } & OpenCard)
  | { kind: 'note'; noteId: string; range: Range; pinned: boolean }
  | { kind: 'editor'; target: EditorTarget; range?: Range }
  | { kind: 'offer'; drafts: DraftSummary[]; range?: Range }
  | { kind: 'notice'; range?: Range; /** It offers something to do (Undo…): a hover must not take it away. */ choices: boolean }
  /** "Note saved", going by itself. */
  | { kind: 'toast' };

/**
 * What Watchwords shows in its frame, as the content script keeps it: which card, note, editor or offer, beside
 * which text, whether it is pinned (opened from the keyboard, a tap, or worked in), and where keyboard focus goes
 * back to. It survives single-page-app navigations (an open editor stays open); hover cards and note popovers close
 * with the page they belonged to.
 */
export function createOverlay(options: {
  frame: FrameHost;
  ui: UiHost;
  /** The card buttons of the features running now. */
  cardActions(): CardAction[];
  /** Every entity the matcher knows now, by id (their names for cards and "Not this"). */
  names(): ReadonlyMap<string, Pick<MatchableEntry, 'name'>>;
  dark(): boolean;
  signal: AbortSignal;
}) {
  const { frame, ui } = options;
  let shown: Shown = { kind: 'none' };
  let returnFocusTo: Element | null = null;
  /** The buttons of the notice shown, by id. */
  let noticeActions = new Map<string, Outcome['actions'][number]>();
  const savedListeners: ((target: EditorTarget, noteId: string, range: Range | undefined) => void)[] = [];
  const resumeListeners: ((target: EditorTarget) => void)[] = [];
  const closeListeners: (() => void)[] = [];
  const listen = <T>(list: T[], listener: T, signal: AbortSignal) => {
    list.push(listener);
    signal.addEventListener('abort', () => {
      const at = list.indexOf(listener);
      if (at !== -1) list.splice(at, 1);
    });
  };

  const boxesOf = (range: Range | undefined) => () => {
    if (!range || !range.startContainer.isConnected) return undefined;
    const rects = [...range.getClientRects()].filter((r) => r.width > 0 || r.height > 0);
    return rects.length ? rects : undefined;
  };
  const look = (anchor: () => Box[] | undefined): Look => ({
    dark: options.dark(),
    maxHeight: roomBeside(anchor(), { width: innerWidth, height: innerHeight }),
  });
  /** Focus goes back where it was before the first pinned view (not into our own frame). */
  const rememberFocus = () => {
    const active = document.activeElement;
    if (active && !ui.isHost(active)) returnFocusTo = active;
  };

  const cardButtons = (card: OpenCard): ButtonView[] =>
    options.cardActions().map((action) => ({
      id: action.id,
      label: action.label,
      // (Cut to what the relay lets through, core/protocol/frame-schema.ts: a longer one would lose the whole card.)
      ...(action.title && { title: action.title(card).slice(0, 600) }),
      ...(action.primary && { primary: true }),
      ...(action.guarded && { guarded: true }),
      ...(action.mentionOnly && { mentionOnly: true }),
    }));

  const showNotice = (outcome: Outcome, range: Range | undefined) => {
    noticeActions = new Map(outcome.actions.map((action) => [action.id, action]));
    shown = { kind: 'notice', range, choices: outcome.actions.length > 0 };
    const anchor = boxesOf(range);
    frame.show(
      { type: 'notice', text: outcome.text.slice(0, 1000), actions: outcome.actions.map(({ id, label, primary, guarded }) => ({ id, label, ...(primary && { primary }), ...(guarded && { guarded }) })), look: look(anchor) },
      anchor,
    );
  };

  const close = (returnFocus: boolean) => {
    const was = shown;
    shown = { kind: 'none' };
    frame.hide();
    noticeActions.clear();
    if (returnFocus && returnFocusTo instanceof HTMLElement && was.kind !== 'none') returnFocusTo.focus({ preventScroll: true });
    returnFocusTo = null;
    for (const listener of closeListeners) listener();
  };

  const run = async (id: string, entityId: string | undefined, message: Extract<FrameToHost, { type: 'action' }>) => {
    const card = shown.kind === 'card' ? shown : undefined;
    const action = card ? options.cardActions().find((a) => a.id === id) : undefined;
    const follow = noticeActions.get(id);
    const guarded = action?.guarded ?? follow?.guarded ?? false;
    if (!action && !follow) return;
    if (guarded) {
      // Refused when the frame itself saw it was not plainly visible, or when the page hides or covers it.
      const problem = message.visible === false ? 'the card was not plainly visible' : frameObstruction(frame, ui, message.point);
      if (problem) return frame.tell({ type: 'refused', text: `Nothing changed: ${problem}. Try again once the card is fully visible.` });
    }
    if (action && card) {
      // The card's buttons act on the entity the reader sees; some only on the mention's own card.
      const shownId = entityId && options.names().has(entityId) ? entityId : card.entityId;
      if (action.mentionOnly && shownId !== card.record.mention.entity.id) return;
      const outcome = await action.run({ ...card, entityId: shownId, entityName: options.names().get(shownId)?.name ?? card.entityName });
      if (outcome) showNotice(outcome, card.record.range);
    } else if (follow) {
      const range = shown.kind === 'notice' ? shown.range : undefined;
      const outcome = await follow.run();
      if (outcome) showNotice(outcome, range);
      else close(false);
    }
  };

  frame.onMessage((message) => {
    switch (message.type) {
      case 'close':
        return close(message.returnFocus);
      case 'action':
        return void run(message.id, message.entityId, message);
      case 'showing':
        if (shown.kind === 'card' && options.names().has(message.entityId)) {
          shown = { ...shown, entityId: message.entityId, entityName: options.names().get(message.entityId)!.name, pinned: true };
        }
        return;
      case 'engaged':
        if (shown.kind === 'card' || shown.kind === 'note') shown = { ...shown, pinned: true };
        return;
      case 'saved': {
        if (shown.kind !== 'editor') return;
        const { target, range } = shown;
        // The frame shows "Note saved" and goes by itself.
        shown = { kind: 'toast' };
        for (const listener of savedListeners) listener(target, message.noteId, range);
        return;
      }
      case 'resume':
        for (const listener of resumeListeners) listener(message.target);
        return;
    }
  });
  options.signal.addEventListener('abort', () => close(false));

  return {
    get shown(): Readonly<Shown> {
      return shown;
    },
    get card(): OpenCard | undefined {
      return shown.kind === 'card' ? shown : undefined;
    },
    /** Whether the reader is busy in the frame (writing, or reading what an action did): nothing replaces it. */
    get busy(): boolean {
      // A plain notice ("Note saved") gives way to the next card the reader points at; one with choices does not.
      return shown.kind === 'editor' || (shown.kind === 'notice' && shown.choices);
    },
    showCard(record: MentionRecord, { pinned }: { pinned: boolean }) {
      if (this.busy) return;
      const entity = record.mention.entity;
      if (pinned) rememberFocus();
      const card: OpenCard = { record, entityId: entity.id, entityName: entity.name, pinned };
      shown = { kind: 'card', ...card };
      const anchor = boxesOf(record.range);
      frame.show(
        { type: 'card', entityId: entity.id, mentionEntityId: entity.id, mentionText: record.mention.text.slice(0, 1000), actions: cardButtons(card), focus: pinned, look: look(anchor) },
        anchor,
      );
      if (pinned) frame.focus();
    },
    showNote(noteId: string, range: Range, { pinned }: { pinned: boolean }) {
      if (this.busy) return;
      if (pinned) rememberFocus();
      shown = { kind: 'note', noteId, range, pinned };
      const anchor = boxesOf(range);
      frame.show({ type: 'note', noteId, focus: pinned, look: look(anchor) }, anchor);
      if (pinned) frame.focus();
    },
    openEditor(target: EditorTarget, range: Range | undefined) {
      rememberFocus();
      shown = { kind: 'editor', target, range };
      const anchor = boxesOf(range);
      frame.show({ type: 'editor', target, look: look(anchor) }, anchor);
      frame.focus();
    },
    offer(drafts: DraftSummary[], range: Range | undefined) {
      if (this.busy || !drafts.length) return;
      shown = { kind: 'offer', drafts, range };
      const anchor = boxesOf(range);
      frame.show({ type: 'offer', drafts, look: look(anchor) }, anchor);
    },
    /** Closes what is shown; keyboard focus goes back where it was when asked. */
    close,
    /** Closes a card, a note, an offer or "Note saved" (not the editor or a notice: the reader is busy there). */
    closeTransient(returnFocus = false) {
      if (shown.kind === 'card' || shown.kind === 'note' || shown.kind === 'offer' || shown.kind === 'toast') close(returnFocus);
    },
    onSaved(listener: (target: EditorTarget, noteId: string, range: Range | undefined) => void, signal: AbortSignal) {
      listen(savedListeners, listener, signal);
    },
    onResume(listener: (target: EditorTarget) => void, signal: AbortSignal) {
      listen(resumeListeners, listener, signal);
    },
    onClose(listener: () => void, signal: AbortSignal) {
      listen(closeListeners, listener, signal);
    },
  };
}
export type Overlay = ReturnType<typeof createOverlay>;
