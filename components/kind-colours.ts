import { kinds, kindTable } from '../core/dataset/kinds';

/**
 * The extension pages' kind colours, generated from the kind table (core/dataset/kinds.ts): `--kind-<kind>`
 * custom properties following the page's colour scheme, `--kind` (that kind's colour) on any element of class
 * `kind-<kind>` (dots and swatches colour themselves with `var(--kind)`), and the card's kind badges.
 */
export function kindColourProperties(): string {
  const properties = (scheme: 'light' | 'dark') => kinds.map((kind) => `--kind-${kind}: ${kindTable[kind].colour[scheme]};`).join(' ');
  const classes = kinds.map((kind) => `.kind-${kind} { --kind: var(--kind-${kind}); }`).join(' ');
  return `:root { ${properties('light')} } @media (prefers-color-scheme: dark) { :root { ${properties('dark')} } } ${classes}`;
}

/**
 * The card's kind badges: light, and dark where the card is dark (`.dark` on an ancestor, and, unless the card
 * follows the page rather than the system, the system's colour scheme).
 */
export function kindBadgeCss({ followSystem = true }: { followSystem?: boolean } = {}): string {
  const rule = (prefix: string, scheme: 'light' | 'dark') =>
    kinds.map((kind) => `${prefix}.kind-badge.kind-${kind} { background: ${kindTable[kind].badge[scheme].background}; color: ${kindTable[kind].badge[scheme].text}; }`).join('\n');
  const system = followSystem ? `\n@media (prefers-color-scheme: dark) {\n${rule('', 'dark')}\n}` : '';
  return `${rule('', 'light')}\n${rule('.dark ', 'dark')}${system}`;
}

/** Adds the kind colours to an extension page (popup, options, notes manager). */
export function addKindColours(): void {
  const style = document.createElement('style');
  style.textContent = `${kindColourProperties()}\n${kindBadgeCss()}`;
  document.head.append(style);
}
