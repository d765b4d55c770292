/**
 * Clickjacking and UI redress: the page hides, covers, clips, moves or shrinks our card and puts a decoy where one of
 * its buttons is; the reader clicks the decoy with the real mouse. "Pause on this site" and "Not this" change the
 * reader's settings, so such a click must change nothing (or only ask, in a place the page cannot hide). The click
 * comes after the card's settings buttons have become active, so the guard decides, not the timing; an attack
 * that could not change how the card looks (compared pixel by pixel before and after) leaves the reader pressing the
 * button they saw.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { visibleForMs } from '../../entrypoints/overlay/use-visibility';
import { screenshots } from '../../scripts/browsers/watchwords-page';
import { screenshotColours } from '../e2e/harness';
import { hostileSuite, readerPinsCard, resetSettings, runAttack, settingsOf, settle, visit, waitFor, type World } from './harness';

/** The attacks that can draw over the card (the others restyle it, and our styles win: the card looks the same). */
const decoys = new Set(['overlay-pass-through', 'top-layer-decoy', 'cover-with-hole']);

const attacks: Record<string, string> = {
  'opacity-pause': 'Pause on this site',
  'opacity-not-this': 'Not this',
  'overlay-pass-through': 'Pause on this site',
  'top-layer-decoy': 'Pause on this site',
  'clip-path': 'Pause on this site',
  'transform-move': 'Pause on this site',
  'filter-invisible': 'Not this',
  'cover-with-hole': 'Pause on this site',
  'scale-tiny': 'Pause on this site',
};

/** The button's box, once it is enabled (buttons that change settings wait until the card has been plainly visible). */
async function buttonBox(world: World, name: string, timeout?: number) {
  const button = await waitFor(
    `the "${name}" button, enabled`,
    async () => {
      const [found] = await world.session.accessible('button', name);
      return found && !found.disabled ? found : undefined;
    },
    timeout,
  );
  return button.box;
}

/**
 * After an attack our card may be shown anew (the content script restores a tampered host), and a card shown anew
 * keeps its settings buttons inactive for `visibleForMs`; on a loaded machine that can outlast any fixed wait, and a
 * screenshot taken meanwhile differs from the one before only by the greyed buttons. So wait until the button acts
 * again, or give up after a while (the defence may keep it inactive: then the press must change nothing anyway).
 */
async function buttonActiveAgain(world: World, name: string) {
  await settle(visibleForMs + 700);
  await buttonBox(world, name, 8000).catch(() => undefined);
}

/** The colours of a 6 × 6 grid of points over the card: what the reader sees of it. */
async function cardLook(world: World, points: { x: number; y: number }[], path: string) {
  await world.session.screenshot(path);
  return screenshotColours(world.session, path, points);
}
const sameLook = (a: [number, number, number][], b: [number, number, number][]) =>
  a.every((colour, index) => colour.every((channel, c) => Math.abs(channel - b[index]![c]!) <= 12));

hostileSuite('clickjacking and UI redress', (attack) => {
  for (const [name, button] of Object.entries(attacks)) {
    attack(`redress/${name}`, {}, async (world) => {
      await visit(world, `${world.siteA}/redress/${name}.html`);
      // The reader opens the first mention's card from the keyboard: it stays open.
      const card = await readerPinsCard(world);
      const before = await settingsOf(world);
      const target = await buttonBox(world, button);
      const points = Array.from({ length: 36 }, (_, i) => ({ x: card.box.x + ((i % 6) + 0.5) * (card.box.width / 6), y: card.box.y + (Math.floor(i / 6) + 0.5) * (card.box.height / 6) }));
      const shots = join(screenshots, 'redress');
      mkdirSync(shots, { recursive: true });
      const lookBefore = await cardLook(world, points, join(shots, `${name}-${world.browser}-before.png`));
      await runAttack(world, { target });
      // Past the time a new card waits before its settings buttons act: the defence decides, not the clock.
      await buttonActiveAgain(world, button);
      const intact = sameLook(lookBefore, await cardLook(world, points, join(shots, `${name}-${world.browser}-after.png`)));
      // The reader clicks the decoy, which is where the button was.
      await world.session.click(target.x + target.width / 2, target.y + target.height / 2);
      await settle(1500);
      try {
        const after = await settingsOf(world);
        // Where the page could not change how the card looks (our styles win over the page's), the reader pressed
        // the button they saw: that may act. Where the card looked any different, the press must change nothing.
        if (!intact) {
          expect(after.sites.paused, 'the site was paused by a click on a decoy').toEqual(before.sites.paused);
          expect(after.dismissals, '"Not this" was chosen by a click on a decoy').toEqual(before.dismissals);
        }
        if (decoys.has(name)) expect(intact, 'this decoy is drawn over the card').toBe(false);
      } finally {
        await resetSettings(world);
      }
    });
  }
});
