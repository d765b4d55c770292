/**
 * Tampering: the page restyles our UI, removes our style sheets, empties or fakes our highlights, makes our UI
 * editable, or upgrades our element with its own code. The reader must still read what Watchwords shows, unchanged,
 * their notes must stay as written, and Watchwords must keep working for them.
 */
import { expect } from 'vitest';
import { cardNamed, command } from '../e2e/harness';
import {
  expectNothingLeaked, hostileSuite, notedEntity, readerOpensCard, readerPointsAt, runAttack, secret, seedPageNote, settle, shown, storedNotes, visit, waitFor, type World,
} from './harness';

const page = (world: World, name: string) => `${world.siteA}/tampering/${name}.html`;
async function readerPinsCard(world: World) {
  await command(world.session, 'next-mention');
  return cardNamed(world.session, notedEntity.name);
}
hostileSuite('tampering', (attack) => {
  attack('tampering/inherited-styles', {}, async (world) => {
    await visit(world, page(world, 'inherited-styles'));
    const before = await readerPinsCard(world);
    await runAttack(world);
    await settle(300);
    const [after] = await world.session.accessible('dialog', notedEntity.name);
    expect(after, 'the card is still shown').toBeDefined();
    // The card keeps its own size and layout whatever the page's text styles.
    expect(Math.abs(after!.box.width - before.box.width), `width ${before.box.width} → ${after!.box.width}`).toBeLessThan(3);
    expect(Math.abs(after!.box.height - before.box.height), `height ${before.box.height} → ${after!.box.height}`).toBeLessThan(3);
  });

  attack('tampering/remove-styles', {}, async (world) => {
    await visit(world, page(world, 'remove-styles'));
    const before = await readerPinsCard(world);
    await runAttack(world);
    await settle(300);
    const [after] = await world.session.accessible('dialog', notedEntity.name);
    expect(after, 'the card is still shown').toBeDefined();
    expect(Math.abs(after!.box.width - before.box.width)).toBeLessThan(3);
    expect(Math.abs(after!.box.height - before.box.height)).toBeLessThan(3);
  });

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
