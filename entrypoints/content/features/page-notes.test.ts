import { describe, expect, test } from 'vitest';
import { retryDelay, retryLimits } from './page-notes';

describe('orphans are tried again, backing off', () => {
  test('doubling from the first wait, capped', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(retryDelay)).toEqual([500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
    expect(retryDelay(1000)).toBe(retryLimits.maxMs);
  });
});
