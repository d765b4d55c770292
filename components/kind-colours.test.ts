import { expect, test } from 'vitest';
import { kinds, kindTable } from '../core/dataset/kinds';
import { kindBadgeCss, kindColourProperties } from './kind-colours';

test('every kind has its colour property, for light and dark, and its class sets --kind to it', () => {
  const css = kindColourProperties();
  for (const kind of kinds) {
    expect(css).toContain(`--kind-${kind}: ${kindTable[kind].colour.light};`);
    expect(css).toContain(`--kind-${kind}: ${kindTable[kind].colour.dark};`);
    expect(css).toContain(`.kind-${kind} { --kind: var(--kind-${kind}); }`);
  }
});

test('every kind has a badge, light and dark, from the same table', () => {
  const css = kindBadgeCss();
  for (const kind of kinds) {
    expect(css).toContain(`.kind-badge.kind-${kind} { background: ${kindTable[kind].badge.light.background}; color: ${kindTable[kind].badge.light.text}; }`);
    expect(css).toContain(`.dark .kind-badge.kind-${kind} { background: ${kindTable[kind].badge.dark.background}; color: ${kindTable[kind].badge.dark.text}; }`);
  }
});

/** WCAG 2 relative luminance and contrast. */
const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

test('badge text is readable (WCAG AA, 4.5:1) in both schemes', () => {
  for (const kind of kinds) {
    for (const scheme of ['light', 'dark'] as const) {
      const { background, text } = kindTable[kind].badge[scheme];
      expect(contrast(background, text), `${kind} ${scheme}`).toBeGreaterThanOrEqual(4.5);
    }
  }
});

test('highlight colours stand out from a white page and a dark page (3:1, non-text contrast)', () => {
  for (const kind of kinds) {
    expect(contrast(kindTable[kind].colour.light, '#ffffff'), kind).toBeGreaterThanOrEqual(3);
    expect(contrast(kindTable[kind].colour.dark, '#111111'), kind).toBeGreaterThanOrEqual(3);
  }
});

test('every kind has a highlight colour of its own, except bills and laws, which share one', () => {
  for (const scheme of ['light', 'dark'] as const) {
    const kindsOf = new Map<string, string[]>();
    for (const kind of kinds) kindsOf.set(kindTable[kind].colour[scheme], [...(kindsOf.get(kindTable[kind].colour[scheme]) ?? []), kind]);
    expect([...kindsOf.values()].filter((shared) => shared.length > 1), scheme).toEqual([['bill', 'law']]);
  }
});
