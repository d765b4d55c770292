import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { kindBadgeCss } from '../../components/kind-colours';
import overlayCss from '../../components/overlay.css?inline';
import { Overlay, type OverlayActions } from './Overlay';
import type { OverlayStore } from './overlay-store';

/** Events the page must never observe from inside our UI: what a reader types in a note is theirs. */
const privateEvents: Record<string, new (type: string, init: object) => Event> = {
  keydown: KeyboardEvent, keyup: KeyboardEvent, keypress: KeyboardEvent,
  beforeinput: InputEvent, input: InputEvent,
  compositionstart: CompositionEvent, compositionupdate: CompositionEvent, compositionend: CompositionEvent,
};

export interface UiHost {
  /** Whether an event happened inside Watchwords' own UI. */
  contains(event: Event): boolean;
}

/**
 * The one element Watchwords adds to a page: a host with a closed shadow root, so page scripts and styles can
 * neither read nor restyle what is inside. React is only started the first time there is something to show.
 * Call at document_start so the event guard runs before any page listener.
 */
export function createUiHost(store: OverlayStore, actions: OverlayActions, signal: AbortSignal): UiHost {
  const host = document.createElement('watchwords-ui');
  const shadow = host.attachShadow({ mode: 'closed' });
  const contains = (event: Event) => event.composedPath().includes(host);

  // A window capture listener added before the page's scripts run fires first: it stops typing events bound for our
  // UI there (the default action, the typing itself, still happens) and hands React an uncomposed copy that
  // cannot leave the shadow root.
  // Firefox makes every keyboard event composed, whatever its init says: there a copy would cross the shadow
  // boundary (and come back through this guard). Copies are let through, go no further up than our shadow root,
  // and, where they are composed, are made only of the keys our UI acts on, never of what is typed.
  const copies = new WeakSet<Event>();
  for (const [type, EventType] of Object.entries(privateEvents)) {
    const guard = (event: Event) => {
      const target = shadow.activeElement;
      if (!target || copies.has(event) || !contains(event)) return;
      event.stopImmediatePropagation();
      const copy = new EventType(type, { ...copyInit(event), bubbles: true, cancelable: event.cancelable, composed: false });
      if (copy.composed && !isUiKey(event)) return;
      copies.add(copy);
      if (!target.dispatchEvent(copy)) event.preventDefault();
    };
    window.addEventListener(type, guard, { capture: true, signal });
    shadow.addEventListener(type, (event) => { if (copies.has(event)) event.stopPropagation(); }, { signal });
  }
  let started = false;
  const start = () => {
    if (started) return;
    const state = store.get();
    if (!state.card && !state.note && !state.addNote && !state.editor && !state.toast && !state.announcement) return;
    started = true;
    const style = document.createElement('style');
    style.textContent = `${overlayCss}\n${kindBadgeCss()}`;
    const container = document.createElement('div');
    shadow.append(style, container);
    document.documentElement.append(host);
    const root = createRoot(container);
    root.render(createElement(Overlay, { store, actions }));
    signal.addEventListener('abort', () => {
      root.unmount();
      host.remove();
    });
  };
  const unsubscribe = store.subscribe(start);
  signal.addEventListener('abort', unsubscribe);
  return { contains };
}

/** Keys the UI acts on: Escape closes, Ctrl/Cmd+Enter saves. */
function isUiKey(event: Event): boolean {
  const { key, ctrlKey, metaKey } = event as KeyboardEvent;
  return key === 'Escape' || (key === 'Enter' && (ctrlKey || metaKey));
}

/** The init dictionary that recreates an event's own data (key, modifiers, input data). */
function copyInit(event: Event): object {
  const init: Record<string, unknown> = {};
  for (const key of ['key', 'code', 'location', 'repeat', 'isComposing', 'ctrlKey', 'shiftKey', 'altKey', 'metaKey', 'data', 'inputType']) {
    if (key in event) init[key] = (event as unknown as Record<string, unknown>)[key];
  }
  return init;
}
