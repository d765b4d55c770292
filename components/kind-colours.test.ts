import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
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

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('kind colours are readable and tell kinds apart', () => {
  const css = readFileSync(join(import.meta.dirname, 'overlay.css'), 'utf8');
  const darkAt = css.indexOf('@media (prefers-color-scheme: dark)');
  const surface = (block: string) => block.match(/--surface: (#[0-9a-f]{6});/)![1]!;
  const lightSurface = surface(css.slice(0, darkAt));
  const darkSurface = surface(css.slice(darkAt));
  /** The badge colours of a kind in the card's style sheet, [background, text], on light and on dark. */
  const badge = (kind: string): [light: [string, string], dark: [string, string]] => {
    const rules = [...css.matchAll(new RegExp(`\\.kind-${kind}\\b[^{]*\\{ background: (#[0-9a-f]{6}); color: (#[0-9a-f]{6}); \\}`, 'g'))];
    expect(rules, `${kind} badge rules`).toHaveLength(2);
    return [rules[0]!.slice(1, 3) as [string, string], rules[1]!.slice(1, 3) as [string, string]];
  };

  test('the contrast check itself', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#777777')).toBe(1);
  });

  test.each(kinds)('%s: its colour reaches 4.5:1 on the card, light and dark', (kind) => {
    const [light, dark] = kindColours[kind];
    expect(contrast(light, lightSurface)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(dark, darkSurface)).toBeGreaterThanOrEqual(4.5);
  });

  test.each(kinds)('%s: its badge text reaches 4.5:1 on the badge, light and dark', (kind) => {
    const [light, dark] = badge(kind);
    expect(contrast(...light)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(...dark)).toBeGreaterThanOrEqual(4.5);
  });

  test('every kind has a colour of its own, except bills and laws, which share one', () => {
    const colourOf = new Map<string, string[]>();
    for (const kind of kinds) colourOf.set(kindColours[kind][0], [...(colourOf.get(kindColours[kind][0]) ?? []), kind]);
    expect([...colourOf.values()].filter((shared) => shared.length > 1)).toEqual([['bill', 'law']]);
    const darkColours = new Set(kinds.map((kind) => kindColours[kind][1]));
    expect(darkColours.size).toBe(kinds.length - 1);
  });
});
