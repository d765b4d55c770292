import { afterEach, describe, expect, it, vi } from 'vitest';

const saves: { body: string; done: (value: { savedAt: string }) => void }[] = [];
vi.mock('../../lib/messaging', () => ({
  askBackground: (request: { body: string }) => new Promise((done) => saves.push({ body: request.body, done })),
}));
vi.stubGlobal('addEventListener', () => undefined);
vi.stubGlobal('removeEventListener', () => undefined);

const { createDraftSaver } = await import('./draft-saver');
const target = { kind: 'entity', entityId: 'clearview-ai' } as never;
const tick = () => new Promise((done) => setTimeout(done, 0));

afterEach(() => void saves.splice(0));

describe('the draft saver', () => {
  it('sends a change as it is made, not after a pause (a page may reload 50 ms after the last key)', async () => {
    const saver = createDraftSaver(target, () => undefined);
    saver.change('Ask who', '');
    await tick();
    expect(saves.map((s) => s.body)).toEqual(['Ask who']);
    saver.stop();
  });

  it('keeps one save in flight and sends the latest text when it is done, in order', async () => {
    const saver = createDraftSaver(target, () => undefined);
    saver.change('A', '');
    await tick();
    saver.change('AB', '');
    saver.change('ABC', '');
    await tick();
    expect(saves.map((s) => s.body)).toEqual(['A']);
    saves[0]!.done({ savedAt: 'now' });
    await tick();
    await tick();
    expect(saves.map((s) => s.body)).toEqual(['A', 'ABC']);
    saver.stop();
  });

  it('sends nothing while held, and nothing after stop', async () => {
    const saver = createDraftSaver(target, () => undefined);
    saver.hold();
    saver.change('kept back', '');
    await tick();
    expect(saves).toEqual([]);
    saver.stop();
    saver.change('after', '');
    await tick();
    expect(saves).toEqual([]);
  });
});
