import { describe, expect, test } from 'vitest';
import { figuresOf } from './main-thread';

const ext = 'chrome-extension://abc/';
// root → (idle) | page.js → content.js (ours, via its parent too) | (program)
const nodes = [
  { id: 1, callFrame: { url: '', functionName: '(root)' }, children: [2, 3, 5] },
  { id: 2, callFrame: { url: '', functionName: '(idle)' } },
  { id: 3, callFrame: { url: 'http://page/page.js', functionName: 'page' }, children: [4] },
  { id: 4, callFrame: { url: `${ext}content-scripts/content.js`, functionName: 'scan' }, children: [6] },
  { id: 5, callFrame: { url: '', functionName: '(program)' } },
  { id: 6, callFrame: { url: '', functionName: 'getClientRects' } },
];

describe('the extension\'s main-thread figures', () => {
  test('counts samples with an extension frame anywhere on the stack, and the longest unbroken stretch', () => {
    // Each sample lasts until the next one (the last one a sampling interval, 250 µs).
    const samples = [2, 4, 6, 4, 3, 2, 4, 5];
    const timeDeltas = [0, 100, 100, 100, 100, 100, 100, 1000];
    expect(figuresOf({ nodes, samples, timeDeltas }, ext)).toEqual({ totalMs: 1.3, longestMs: 1, stretches: 2, observedMs: 1.9, busyMs: 1.7 });
  });

  test('a page calling only its own code costs the extension nothing', () => {
    expect(figuresOf({ nodes, samples: [3, 3, 2, 5], timeDeltas: [0, 500, 500, 500] }, ext)).toMatchObject({ totalMs: 0, longestMs: 0, stretches: 0 });
  });
});
