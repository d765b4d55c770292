import { describe, expect, test } from 'vitest';
import { cappedDisplay } from './highlighters';
import type { MentionDisplay, MentionRecord } from './page-scanner';

const record = (i: number) => ({ mention: { entity: { id: `e${i}` } }, range: {} }) as unknown as MentionRecord;

describe('the cap on highlights', () => {
  test('accepts up to the cap, says so once, and takes more again when some go', () => {
    const shown: MentionRecord[] = [];
    const base: MentionDisplay = { changesDom: false, add: (r) => shown.push(...r), remove: (r) => r.forEach((x) => shown.splice(shown.indexOf(x), 1)) };
    let capped = 0;
    const cap = cappedDisplay(base, 3, () => capped++);
    // As the scanner does: accept each mention of a unit, then add those accepted.
    const unit = [1, 2, 3, 4, 5].map(record).filter(() => cap.accept());
    cap.display.add(unit);
    expect(shown).toHaveLength(3);
    expect(cap.accept()).toBe(false);
    expect(capped).toBe(1);
    expect(cap.capped).toBe(true);
    cap.display.remove([shown[0]!]);
    expect(cap.accept()).toBe(true);
    cap.display.add([record(6)]);
    expect(shown).toHaveLength(3);
    expect(capped).toBe(1);
  });

  test('full once it has refused a mention and holds as many as it takes; not full again when some go', () => {
    const shown: MentionRecord[] = [];
    const base: MentionDisplay = { changesDom: false, add: (r) => shown.push(...r), remove: (r) => r.forEach((x) => shown.splice(shown.indexOf(x), 1)) };
    const cap = cappedDisplay(base, 2, () => undefined);
    const first = [1, 2].map(record).filter(() => cap.accept());
    // Exactly at the cap with nothing refused: the page may have no more mentions, and the notice is not due.
    expect(cap.display.full()).toBe(false);
    expect(cap.accept()).toBe(false);
    // Accepted but not yet added still count.
    expect(cap.display.full()).toBe(true);
    cap.display.add(first);
    expect(cap.display.full()).toBe(true);
    cap.display.remove([shown[0]!]);
    expect(cap.display.full()).toBe(false);
  });

  test('no cap: everything', () => {
    const cap = cappedDisplay({ changesDom: false, add() {}, remove() {} }, Infinity, () => {
      throw new Error('never');
    });
    for (let i = 0; i < 10_000; i++) expect(cap.accept()).toBe(true);
    expect(cap.display.full()).toBe(false);
  });
});
