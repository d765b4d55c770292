/**
 * DOM clobbering and prototype poisoning, from the page's first script and markup: named elements shadowing the
 * document's methods and properties and the globals Watchwords uses, wrapped prototypes and built-ins spying on
 * every call, shadow roots forced open. Watchwords must keep working for the reader (highlights, cards, notes,
 * saving), file notes where they were written, and give the page nothing.
 */
import { expect } from 'vitest';
import {
  expectNothingLeaked, hostileSuite, notedEntity, readerOpensCard, readerSeesNote, readerWritesNote, runAttack, secret, seedPageNote, visit,
  type World,
} from './harness';

/** Everything the reader does on a page: a card with their entity note, their page note, a new note saved. */
async function readerJourney(world: World, url: string): Promise<void> {
  await readerOpensCard(world);
  const [card] = await world.session.accessible('dialog', notedEntity.name);
  expect(card?.text, 'the card shows the reader\'s note on the entity').toContain(secret.entityNote);
  await world.session.moveMouse(1, 1);
  await readerSeesNote(world);
  await world.session.moveMouse(1, 1);
  const saved = await readerWritesNote(world, `Written with the ${secret.draft} on ${new URL(url).pathname}`, 'Nobody answered that question');
  expect(saved.target.kind === 'page' && saved.target.url, 'the page the note is filed under').toBe(url);
}

hostileSuite('DOM clobbering and prototype poisoning', (attack) => {
  for (const name of ['document-methods', 'document-properties', 'window-names', 'poison-prototypes', 'poison-shadow', 'poison-globals']) {
    attack(`clobbering/${name}`, {}, async (world) => {
      const url = `${world.siteA}/clobbering/${name}.html`;
      await seedPageNote(world, url);
      await visit(world, url);
      await readerJourney(world, url);
      await runAttack(world);
      await expectNothingLeaked(world);
    });
  }
});
