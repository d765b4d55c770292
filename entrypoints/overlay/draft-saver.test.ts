import { afterEach, describe, expect, it, vi } from 'vitest';

const saves: { body: string; done: (value: { savedAt: string }) => void }[] = [];
vi.mock('../../lib/messaging', () => ({
  askBackground: (request: { body: string }) => new Promise((done) => saves.push({ body: request.body, done })),
}));

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

  it('sends each change without waiting for the one before to be answered, in order', async () => {
    const saver = createDraftSaver(target, () => undefined);
    saver.change('A', '');
    await tick();
    saver.change('AB', '');
    await tick();
    saver.change('ABC', '');
    await tick();
    // None answered yet: all three are on their way, the last one last.
    expect(saves.map((s) => s.body)).toEqual(['A', 'AB', 'ABC']);
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
