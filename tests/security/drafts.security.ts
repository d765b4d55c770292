/**
 * Drafts under navigation: whatever the page does while the reader writes — reloads, navigates away, moves on as a
 * single-page app, removes our UI once or again and again — the words already typed are not lost: they are there
 * when the reader comes back, and a note is filed under the page it was written on.
 */
import { expect } from 'vitest';
import { clickButton, hostileSuite, readerSavesNote, readerWritesDraft, runAttack, secret, settle, textBoxValues, visit, waitFor, type World } from './harness';

const page = (world: World, name: string) => `${world.siteA}/drafts/${name}.html`;
/**
 * The reader finds their words again on the page: in the editor itself, or, after the page has gone, behind the
 * "Resume" of the unsaved-notes offer (which names the quote, not the words: the text stays in the frame).
 */
const draftOffered = (world: World, draft: string) =>
  waitFor('the draft to be offered again', async () => {
    if ((await textBoxValues(world)).some((value) => value.includes(draft))) return true;
    const resume = (await world.session.accessible('button', 'Resume'))[0];
    if (resume && !resume.disabled) await clickButton(world.session, 'Resume');
    return false;
  }, 10_000);

hostileSuite('drafts under navigation', (attack) => {
  attack('drafts/reload', {}, async (world) => {
    const draft = `Reload ${secret.draft} draft`;
    await visit(world, page(world, 'reload'));
    await readerWritesDraft(world, draft);
    await runAttack(world);
    // The page reloads itself; the reader looks at it again.
    await settle(1500);
    await visit(world, page(world, 'reload'));
    await draftOffered(world, draft);
  });

  attack('drafts/navigate-away', {}, async (world) => {
    const draft = `Away ${secret.draft} draft`;
    await visit(world, page(world, 'navigate-away'));
    await readerWritesDraft(world, draft);
    await runAttack(world);
    await waitFor('the page to go', () => world.session.evaluate<boolean>(`location.pathname === '/blank.html'`).catch(() => false));
    await visit(world, page(world, 'navigate-away'));
    await draftOffered(world, draft);
  });

  attack('drafts/spa-pushstate', {}, async (world) => {
    const url = page(world, 'spa-pushstate');
    const draft = `Moving ${secret.draft} draft`;
    await visit(world, url);
    await readerWritesDraft(world, draft);
    expect(await runAttack(world)).toContain('?story=2');
    expect(await textBoxValues(world), 'the draft after the page moved on').toContain(draft);
    const saved = await readerSavesNote(world, draft);
    expect(saved.target.kind === 'page' && saved.target.url, 'filed under the page it was written on').toBe(url);
  });

  attack('drafts/remove-ui', {}, async (world) => {
    const draft = `Removed ${secret.draft} draft`;
    await visit(world, page(world, 'remove-ui'));
    await readerWritesDraft(world, draft);
    await runAttack(world);
    await draftOffered(world, draft);
  });

  attack('drafts/remove-ui-repeatedly', {}, async (world) => {
    const draft = `Removed again ${secret.draft} draft`;
    await visit(world, page(world, 'remove-ui-repeatedly'));
    await readerWritesDraft(world, draft);
    await runAttack(world);
    await draftOffered(world, draft);
  });
});
