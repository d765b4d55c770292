/**
 * Clickjacking and UI redress: the page hides, covers, clips, moves or shrinks our card and puts a decoy where one of
 * its buttons is; the reader clicks the decoy with the real mouse. "Pause on this site" and "Not this" change the
 * reader's settings, so such a click must change nothing (or only ask, in a place the page cannot hide).
 */
import { expect } from 'vitest';
import { hostileSuite, readerPinsCard, resetSettings, runAttack, settingsOf, settle, visit, waitFor, type World } from './harness';

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

async function buttonBox(world: World, name: string) {
  const [button] = await waitFor(`the "${name}" button`, async () => {
    const found = await world.session.accessible('button', name);
    return found.length ? found : undefined;
  });
  return button!.box;
}

hostileSuite('clickjacking and UI redress', (attack) => {
  for (const [name, button] of Object.entries(attacks)) {
    attack(`redress/${name}`, {}, async (world) => {
      await visit(world, `${world.siteA}/redress/${name}.html`);
      // The reader opens the first mention's card from the keyboard: it stays open.
      await readerPinsCard(world);
      const before = await settingsOf(world);
      await runAttack(world, { target: await buttonBox(world, button) });
      // The reader clicks the decoy, which is where the button now is.
      const box = await buttonBox(world, button);
      await world.session.click(box.x + box.width / 2, box.y + box.height / 2);
      await settle(1500);
      try {
        const after = await settingsOf(world);
        expect(after.sites.paused, 'the site was paused by a click on a decoy').toEqual(before.sites.paused);
        expect(after.dismissals, '"Not this" was chosen by a click on a decoy').toEqual(before.dismissals);
      } finally {
        await resetSettings(world);
      }
    });
  }
});
