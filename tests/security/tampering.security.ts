/**
 * Tampering: the page restyles our UI, removes our style sheets, empties or fakes our highlights, makes our UI
 * editable, or upgrades our element with its own code. The reader must still read what Watchwords shows, unchanged,
 * their notes must stay as written, and Watchwords must keep working for them.
 */
import { expect } from 'vitest';
import {
  expectNothingLeaked, hostileSuite, notedEntity, readerOpensCard, readerPinsCard, readerPointsAt, runAttack, secret, seedPageNote, settle, shown, storedNotes, visit, waitFor, type World,
} from './harness';

const page = (world: World, name: string) => `${world.siteA}/tampering/${name}.html`;
/** Runs `attack` with the card pinned open; the card must still be shown, at its own size. */
async function expectCardKeepsItsSize(world: World, attack: () => Promise<unknown>): Promise<void> {
  const before = await readerPinsCard(world);
  await attack();
  await settle(300);
  const [after] = await world.session.accessible('dialog', notedEntity.name);
  expect(after, 'the card is still shown').toBeDefined();
  expect(Math.abs(after!.box.width - before.box.width), `width ${before.box.width} → ${after!.box.width}`).toBeLessThan(3);
  expect(Math.abs(after!.box.height - before.box.height), `height ${before.box.height} → ${after!.box.height}`).toBeLessThan(3);
}

hostileSuite('tampering', (attack) => {
  // Inherited text styles forced on the UI, or every style sheet removed: the card keeps its own size and layout.
  for (const name of ['inherited-styles', 'remove-styles']) {
    attack(`tampering/${name}`, {}, async (world) => {
      await visit(world, page(world, name));
      await expectCardKeepsItsSize(world, () => runAttack(world));
    });
  }

  attack('tampering/clear-highlights', {}, async (world) => {
    const note = await seedPageNote(world, page(world, 'clear-highlights'));
    await visit(world, page(world, 'clear-highlights'));
    await runAttack(world);
    // The reader's note is untouched, and a card still opens when the reader points at a mention.
    await readerPointsAt(world, notedEntity.name);
    await waitFor('the card', () => shown(world, 'dialog', notedEntity.name), 5000);
    expect((await storedNotes(world)).find((stored) => stored.id === note.id)).toEqual(note);
  });

  attack('tampering/fake-highlights', {}, async (world) => {
    await visit(world, page(world, 'fake-highlights'));
    await runAttack(world);
    await readerPointsAt(world, 'Residents were not told');
    await settle(1500);
    const dialogs = await world.session.accessible('dialog');
    expect(dialogs.map((dialog) => dialog.name), 'a Watchwords dialog opened over text the page chose').toEqual([]);
  });

  attack('tampering/contenteditable', {}, async (world) => {
    await visit(world, page(world, 'contenteditable'));
    await readerPinsCard(world);
    await runAttack(world);
    await settle(300);
    const [card] = await world.session.accessible('dialog', notedEntity.name);
    expect(card?.text, 'the card the reader reads').not.toContain('FAKE-NOTE-BY-PAGE');
    expect(card?.text).toContain(secret.entityNote);
  });

  attack('tampering/custom-element-upgrade', {}, async (world) => {
    await visit(world, page(world, 'custom-element-upgrade'));
    await readerOpensCard(world);
    await runAttack(world);
    await expectNothingLeaked(world);
  });
});
