import { expect, test } from 'vitest';
import { kinds } from '../core/dataset/kinds';
import { kindColourProperties, kindColours } from './kind-colours';

test('every kind has its colour property, for light and dark, and its class sets --kind to it', () => {
  const css = kindColourProperties();
  for (const kind of kinds) {
    expect(css).toContain(`--kind-${kind}: ${kindColours[kind][0]};`);
    expect(css).toContain(`--kind-${kind}: ${kindColours[kind][1]};`);
    expect(css).toContain(`.kind-${kind} { --kind: var(--kind-${kind}); }`);
  }
});
