import { kinds, type Kind } from '../core/dataset/kinds';

/** One colour per kind, [on light, on dark]: the page highlights and every swatch in the extension's pages. */
export const kindColours: Record<Kind, [light: string, dark: string]> = {
  tool: ['#b45309', '#fbbf24'],
  vendor: ['#7c3aed', '#c4b5fd'],
  program: ['#0369a1', '#7dd3fc'],
  agency: ['#047857', '#6ee7b7'],
  bill: ['#be123c', '#fda4af'],
  law: ['#be123c', '#fda4af'],
  order: ['#a21caf', '#f0abfc'],
  campaign: ['#4d7c0f', '#a3e635'],
  case: ['#4338ca', '#a5b4fc'],
};

/**
 * `--kind-<kind>` custom properties for an extension page, following its colour scheme, and `--kind` (that
 * kind's colour) on any element of class `kind-<kind>`: dots and swatches colour themselves with `var(--kind)`.
 */
export function kindColourProperties(): string {
  const properties = (index: 0 | 1) => kinds.map((kind) => `--kind-${kind}: ${kindColours[kind][index]};`).join(' ');
  const classes = kinds.map((kind) => `.kind-${kind} { --kind: var(--kind-${kind}); }`).join(' ');
  return `:root { ${properties(0)} } @media (prefers-color-scheme: dark) { :root { ${properties(1)} } } ${classes}`;
}

/** Adds the kind colours to an extension page (popup, options, notes manager). */
export function addKindColours(): void {
  const style = document.createElement('style');
  style.textContent = kindColourProperties();
  document.head.append(style);
}
