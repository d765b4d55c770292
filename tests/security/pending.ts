/**
 * Attacks that still succeed against today's Watchwords (main at 1de8691), with why. Each is registered with
 * `test.fails`, so the suite passes while it succeeds and fails the day it stops succeeding: then remove its entry.
 * Most are stopped by the isolation work (reader data rendered only in an extension-origin frame, isTrusted on every
 * handler, no page-visible WXT messages, note highlights not in CSS.highlights, drafts saved as typed); the rest are
 * named for the work they wait on. This list must end up empty.
 */
type Reasons = Partial<Record<'chromium' | 'firefox', string>>;

const both = (reason: string): Reasons => ({ chromium: reason, firefox: reason });

/** In the page's DOM (even a closed shadow root), find/selection read the card, the note and the draft. */
const inPageDom = 'reader data is rendered in the page\'s DOM, where window.find() and Selection.modify() reach it';
const untrusted = 'handlers act on untrusted events';
const wxtEvents = 'WXT\'s content-script events are page-visible and forgeable';
const noDraftStore = 'drafts live only in the page\'s DOM (not saved as typed)';
const noClickGuard = 'settings buttons act on a click through an invisible, covered or moved card';

export const pending: Record<string, Reasons> = {
  'forged/pointermove-mention': both(`${untrusted} (pointermove opens the card); ${inPageDom}`),
  'forged/pointermove-note': both(`${untrusted} (pointermove opens the note); ${inPageDom}`),
  'forged/ctrl-enter': both('the key guard re-dispatches a forged Ctrl+Enter aimed at <watchwords-ui> into the editor'),
  'forged/escape-card': both(`${untrusted} (a document keydown Escape closes the card)`),
  'forged/insert-text': both('execCommand() edits the focused editor in the page\'s DOM'),
  'forged/wxt-started': both(`${wxtEvents}: a forged "content-script-started" stops Watchwords`),
  'forged/wxt-started-draft': both(`${wxtEvents}: a forged "content-script-started" destroys the open draft`),
  'forged/wxt-locationchange': both(`${wxtEvents}: a forged "locationchange" restarts Watchwords and closes the card`),
  'forged/startup-message': both('WXT posts its start-up message, with the extension id, to the page'),
  'forged/selection-offer': both(`${untrusted} (pointerup/keyup offer "Add note")`),

  'reading/find-card': both(inPageDom),
  'reading/find-note': both(inPageDom),
  'reading/select-all-draft': both(`${inPageDom}; execCommand('selectAll') selects the draft`),
  'reading/selection-walk': both(inPageDom),
  'reading/highlight-registry': both('note ranges are registered in the shared CSS.highlights registry'),
  'reading/highlights-from-point': both('note ranges are registered in the shared CSS.highlights registry'),
  'reading/event-timing': both('keystrokes in the editor are events of the page\'s document (event counts, Event Timing)'),
  'reading/frames-probe': { firefox: `${inPageDom} (Firefox: select-all reaches the draft)` },

  'keyloggers/text-input': { chromium: 'the key guard does not cover Chromium\'s textInput' },
  'keyloggers/paste': both('the key guard does not cover paste'),
  'keyloggers/copy': both('the key guard does not cover copy'),
  'keyloggers/cut': both('the key guard does not cover cut'),
  'keyloggers/selectionchange': { chromium: 'selectionchange at the document ticks with each key in the editor' },
  'keyloggers/drop': { chromium: 'the key guard does not cover drag and drop' },
  'keyloggers/on-our-element': { chromium: 'textInput on the host itself is not guarded' },

  'redress/opacity-pause': both(noClickGuard),
  'redress/opacity-not-this': both(noClickGuard),
  'redress/overlay-pass-through': both(noClickGuard),
  'redress/top-layer-decoy': both(noClickGuard),
  'redress/clip-path': both(noClickGuard),
  'redress/transform-move': both(noClickGuard),
  'redress/filter-invisible': both(noClickGuard),
  'redress/cover-with-hole': both(noClickGuard),
  'redress/scale-tiny': both(noClickGuard),

  'tampering/clear-highlights': both('hover finds mentions through the page-writable highlight registry: emptied, no card opens'),

  'clobbering/document-methods': { firefox: 'named elements shadow document methods the content script calls: no card opens' },

  'drafts/reload': both(noDraftStore),
  'drafts/navigate-away': both(noDraftStore),
  'drafts/remove-ui': both(`${noDraftStore}; removed UI is not restored`),
  'drafts/remove-ui-repeatedly': both(`${noDraftStore}; removed UI is not restored`),

  'isolation/entity-note-other-site': both(`entity notes show in cards on every site, and ${inPageDom}`),

  'exhaustion/100k-mentions': { chromium: 'no cap on highlights: still scanning and highlighting a minute later' },
  'exhaustion/10mb-text-node': { chromium: 'a long text node is scanned in one task (0.25 to 0.7 s)' },
};

/** Why `id` still succeeds in `browser`, if it does. */
export function pendingReason(id: string, browser: 'chromium' | 'firefox'): string | undefined {
  return pending[id]?.[browser];
}
