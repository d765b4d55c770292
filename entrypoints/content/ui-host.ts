import { createElement } from './dom';
/**
 * The one element Watchwords adds to a page: `<watchwords-ui>`, with a closed shadow root holding what shows no
 * reader data (the "Add note" button beside a selection, the boxes that mark the reader's notes, short notices, a
 * live region) and the overlay frame, an extension page that shows everything else (frame-host.ts).
 *
 * The page can still remove or restyle the host: it is put back when removed, and the shadow root's `!important`
 * rules win over the page's (for important declarations the inner tree wins), so page CSS cannot hide it either.
 * What an ancestor does (an `opacity` or `filter` on <html>) cannot be undone; actions that change settings check
 * for it (guard.ts).
 */
const hostCss = `
:host {
  all: initial !important; display: block !important; position: absolute !important; top: 0 !important; left: 0 !important;
  width: 0 !important; height: 0 !important; margin: 0 !important; padding: 0 !important; border: 0 !important;
  z-index: 2147483647 !important; visibility: visible !important; opacity: 1 !important; transform: none !important;
  filter: none !important; clip-path: none !important; mask: none !important; contain: none !important;
  pointer-events: none !important; overflow: visible !important;
}
* { box-sizing: border-box; }
.marks { position: fixed; top: 0; left: 0; width: 0; height: 0; pointer-events: none; }
.marks-page { position: absolute; top: 0; left: 0; width: 0; height: 0; pointer-events: none; }
.mark { position: absolute; pointer-events: none; border-radius: 2px; background: rgb(253 224 71 / 0.4); mix-blend-mode: multiply; }
.dark .mark { background: rgb(161 98 7 / 0.45); mix-blend-mode: screen; }
.controls { position: fixed; top: 0; left: 0; width: 0; height: 0; pointer-events: none; }
.controls > * { pointer-events: auto; }
.add-note {
  position: fixed; font: 600 14px/1.2 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; padding: 7px 12px;
  border-radius: 8px; border: 1px solid #1d4ed8; background: #1d4ed8; color: #fff; cursor: pointer;
  box-shadow: 0 4px 14px rgb(0 0 0 / 0.18), 0 1px 3px rgb(0 0 0 / 0.12);
}
.add-note:focus-visible { outline: 2px solid #1d4ed8; outline-offset: 2px; }
.add-note.secondary { background: #fff; color: #1d4ed8; }
.notices { position: fixed; top: 12px; right: 12px; display: grid; gap: 8px; justify-items: end; pointer-events: none; }
.notice {
  pointer-events: auto; max-width: 340px; font: 14px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  background: #fff; color: #1c1917; border: 1px solid #d6d3d1; border-radius: 10px; padding: 8px 12px;
  box-shadow: 0 4px 14px rgb(0 0 0 / 0.16); display: flex; gap: 10px; align-items: center;
}
.dark .notice { background: #1c1917; color: #f5f5f4; border-color: #57534e; }
.notice button {
  font: 600 13px/1.2 system-ui, sans-serif; padding: 4px 10px; border-radius: 7px; cursor: pointer;
  border: 1px solid #1d4ed8; background: #1d4ed8; color: #fff; white-space: nowrap;
}
.visually-hidden {
  position: fixed; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap;
}
iframe.frame {
  position: fixed; top: 0; left: 0; border: 0; margin: 0; padding: 0; background: transparent; color-scheme: normal;
  display: block; visibility: visible; opacity: 1; pointer-events: auto; max-width: none; max-height: none;
}
iframe.frame[data-hidden] { opacity: 0; pointer-events: none; width: 1px; height: 1px; }
`;

/** Restoring the host when the page removes it: at most this often (a page removing it in a loop costs little). */
const restoreLimit = { count: 20, perMs: 1000 };

export interface UiHost {
  readonly host: HTMLElement;
  /** Where the note boxes go (document coordinates; the layer is moved with the page's scroll). */
  readonly marks: HTMLElement;
  /** Controls fixed to the viewport (the "Add note" button). */
  readonly controls: HTMLElement;
  /** Where the overlay frame goes. */
  readonly frameSlot: HTMLElement;
  /** Whether an event happened inside Watchwords' own UI. */
  contains(event: Event): boolean;
  /** Whether a node is our host (what the page's hit tests see of anything inside it). */
  isHost(node: Node | null | undefined): boolean;
  /** Says something to screen readers, and shows it briefly. */
  announce(text: string): void;
  /** A short notice at the top right, with one button; returns its remover. */
  notice(text: string, button?: { label: string; onPress(): void }, ms?: number): () => void;
  setDark(dark: boolean): void;
  /** Calls `listener` after the host was put back (the page had removed it). */
  onRestored(listener: () => void): void;
}

export function createUiHost(signal: AbortSignal): UiHost {
  const host = createElement('watchwords-ui');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = createElement('style');
  style.textContent = hostCss;
  const root = createElement('div');
  // Note boxes sit in a layer fixed to the viewport (so nothing of them counts in the host's or the page's scroll
  // sizes, which the page can read), moved by the page's scroll position (note-marks.ts).
  const marksLayer = createElement('div');
  marksLayer.className = 'marks';
  const marks = createElement('div');
  marks.className = 'marks-page';
  marksLayer.append(marks);
  const frameSlot = createElement('div');
  const controls = createElement('div');
  controls.className = 'controls';
  const notices = createElement('div');
  notices.className = 'notices';
  const live = createElement('div');
  live.className = 'visually-hidden';
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  controls.append(notices, live);
  root.append(marksLayer, frameSlot, controls);
  shadow.append(style, root);

  const restoredListeners: (() => void)[] = [];
  let restores: number[] = [];
  const attach = () => {
    if (signal.aborted) return;
    if (host.parentNode !== document.documentElement) document.documentElement.append(host);
  };
  // Our host carries no attributes of its own: any the page adds (style, hidden, inert…) are taken off again.
  // A page that removes us faster than the limit gets us back once the limit allows: a timer looks again then
  // (the page may have stopped changing anything, so no mutation would).
  let retry: ReturnType<typeof setTimeout> | undefined;
  const check = (mutations: readonly MutationRecord[]) => {
    if (signal.aborted) return;
    const now = performance.now();
    restores = restores.filter((at) => now - at < restoreLimit.perMs);
    if (restores.length >= restoreLimit.count) {
      retry ??= setTimeout(() => {
        retry = undefined;
        check([]);
      }, restores[0]! + restoreLimit.perMs - now + 1);
      return;
    }
    let restored = false;
    if (mutations.some((m) => m.type === 'attributes' && m.target === host) || host.getAttributeNames().length) {
      for (const name of host.getAttributeNames()) host.removeAttribute(name);
      restored = true;
    }
    if (!host.isConnected || host.parentNode !== document.documentElement) {
      attach();
      restored = true;
    }
    if (restored) {
      restores.push(now);
      for (const listener of restoredListeners) listener();
    }
  };
  const observer = new MutationObserver(check);
  const watch = () => {
    observer.observe(document.documentElement, { childList: true });
    observer.observe(host, { attributes: true });
  };
  attach();
  watch();
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(retry);
    host.remove();
  });

  let announceTimer: ReturnType<typeof setTimeout> | undefined;
  return {
    host,
    marks,
    controls,
    frameSlot,
    contains: (event) => event.composedPath().includes(host),
    isHost: (node) => node === host,
    announce(text) {
      // A changed text is what makes a live region speak: alternate an invisible character to repeat a message.
      const spoken = live.textContent === text ? `${text}\u200B` : text;
      clearTimeout(announceTimer);
      // One task later: a region's first text (the one that may add it) is spoken too.
      announceTimer = setTimeout(() => (live.textContent = spoken), 0);
      this.notice(text, undefined, 4000);
    },
    notice(text, button, ms) {
      const box = createElement('div');
      box.className = 'notice';
      box.setAttribute('aria-hidden', 'true');
      const words = createElement('span');
      words.textContent = text;
      box.append(words);
      if (button) {
        box.removeAttribute('aria-hidden');
        box.setAttribute('role', 'group');
        box.setAttribute('aria-label', 'Watchwords');
        const press = createElement('button');
        press.type = 'button';
        press.textContent = button.label;
        // Only the reader's own click: a page can dispatch clicks into our shadow root's host but not trusted ones.
        press.addEventListener('click', (event) => {
          if (event.isTrusted) button.onPress();
        }, { signal });
        box.append(press);
      }
      notices.append(box);
      const remove = () => box.remove();
      if (ms) setTimeout(remove, ms);
      return remove;
    },
    setDark(dark) {
      root.classList.toggle('dark', dark);
    },
    onRestored(listener) {
      restoredListeners.push(listener);
    },
  };
}
