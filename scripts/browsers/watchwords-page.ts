import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserSession } from './session';

export const root = resolve(import.meta.dirname, '..', '..');
/** The builds under test (override with WATCHWORDS_CHROME_BUILD / WATCHWORDS_FIREFOX_BUILD, e.g. a copy that no
 * concurrent `npm run build` rewrites while a browser loads it). */
export const chromeBuild = resolve(root, process.env.WATCHWORDS_CHROME_BUILD ?? '.output/chrome-mv3');
export const firefoxBuild = resolve(root, process.env.WATCHWORDS_FIREFOX_BUILD ?? '.output/firefox-mv2');
/** The gecko id of the Firefox build (read from its manifest, so build first). */
export const firefoxAddonId = () =>
  (JSON.parse(readFileSync(resolve(firefoxBuild, 'manifest.json'), 'utf8')) as { browser_specific_settings: { gecko: { id: string } } })
    .browser_specific_settings.gecko.id;
export const screenshots = resolve(root, 'tests/e2e/screenshots');

/** Polls `check` until it returns a truthy value, or fails with `what` after `timeout` ms (a deadline for something to appear on a busy 2-core machine running two browsers, not a speed check). */
export async function waitFor<T>(what: string, check: () => Promise<T>, timeout = 15_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${String(last)})`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** The texts of every range Watchwords registered, read from the page's (shared) highlight registry. */
export function highlightedTexts(session: BrowserSession): Promise<Record<string, string[]>> {
  return session.evaluate(`Object.fromEntries([...CSS.highlights].filter(([name]) => name.startsWith('watchwords-')).map(([name, h]) => [name, [...h].map((r) => r.toString())]))`);
}

/** The viewport centre of the first highlighted range whose text is `text`. */
export function centreOfHighlight(session: BrowserSession, text: string): Promise<{ x: number; y: number } | null> {
  return session.evaluate(`(() => {
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('watchwords-')) continue;
      for (const range of h) {
        if (range.toString() !== ${JSON.stringify(text)}) continue;
        range.startContainer.parentElement.scrollIntoView({ block: 'center' });
        const box = range.getClientRects()[0];
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
    }
    return null;
  })()`);
}

/** A real click at the centre of the element `selector` in the card's frame: the frame's place on the page plus the
 * element's place in the frame (the click lands through the page, as the reader's does, and moves the focus). */
export async function clickInCard(session: BrowserSession, selector: string): Promise<void> {
  const frame = await session.inUiShadowRoot<{ x: number; y: number }>(`(root) => {
    const box = root.querySelector('iframe').getBoundingClientRect();
    return { x: box.x, y: box.y };
  }`);
  if (!frame) throw new Error('the card\'s frame is not open');
  const target = await session.evaluateInOverlay<{ x: number; y: number }>(`(() => {
    const box = document.querySelector(${JSON.stringify(selector)}).getBoundingClientRect();
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  })()`);
  await session.click(frame.x + target.x, frame.y + target.y);
}

export async function hoverCard(session: BrowserSession, text: string, name: string) {
  const open = async () => {
    const found = await session.accessible('dialog', name);
    return found.length ? found : undefined;
  };
  // A pointer that was already resting there (a scroll moved the page under it) sends no new move: come from
  // outside the text, as a reader does, and try again (twice) if a rest was not seen.
  for (let attempt = 1; ; attempt++) {
    const centre = await waitFor(`a highlight on "${text}"`, () => centreOfHighlight(session, text));
    await session.moveMouse(1, 1);
    await session.moveMouse(centre.x - 3, centre.y);
    await session.moveMouse(centre.x, centre.y);
    try {
      const [card] = await waitFor(`the card for ${name}`, open, attempt < 3 ? 2500 : 15_000);
      return card!;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}
