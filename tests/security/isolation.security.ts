/**
 * Cross-origin and cross-site isolation: notes on an entity are not readable on a site the reader did not write
 * them on; a page's notes are not shown on another page, another site, or another origin of the same host — whatever
 * canonical link or <base> it declares; a frame from another site in the page can command nothing.
 */
import { expect } from 'vitest';
import { noteSaved } from '../e2e/harness';
import {
  expectNothingLeaked, hostileSuite, notedPassage, readerOpensCard, readerPointsAt, readerWritesDraft, resetSettings, runAttack, secret,
  seedPageNote, settingsOf, settle, shown, storedNotes, textBoxValues, visit, waitFor, type World,
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

async function saveNote(world: World, body: string) {
  await readerWritesDraft(world, body);
  await world.session.press('Control+Enter');
  await noteSaved(world.session);
  return waitFor('the note', async () => (await storedNotes(world)).find((note) => note.body === body));
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

  attack('isolation/other-port-canonical', {}, async (world) => {
    const target = `${world.siteA}/isolation/target.html`;
    await seedPageNote(world, target);
    const url = `${world.siteC}/isolation/other-port-canonical.html?canonical=${encodeURIComponent(target)}`;
    await visit(world, url);
    await expectNoNoteHere(world);
    const saved = await saveNote(world, `Other port ${secret.draft}`);
    expect(saved.target.kind === 'page' && [saved.target.url, ...saved.target.alternateUrls], 'where the note is filed').toEqual([url]);
  });

  attack('isolation/other-site-canonical', {}, async (world) => {
    const target = `${world.siteA}/isolation/target.html`;
    await seedPageNote(world, target);
    const url = `${world.siteB}/isolation/other-site-canonical.html?canonical=${encodeURIComponent(target)}`;
    await visit(world, url);
    await expectNoNoteHere(world);
    const saved = await saveNote(world, `Other site ${secret.draft}`);
    expect(saved.target.kind === 'page' && [saved.target.url, ...saved.target.alternateUrls], 'where the note is filed').toEqual([url]);
  });

  attack('isolation/base-href-canonical', {}, async (world) => {
    await seedPageNote(world, `${world.siteB}/isolation/target.html`);
    const url = `${world.siteA}/isolation/base-href-canonical.html?base=${encodeURIComponent(`${world.siteB}/`)}`;
    await visit(world, url);
    await expectNoNoteHere(world);
    const saved = await saveNote(world, `Base href ${secret.draft}`);
    expect(saved.target.kind === 'page' && [saved.target.url, ...saved.target.alternateUrls], 'where the note is filed').toEqual([url]);
  });

  attack('isolation/cross-origin-frame', {}, async (world) => {
    const url = `${world.siteA}/isolation/cross-origin-frame.html?frame=${encodeURIComponent(`${world.siteB}/isolation/evil-frame.html`)}`;
    await visit(world, url);
    const draft = `Framed ${secret.draft} draft`;
    await readerWritesDraft(world, draft);
    const before = { notes: await storedNotes(world), settings: await settingsOf(world) };
    await runAttack(world);
    try {
      expect(await storedNotes(world)).toEqual(before.notes);
      expect(await settingsOf(world)).toEqual(before.settings);
      expect(await shown(world, 'dialog', 'Add a note'), 'the editor is still open').toBe(true);
      expect(await textBoxValues(world)).toContain(draft);
    } finally {
      await resetSettings(world);
    }
  });
});
