/**
 * Keyloggers: listeners of every typing, clipboard, selection, composition and drag event, at the window and the
 * document (capturing and bubbling, registered by the page's first script) and on whatever Watchwords adds, while
 * the reader writes a note with real keys. The page must see no event at all, and no word.
 */
import { expect } from 'vitest';
import { clickInCard, waitFor } from '../../scripts/browsers/watchwords-page';
import {
  expectNothingLeaked, hostileSuite, readerOpensCard, readerOpensEditor, secret, textBoxValues, typeText, visit, whileRecording, type BrowserName, type World,
} from './harness';

const draft = `Tell the ${secret.draft} nothing`;
const sniffed = (world: World) => world.session.evaluate<unknown[]>(`window.kit.events`);

async function expectNothingSniffed(world: World, ownEvents: readonly string[] = []): Promise<void> {
  const events = (await sniffed(world)).filter((event) => !ownEvents.includes((event as { type: string }).type));
  expect(events, 'events the page saw while the reader wrote').toEqual([]);
  await expectNothingLeaked(world);
}

/** The reader's real keys in the note editor, chosen to make the page's event of interest happen. */
const actions: Record<string, { browsers?: BrowserName[]; act: (world: World) => Promise<void>; landed?: (values: string[]) => boolean; ownEvents?: string[] }> = {
  keydown: { act: (world) => typeText(world.session, draft) },
  keyup: { act: (world) => typeText(world.session, draft) },
  keypress: { act: (world) => typeText(world.session, draft) },
  beforeinput: { act: (world) => typeText(world.session, draft) },
  input: { act: (world) => typeText(world.session, draft) },
  // textInput is Chromium's (and WebKit's) own event.
  'text-input': { browsers: ['chromium'], act: (world) => typeText(world.session, draft) },
  // An input method's composition, through the DevTools protocol (BiDi has no input method).
  composition: {
    browsers: ['chromium'],
    async act(world) {
      if (world.session.browser !== 'chromium') return;
      const cdp = await world.session.context.newCDPSession(world.session.page);
      for (const [i, text] of ['p', 'pl', 'plo', 'plov', 'plove', 'plover'].entries()) {
        await cdp.send('Input.imeSetComposition', { text, selectionStart: i + 1, selectionEnd: i + 1 });
      }
      await cdp.send('Input.insertText', { text: secret.draft });
      await cdp.detach();
    },
    landed: (values) => values.some((value) => value.includes(secret.draft)),
  },
  paste: {
    async act(world) {
      await typeText(world.session, draft);
      for (const key of ['Control+A', 'Control+C', 'ArrowRight', 'Control+V']) await world.session.press(key);
    },
    landed: (values) => values.some((value) => value.includes(draft + draft)),
  },
  copy: {
    async act(world) {
      await typeText(world.session, draft);
      for (const key of ['Control+A', 'Control+C']) await world.session.press(key);
    },
  },
  cut: {
    async act(world) {
      await typeText(world.session, draft);
      expect(await textBoxValues(world)).toContain(draft);
      for (const key of ['Control+A', 'Control+X']) await world.session.press(key);
    },
    landed: (values) => !values.some((value) => value.includes(draft)),
  },
  select: {
    async act(world) {
      await typeText(world.session, draft);
      for (let i = 0; i < 6; i++) await world.session.press('Shift+ArrowLeft');
      await world.session.press('Control+A');
    },
  },
  selectionchange: {
    async act(world) {
      await typeText(world.session, draft);
      for (let i = 0; i < 4; i++) await world.session.press('ArrowLeft');
    },
  },
  // A word of the page dragged into the note with the real mouse (Playwright's Chromium drag and drop).
  drop: {
    browsers: ['chromium'],
    async act(world) {
      if (world.session.browser !== 'chromium') return;
      await typeText(world.session, draft);
      const [box] = await world.session.accessible('textbox');
      const from = await world.session.evaluate<{ x: number; y: number }>(`window.kit.select('the causeway')`);
      const mouse = world.session.page.mouse;
      await mouse.move(from.x, from.y);
      await mouse.down();
      await mouse.move(from.x + 20, from.y + 10, { steps: 5 });
      const to = { x: box!.box.x + box!.box.width / 2, y: box!.box.y + box!.box.height / 2 };
      await mouse.move(to.x, to.y, { steps: 10 });
      await mouse.up();
      // Playwright's drag does not reach into an out-of-process frame (ours is one): the same drop, as the browser's
      // own input (DevTools' Input.dispatchDragEvent, trusted like a real drag), at the same point.
      if (!(await textBoxValues(world)).some((value) => value.includes('the causeway'))) {
        const cdp = await world.session.page.context().newCDPSession(world.session.page);
        const data = { items: [{ mimeType: 'text/plain', data: 'the causeway' }], dragOperationsMask: 1 };
        for (const type of ['dragEnter', 'dragOver', 'drop'] as const) await cdp.send('Input.dispatchDragEvent', { type, ...to, data });
        await cdp.detach();
      }
    },
    landed: (values) => values.some((value) => value.includes('the causeway')),
    // Dragging its own words is the page's business: it sees that drag start, pass over it and end (not the drop).
    ownEvents: ['dragstart', 'drag', 'dragenter', 'dragover', 'dragleave', 'dragend'],
  },
  'on-our-element': { act: (world) => typeText(world.session, draft) },
};

/** Whether the card's "Earlier developments" are open, as the card's own frame knows it. */
const earlierOpen = (world: World) => world.session.evaluateInOverlay<boolean>(`document.querySelector('details.card-earlier').open`);

hostileSuite('keyloggers', (attack) => {
  // The card's "Earlier developments" answer Enter and Space: the reader's keys there reach no listener of the page.
  attack('keyloggers/card-disclosure', {}, async (world) => {
    await visit(world, `${world.siteA}/keyloggers/keydown.html`);
    await readerOpensCard(world);
    // A real click on the line puts the focus on it.
    await clickInCard(world.session, 'details.card-earlier summary');
    await waitFor('the earlier developments to open', () => earlierOpen(world));
    await whileRecording(world, async () => {
      await world.session.press('Space');
      await waitFor('Space to fold them', async () => !(await earlierOpen(world)));
      await world.session.press('Enter');
      await waitFor('Enter to open them again', () => earlierOpen(world));
    });
    await expectNothingSniffed(world);
  });

  for (const [name, { browsers, act, landed, ownEvents }] of Object.entries(actions)) {
    attack(`keyloggers/${name}`, { browsers }, async (world) => {
      await visit(world, `${world.siteA}/keyloggers/${name}.html`);
      await readerOpensEditor(world);
      await whileRecording(world, () => act(world));
      // The reader's input did land in the note (else the page had nothing to see).
      const values = await textBoxValues(world);
      expect((landed ?? ((all: string[]) => all.some((value) => value.includes(draft))))(values), JSON.stringify(values)).toBe(true);
      await expectNothingSniffed(world, ownEvents);
    });
  }
});
