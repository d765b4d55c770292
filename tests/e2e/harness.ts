/** Shared by the end-to-end tests: both browsers, the extension's storage and commands, selections and notes. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { settingsVersion, type Settings } from '../../core/settings/model';
import { readSettings } from '../../core/settings/read';
import { launchChromium, type ChromiumSession } from '../../scripts/browsers/chromium';
import { launchFirefox, type FirefoxSession } from '../../scripts/browsers/firefox';
import { chromeBuild, firefoxAddonId, firefoxBuild, waitFor } from '../../scripts/browsers/watchwords-page';

export type Session = ChromiumSession | FirefoxSession;

export const launchers: Record<'chromium' | 'firefox', () => Promise<Session>> = {
  chromium: () => launchChromium({ extensionDir: chromeBuild }),
  // System access: to run the manifest's commands and to reach the extension's storage (see firefox.ts).
  firefox: () => launchFirefox({ extensionDir: firefoxBuild, addonId: firefoxAddonId(), systemAccess: true }),
};
export const browserNames = Object.keys(launchers) as (keyof typeof launchers)[];

/**
 * Evaluates an expression in the extension (Chromium: its service worker; Firefox: one of its pages), where `api`
 * is its `browser`/`chrome` namespace.
 */
export async function inExtension<T>(session: Session, expression: string): Promise<T> {
  const wrapped = `(async () => { const api = globalThis.browser ?? globalThis.chrome; return (${expression}); })()`;
  if (session.browser === 'firefox') return session.evaluateInExtension<T>(wrapped);
  const worker = session.context.serviceWorkers()[0] ?? (await session.context.waitForEvent('serviceworker'));
  return (await worker.evaluate(wrapped)) as T;
}

/** The stored settings, read as Watchwords reads them. */
export async function storedSettings(session: Session): Promise<Settings> {
  return readSettings(await inExtension(session, `api.storage.local.get(['settings', 'dismissals'])`));
}

/** Changes the stored settings directly (a test's shortcut past the settings owner; valid settings only). */
export async function changeSettings(session: Session, change: (settings: Settings) => Settings): Promise<void> {
  const next = change(await storedSettings(session));
  await inExtension(session, `api.storage.local.set({ settings: ${JSON.stringify({ ...next, version: settingsVersion })} })`);
}

const commandMessages: Record<string, string> = { 'next-mention': 'page.next', 'announce-mentions': 'page.announce', 'add-note': 'notes.fromSelection' };

/**
 * A keyboard command. Firefox: the real one, through the browser window's shortcut key. Chromium (whose command
 * shortcuts cannot be pressed headless): the tab message the background sends for it, sent from the service worker.
 */
export async function command(session: Session, name: 'next-mention' | 'announce-mentions' | 'add-note'): Promise<void> {
  if (session.browser === 'firefox') return session.command(name);
  await inExtension(
    session,
    `api.tabs.query({ active: true }).then(([tab]) => api.tabs.sendMessage(tab.id, { type: ${JSON.stringify(commandMessages[name])} }))`,
  );
}

/**
 * Selects the first occurrence of `text` in the page (it must lie in one text node), scrolled into view; the viewport
 * centre of the selection's first line.
 */
export function selectText(session: Session, text: string): Promise<{ x: number; y: number }> {
  return session.evaluate(`(() => {
    const walker = Document.prototype.createTreeWalker.call(document, document.body, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode()) && !node.data.includes(${JSON.stringify(text)}));
    if (!node) throw new Error('no text node holds ' + ${JSON.stringify(text)});
    node.parentElement.scrollIntoView({ block: 'center' });
    const start = node.data.indexOf(${JSON.stringify(text)});
    getSelection().setBaseAndExtent(node, start, node, start + ${text.length});
    const box = getSelection().getRangeAt(0).getClientRects()[0];
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  })()`);
}

/** Types text one key at a time (both drivers press single characters). */
export async function typeText(session: Session, text: string): Promise<void> {
  for (const char of text) await session.press(char === ' ' ? 'Space' : char);
}

type Box = { left: number; top: number; right: number; bottom: number };

/** The boxes marking each of the reader's notes (drawn in the UI host's closed shadow root, note-marks.ts). */
export async function noteMarkBoxes(session: Session): Promise<Box[][]> {
  return (
    (await session.inUiShadowRoot<Box[][]>(`(root) => [...root.querySelectorAll('.marks-page > div')]
      .map((group) => [...group.children].map((box) => { const r = box.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; }))
      .filter((boxes) => boxes.length)`)) ?? []
  );
}

/**
 * The page text under each note's boxes (from the first box's start to the last box's end), read with the caret
 * APIs: what the reader sees marked. Scrolls the first mark into view. The page itself cannot read the marks.
 */
export async function markedNotes(session: Session): Promise<string[]> {
  let groups = await noteMarkBoxes(session);
  const first = groups[0]?.[0];
  if (first && (first.top < 0 || first.bottom > 800)) {
    await session.evaluate(`(scrollBy(0, ${Math.round(first.top - 200)}), new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))))`);
    groups = await noteMarkBoxes(session);
  }
  return session.evaluate(`(${JSON.stringify(groups)}).map((boxes) => {
    const caret = (x, y) => {
      const proto = Document.prototype;
      if (proto.caretPositionFromPoint) { const p = proto.caretPositionFromPoint.call(document, x, y); return p && [p.offsetNode, p.offset]; }
      const r = proto.caretRangeFromPoint.call(document, x, y); return r && [r.startContainer, r.startOffset];
    };
    const first = boxes[0], last = boxes[boxes.length - 1];
    const start = caret(first.left + 1, (first.top + first.bottom) / 2), end = caret(last.right - 1, (last.top + last.bottom) / 2);
    if (!start || !end) return '';
    const range = Document.prototype.createRange.call(document);
    range.setStart(start[0], start[1]);
    range.setEnd(end[0], end[1]);
    return range.toString();
  })`);
}

/** Whether a page script can find anything of the reader's notes in the shared highlight registry. */
export function noteRangesInRegistry(session: Session): Promise<number> {
  return session.evaluate(`[...CSS.highlights].filter(([name]) => name.includes('note')).reduce((n, [, h]) => n + h.size, 0)`);
}

/** Every record of one object store of the extension's notes database (read with IndexedDB itself, not Dexie). */
export function storedRecords<T>(session: Session, store: 'notes' | 'anchoring'): Promise<T[]> {
  return inExtension(session, `new Promise((resolve, reject) => {
    const open = indexedDB.open('watchwords');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const read = open.result.transaction(${JSON.stringify(store)}).objectStore(${JSON.stringify(store)}).getAll();
      read.onsuccess = () => { resolve(read.result); open.result.close(); };
    };
  })`);
}

/** Every range of every Watchwords highlight, as `kind:text`, in document order. */
export function highlightList(session: Session): Promise<string[]> {
  return session.evaluate(`[...CSS.highlights].filter(([name]) => name.startsWith('watchwords-'))
    .flatMap(([name, h]) => [...h].map((range) => ({ range, label: name.slice('watchwords-'.length) + ':' + range.toString() })))
    .sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range)).map((r) => r.label)`);
}

/** Whether every Watchwords highlight range is in the document and not collapsed (no leftovers of removed text). */
export function rangesAreLive(session: Session): Promise<boolean> {
  return session.evaluate(`[...CSS.highlights].filter(([name]) => name.startsWith('watchwords-'))
    .every(([, h]) => [...h].every((r) => r.startContainer.isConnected && r.endContainer.isConnected && !r.collapsed))`);
}

/** The highlights once they stop changing (three equal reads 100 ms apart), satisfying `ready`. */
export async function settledHighlights(session: Session, ready: (list: string[]) => boolean = (list) => list.length > 0, timeout = 5000): Promise<string[]> {
  let previous = '';
  let same = 0;
  return waitFor('the highlights to settle', async () => {
    const list = await highlightList(session);
    const key = JSON.stringify(list);
    same = key === previous ? same + 1 : 0;
    previous = key;
    return same >= 2 && ready(list) ? list : undefined;
  }, timeout);
}

/** Polls `check` every 100 ms for `duration` ms and fails as soon as it is false. */
export async function staysTrue(what: string, check: () => Promise<boolean>, duration: number): Promise<void> {
  const end = Date.now() + duration;
  while (Date.now() < end) {
    if (!(await check())) throw new Error(`no longer true: ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/**
 * The colours (r, g, b) of a screenshot's pixels at viewport points, decoded by the browser itself: how a test
 * sees what lies inside the closed shadow root, such as a focus ring.
 */
export async function screenshotColours(session: Pick<Session, 'evaluate'>, path: string, points: { x: number; y: number }[]): Promise<[number, number, number][]> {
  const png = readFileSync(path).toString('base64');
  return session.evaluate(`(async () => {
    const bitmap = await createImageBitmap(await (await fetch('data:image/png;base64,${png}')).blob());
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    context.drawImage(bitmap, 0, 0);
    return ${JSON.stringify(points)}.map(({ x, y }) => [...context.getImageData(Math.round(x), Math.round(y), 1, 1).data.slice(0, 3)]);
  })()`);
}

/** Opens `url` and waits until Watchwords has highlighted something on it. */
export async function visitScanned(session: Session, url: string): Promise<void> {
  await session.goto(url);
  await waitFor('the page to be scanned', () => session.evaluate<boolean>(`CSS.highlights.size > 0`));
}

/** Waits for the note editor ("Add a note") to open. */
export async function noteEditorOpen(session: Session): Promise<void> {
  await waitFor('the note editor', async () => (await session.accessible('dialog', 'Add a note')).length > 0);
}

/**
 * As a reader does: selects `text`, presses the "Add note" button that appears beside it, and opens the editor
 * (then types `body` and saves with Ctrl+Enter, when given).
 */
export async function noteOnSelection(session: Session, text: string, body?: string): Promise<void> {
  await selectText(session, text);
  await session.press('Shift');
  await clickButton(session, 'Add note');
  await noteEditorOpen(session);
  if (body === undefined) return;
  await typeText(session, body);
  await session.press('Control+Enter');
  await noteSaved(session);
}

/** Waits for the "Note saved" announcement. */
export async function noteSaved(session: Session): Promise<void> {
  await waitFor('"Note saved"', async () => (await session.accessible('status')).some((s) => s.text.includes('Note saved')));
}

/** The card (role dialog) named `name`, once it is shown. */
export async function cardNamed(session: Session, name: string) {
  const [card] = await waitFor(`the card for ${name}`, async () => {
    const found = await session.accessible('dialog', name);
    return found.length ? found : undefined;
  });
  return card!;
}

/**
 * Clicks the button whose accessible name is `name`, or a related entity's button ("NAME, Kind"), once it is
 * enabled (buttons that change settings wait until the card has been plainly visible for a moment).
 */
export async function clickButton(session: Session, name: string): Promise<void> {
  const find = async () => {
    const found =
      (await session.accessible('button', name))[0] ??
      (await session.accessible('button')).find((b) => b.name.startsWith(`${name},`) || b.text.startsWith(`${name},`));
    return found && !found.disabled ? found : undefined;
  };
  // A button that has just appeared may still be moving into place (a bubble placed beside a selection while the
  // page's first scan is still showing mentions): it is clicked once it has stayed where it is for a moment, as a
  // reader's click would be.
  let previous: Awaited<ReturnType<typeof find>>;
  const button = await waitFor(`the "${name}" button, settled`, async () => {
    const found = await find();
    const settled = found && previous && ['x', 'y', 'width', 'height'].every((key) => Math.abs(found.box[key as 'x'] - previous!.box[key as 'x']) < 0.5);
    previous = found;
    return settled ? found : undefined;
  });
  // A button in the card's scrolling body may be below its fold (under the card's footer, or the window's edge):
  // it is scrolled into view with the wheel over the card, as a reader would.
  const inView = async (box: { x: number; y: number; width: number; height: number }) => {
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    // Another of our buttons (the card's footer) over the same point means it is hidden under it. (Nothing of the
    // page's own DOM API is used: a hostile test page may have clobbered it.)
    const covering = (await session.accessible('button')).filter((other) => (other.name !== now.name || other.text !== now.text) && x >= other.box.x && x <= other.box.x + other.box.width && y >= other.box.y - 8 && y <= other.box.y + other.box.height + 8);
    if (covering.length || box.y + box.height > (await session.evaluate<number>('innerHeight'))) return false;
    return !(await hiddenInOverlay(session, name));
  };
  let now = button;
  for (let turn = 0; turn < 8 && !(await inView(now.box)); turn++) {
    await session.wheel(now.box.x + now.box.width / 2, Math.max(10, Math.min(now.box.y, (await session.evaluate<number>('innerHeight')) - 150)), 0, 120);
    now = (await find()) ?? now;
  }
  await session.click(now.box.x + now.box.width / 2, now.box.y + now.box.height / 2);
}

/**
 * Whether the overlay frame's button of that name is hidden under something of the frame's own (the card's footer
 * over its scrolled body): the frame's own hit test at the button's centre. False when the button is not in the frame.
 */
async function hiddenInOverlay(session: Session, name: string): Promise<boolean> {
  return session
    .evaluateInOverlay<boolean>(`(() => {
      const name = ${JSON.stringify(name)};
      const named = (b) => [b.getAttribute('aria-label') || '', (b.textContent || '').trim()];
      const buttons = [...document.querySelectorAll('button, a[href]')];
      const button = buttons.find((b) => named(b).includes(name)) || buttons.find((b) => named(b).some((n) => n.startsWith(name)));
      if (!button) return false;
      const r = button.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return !hit || !(hit === button || button.contains(hit));
    })()`)
    .catch(() => false);
}

/** The innerHTML of `selector` in the page as the server sends it (fetched again and parsed, no script run). */
export function servedInnerHtml(session: Session, selector: string): Promise<string> {
  return session.evaluate(`fetch(location.href, { cache: 'no-store' }).then((r) => r.text())
    .then((html) => new DOMParser().parseFromString(html, 'text/html').querySelector(${JSON.stringify(selector)}).innerHTML)`);
}

/** Sends a message to the background from an extension page (a Playwright page), as the page's own code does. */
export function askFromPage<T>(page: import('playwright-core').Page, message: object): Promise<T> {
  return page.evaluate(async (m) => {
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime;
    const reply = (await runtime.sendMessage(m)) as { ok: boolean; value?: unknown; error?: string } | undefined;
    if (!reply?.ok) throw new Error(reply?.error ?? 'no answer');
    return reply.value;
  }, message) as Promise<T>;
}

/**
 * What the `scan` CLI (the same matcher and the same reading of the page) finds in a fixture page, as kind:text in
 * document order: the highlights the extension must show on it, whatever the dataset holds today.
 */
export function scannedMentions(path: string): string[] {
  const output = execFileSync('npx', ['tsx', 'scripts/scan.ts', path], { encoding: 'utf8' });
  const { documents } = JSON.parse(output) as { documents: { mentions: { text: string; entity: { kind: string } }[] }[] };
  return documents[0]!.mentions.map((mention) => `${mention.entity.kind}:${mention.text}`);
}
