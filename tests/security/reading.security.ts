/**
 * Reading notes and drafts: with the card, a note or the editor open in front of the reader, nothing a page can do —
 * find, selection, execCommand, the highlight registry, focus, computed styles, caret hit-testing, observers, event
 * timing, frames, its own storage, its own address — gives it a word the reader wrote.
 */
import { expect } from 'vitest';
import {
  expectNothingLeaked, hostileSuite, notedPassage, readerOpensCard, readerOpensEditor, readerSeesNote, readerWritesDraft, readerWritesNote, runAttack,
  secret,
  seedPageNote, settle, shown, typeText, visit, whileRecording, type World,
} from './harness';

const draft = `The ${secret.draft} asked about retention`;
const page = (world: World, name: string) => `${world.siteA}/reading/${name}.html`;
/** Highlights that cover part of the noted passage (which names no entity): the page learns what was annotated. */
const overPassage = (list: { text?: string; ranges?: string[] }[]) =>
  list.filter((entry) => [entry.text ?? '', ...(entry.ranges ?? [])].some((text) => text.length > 3 && (notedPassage.includes(text) || text.includes(notedPassage))));

hostileSuite('reading notes and drafts', (attack) => {
  attack('reading/find-card', {}, async (world) => {
    await visit(world, page(world, 'find-card'));
    await readerOpensCard(world);
    await runAttack(world);
    await expectNothingLeaked(world);
  });

  attack('reading/find-note', {}, async (world) => {
    await seedPageNote(world, page(world, 'find-note'));
    await visit(world, page(world, 'find-note'));
    await readerSeesNote(world);
    await runAttack(world);
    await expectNothingLeaked(world);
  });

  attack('reading/select-all-draft', {}, async (world) => {
    await visit(world, page(world, 'select-all-draft'));
    await readerWritesDraft(world, draft);
    await runAttack(world);
    await expectNothingLeaked(world);
  });

  attack('reading/selection-walk', {}, async (world) => {
    await visit(world, page(world, 'selection-walk'));
    await readerOpensCard(world);
    await runAttack(world);
    await expectNothingLeaked(world);
  });

  attack('reading/highlight-registry', {}, async (world) => {
    await seedPageNote(world, page(world, 'highlight-registry'));
    await visit(world, page(world, 'highlight-registry'));
    await readerSeesNote(world);
    expect(overPassage(await runAttack(world)), 'highlights the page can read over the noted passage').toEqual([]);
  });

  attack('reading/highlights-from-point', {}, async (world) => {
    await seedPageNote(world, page(world, 'highlights-from-point'));
    await visit(world, page(world, 'highlights-from-point'));
    await readerSeesNote(world);
    await world.session.moveMouse(1, 1);
    expect(overPassage(await runAttack(world)), 'highlights found under the noted passage').toEqual([]);
  });

  attack('reading/computed-style', {}, async (world) => {
    await visit(world, page(world, 'computed-style'));
    await readerOpensCard(world);
    await runAttack(world);
    await expectNothingLeaked(world);
  });

  attack('reading/caret-probe', {}, async (world) => {
    await visit(world, page(world, 'caret-probe'));
    await readerOpensCard(world);
    await runAttack(world);
    await expectNothingLeaked(world);
  });

  attack('reading/focus-probe', {}, async (world) => {
    await visit(world, page(world, 'focus-probe'));
    await runAttack(world);
    await readerWritesDraft(world, draft);
    await world.session.evaluate(`(window.stop(), true)`);
    await expectNothingLeaked(world);
  });

  attack('reading/observers', {}, async (world) => {
    await visit(world, page(world, 'observers'));
    await readerOpensEditor(world);
    await runAttack(world);
    await whileRecording(world, () => typeText(world.session, draft));
    const counts = await world.session.evaluate<Record<string, number>>(`window.counts`);
    const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
    // A keystroke-by-keystroke signal would give about one callback a key; a few are layout settling.
    expect(total, JSON.stringify(counts)).toBeLessThan(5);
  });

  attack('reading/event-timing', {}, async (world) => {
    await visit(world, page(world, 'event-timing'));
    await readerOpensEditor(world);
    await runAttack(world);
    await whileRecording(world, () => typeText(world.session, draft));
    await settle(500);
    const timing = await world.session.evaluate<{ before?: number; after?: number; counts: object; countsAfter: object; entries: unknown[] }>(`window.result()`);
    expect(timing.countsAfter, 'the page\'s event counts went up as the reader typed').toEqual(timing.counts);
    // The pointer crossing the page on its way into the editor is the page's own business (and its entries may be
    // reported late, inside the recording): only what the keys made counts.
    const keyEntries = (timing.entries as { name?: string }[]).filter((entry) => !/^(pointer|mouse|click|dblclick|auxclick|contextmenu|gotpointercapture|lostpointercapture)/.test(entry.name ?? ''));
    expect(keyEntries, 'event timing entries of the reader\'s keys').toEqual([]);
    if (typeof timing.before === 'number') expect(timing.after, 'interactions counted while the reader typed').toBe(timing.before);
  });

  attack('reading/frames-probe', {}, async (world) => {
    await visit(world, page(world, 'frames-probe'));
    await readerWritesDraft(world, draft);
    await runAttack(world);
    await expectNothingLeaked(world);
  });

  attack('reading/storage-probe', {}, async (world) => {
    await visit(world, page(world, 'storage-probe'));
    await readerWritesNote(world, draft);
    await runAttack(world);
    await expectNothingLeaked(world);
  });

  attack('reading/url-probe', { browsers: ['chromium'] }, async (world) => {
    const session = world.session;
    if (session.browser !== 'chromium') return;
    const note = await seedPageNote(world, page(world, 'url-probe'));
    await visit(world, page(world, 'url-probe'));
    const manager = await session.context.newPage();
    try {
      await manager.goto(`${session.extensionOrigin}/notes.html`);
      await manager.getByRole('button', { name: 'Open' }).first().click();
      await settle(1500);
    } finally {
      await manager.close();
    }
    const addresses = await runAttack<string[]>(world);
    expect(addresses.filter((address) => address.includes(note.id)), 'the note id, written into the page\'s address').toEqual([]);
    // "Open" still did its job: the note is shown on the page.
    expect(await shown(world, 'dialog', 'Your note'), 'the note shown by "Open"').toBe(true);
  });
});

