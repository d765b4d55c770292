/**
 * Forged events and messages: everything a page can dispatch or post (untrusted pointer, mouse and keyboard events,
 * WXT's content-script events, navigation events, postMessage to every window and frame) must neither open, close,
 * save nor change anything, nor let the page read what that would show.
 */
import { expect } from 'vitest';
import {
  expectNothingLeaked, expectReaderDataUnchanged, hostileSuite, notedEntity, readerOpensCard, readerPinsCard, readerWritesDraft, runAttack,
  secret, seedPageNote, settle, shown, storedNotes, textBoxValues, visit, waitFor, type World,
} from './harness';

const draft = `Ask the ${secret.draft} who keeps the scans`;
const editorOpen = (world: World) => shown(world, 'dialog', 'Add a note');
/** The reader still has the editor open with every word they typed. */
async function expectDraftIntact(world: World, text = draft): Promise<void> {
  expect(await editorOpen(world), 'the note editor is still open').toBe(true);
  expect(await textBoxValues(world)).toContain(text);
}
hostileSuite('forged events and messages', (attack) => {
  attack('forged/pointermove-mention', {}, async (world) => {
    await visit(world, `${world.siteA}/forged/pointermove-mention.html`);
    await runAttack(world);
    await expectNothingLeaked(world);
    expect(await shown(world, 'dialog', notedEntity.name), 'a card opened for untrusted pointer moves').toBe(false);
  });

  attack('forged/pointermove-note', {}, async (world) => {
    const url = `${world.siteA}/forged/pointermove-note.html`;
    await seedPageNote(world, url);
    await visit(world, url);
    await runAttack(world);
    await expectNothingLeaked(world);
  });

  attack('forged/click-mention', {}, async (world) => {
    const url = `${world.siteA}/forged/click-mention.html`;
    await seedPageNote(world, url);
    await visit(world, url);
    await runAttack(world);
    await expectNothingLeaked(world);
  });

  attack('forged/ctrl-enter', {}, async (world) => {
    await visit(world, `${world.siteA}/forged/ctrl-enter.html`);
    await readerWritesDraft(world, draft);
    await runAttack(world);
    const saved = (await storedNotes(world)).filter((note) => note.body.includes(secret.draft));
    expect(saved, 'a note saved by a forged key').toEqual([]);
    await expectDraftIntact(world);
  });

  attack('forged/escape-editor', {}, async (world) => {
    await visit(world, `${world.siteA}/forged/escape-editor.html`);
    await readerWritesDraft(world, draft);
    await runAttack(world);
    await expectDraftIntact(world);
  });

  attack('forged/escape-card', {}, async (world) => {
    await visit(world, `${world.siteA}/forged/escape-card.html`);
    await readerPinsCard(world);
    await runAttack(world);
    expect(await shown(world, 'dialog', notedEntity.name), 'the card was closed by a forged Escape').toBe(true);
  });

  attack('forged/insert-text', {}, async (world) => {
    await visit(world, `${world.siteA}/forged/insert-text.html`);
    await readerWritesDraft(world, draft);
    await runAttack(world);
    await expectDraftIntact(world);
    // What the reader saves is what they typed.
    await world.session.press('Control+Enter');
    const saved = await waitFor('the note', async () => (await storedNotes(world)).find((note) => note.body.includes(secret.draft)));
    expect(saved.body).toBe(draft);
  });

  attack('forged/wxt-started', {}, async (world) => {
    await visit(world, `${world.siteA}/forged/wxt-started.html`);
    await runAttack(world);
    // Watchwords still works for the reader.
    await readerOpensCard(world);
  });

  attack('forged/wxt-started-draft', {}, async (world) => {
    await visit(world, `${world.siteA}/forged/wxt-started-draft.html`);
    await readerWritesDraft(world, draft);
    await runAttack(world);
    await expectDraftIntact(world);
  });

  attack('forged/wxt-locationchange', {}, async (world) => {
    await visit(world, `${world.siteA}/forged/wxt-locationchange.html`);
    await readerPinsCard(world);
    await runAttack(world);
    expect(await shown(world, 'dialog', notedEntity.name), 'the card was closed by a forged location change').toBe(true);
  });

  attack('forged/startup-message', {}, async (world) => {
    await visit(world, `${world.siteA}/forged/startup-message.html`);
    await readerOpensCard(world);
    const messages = JSON.stringify(await runAttack(world));
    for (const id of world.extensionIds) expect(messages, 'the extension id, posted to the page').not.toContain(id);
    expect(messages.toLowerCase()).not.toMatch(/wxt|watchwords/);
  });

  attack('forged/post-message', {}, async (world) => {
    await visit(world, `${world.siteA}/forged/post-message.html`);
    await readerWritesDraft(world, draft);
    await expectReaderDataUnchanged(world, () => runAttack(world));
    await expectDraftIntact(world);
  });

  attack('forged/navigation-events', {}, async (world) => {
    await visit(world, `${world.siteA}/forged/navigation-events.html`);
    await readerPinsCard(world);
    await runAttack(world);
    expect(await shown(world, 'dialog', notedEntity.name), 'the card was closed by forged navigation events').toBe(true);
  });

  attack('forged/selection-offer', {}, async (world) => {
    await visit(world, `${world.siteA}/forged/selection-offer.html`);
    await runAttack(world);
    await settle(300);
    expect(await shown(world, 'button', 'Add note'), '"Add note" offered for untrusted events').toBe(false);
    expect(await shown(world, 'button', 'Watch this name'), '"Watch this name" offered for untrusted events').toBe(false);
  });
});
