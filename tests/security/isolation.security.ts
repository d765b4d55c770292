/**
 * Cross-origin and cross-site isolation: notes on an entity are not readable on a site the reader did not write
 * them on; a page's notes are not shown on another page, another site, or another origin of the same host — whatever
 * canonical link or <base> it declares; a frame from another site in the page can command nothing.
 */
import { expect } from 'vitest';
import {
  expectNothingLeaked, expectReaderDataUnchanged, hostileSuite, notedPassage, readerOpensCard, readerPointsAt, readerWritesDraft,
  readerWritesNote, runAttack, secret, seedPageNote, settle, shown, textBoxValues, visit, type World,
} from './harness';

/** The note on the passage is not shown to the reader here, and the page found nothing of it. */
async function expectNoNoteHere(world: World): Promise<void> {
  const highlights = await runAttack<{ name: string; text: string }[]>(world);
  expect(highlights.filter((h) => notedPassage.includes(h.text) && h.text.length > 3), 'highlights over the noted passage').toEqual([]);
  await expectNothingLeaked(world);
  await readerPointsAt(world, notedPassage);
  await settle(1500);
  expect(await shown(world, 'dialog', 'Your note'), 'the note of another page shown here').toBe(false);
}

hostileSuite('cross-origin and cross-site isolation', (attack) => {
  attack('isolation/entity-note-other-site', {}, async (world) => {
    // The entity note was written long ago; the reader now opens the entity's card on another site.
    await visit(world, `${world.siteB}/isolation/entity-note-other-site.html`);
    await readerOpensCard(world);
    await runAttack(world);
    await expectNothingLeaked(world);
  });

  attack('isolation/page-note-other-site', {}, async (world) => {
    await seedPageNote(world, `${world.siteA}/isolation/page-note-other-site.html`);
    await visit(world, `${world.siteB}/isolation/page-note-other-site.html`);
    await expectNoNoteHere(world);
  });

  attack('isolation/other-page-same-site', {}, async (world) => {
    await seedPageNote(world, `${world.siteA}/isolation/target.html`);
    await visit(world, `${world.siteA}/isolation/other-page-same-site.html`);
    await expectNoNoteHere(world);
  });

  // Another origin of the same host, and another site, each declaring a canonical link to the annotated page.
  for (const [name, site] of [['other-port-canonical', 'siteC'], ['other-site-canonical', 'siteB']] as const) {
    attack(`isolation/${name}`, {}, async (world) => {
      const target = `${world.siteA}/isolation/target.html`;
      await seedPageNote(world, target);
      const url = `${world[site]}/isolation/${name}.html?canonical=${encodeURIComponent(target)}`;
      await visit(world, url);
      await expectNoNoteHere(world);
      const saved = await readerWritesNote(world, `${name} ${secret.draft}`);
      expect(saved.target.kind === 'page' && [saved.target.url, ...saved.target.alternateUrls], 'where the note is filed').toEqual([url]);
    });
  }

  attack('isolation/base-href-canonical', {}, async (world) => {
    await seedPageNote(world, `${world.siteB}/isolation/target.html`);
    const url = `${world.siteA}/isolation/base-href-canonical.html?base=${encodeURIComponent(`${world.siteB}/`)}`;
    await visit(world, url);
    await expectNoNoteHere(world);
    const saved = await readerWritesNote(world, `Base href ${secret.draft}`);
    expect(saved.target.kind === 'page' && [saved.target.url, ...saved.target.alternateUrls], 'where the note is filed').toEqual([url]);
  });

  attack('isolation/cross-origin-frame', {}, async (world) => {
    const url = `${world.siteA}/isolation/cross-origin-frame.html?frame=${encodeURIComponent(`${world.siteB}/isolation/evil-frame.html`)}`;
    await visit(world, url);
    const draft = `Framed ${secret.draft} draft`;
    await readerWritesDraft(world, draft);
    await expectReaderDataUnchanged(world, () => runAttack(world));
    expect(await shown(world, 'dialog', 'Add a note'), 'the editor is still open').toBe(true);
    expect(await textBoxValues(world)).toContain(draft);
  });
});
