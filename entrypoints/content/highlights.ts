import { kinds, type Kind } from '../../core/dataset/kinds';
import type { PageMentions } from './page-mentions';

/** Highlight names are prefixed so they never collide with the page's own highlights. */
export const highlightName = (kind: Kind) => `watchwords-${kind}`;

const kindColours: Record<Kind, [light: string, dark: string]> = {
  tool: ['#b4530980', '#fbbf2499'],
  vendor: ['#7c3aed80', '#c4b5fd99'],
  program: ['#0369a180', '#7dd3fc99'],
  agency: ['#047857a0', '#6ee7b799'],
  bill: ['#be123c80', '#fda4af99'],
  law: ['#be123c80', '#fda4af99'],
  case: ['#4338ca80', '#a5b4fc99'],
};

function highlightCss(): string {
  const rules = kinds.map((kind) => {
    const [light, dark] = kindColours[kind];
    return `::highlight(${highlightName(kind)}) { text-decoration: underline 2px ${light}; text-underline-offset: 3px; background-color: ${light.slice(0, 7)}14; }
@media (prefers-color-scheme: dark) { ::highlight(${highlightName(kind)}) { text-decoration-color: ${dark}; background-color: ${dark.slice(0, 7)}22; } }`;
  });
  return `${rules.join('\n')}
@media (forced-colors: active) { ${kinds.map((kind) => `::highlight(${highlightName(kind)}) { text-decoration-color: Highlight; background-color: transparent; }`).join(' ')} }`;
}

/**
 * Registers one CSS Custom Highlight per kind over the mentions and adds the `::highlight()` rules to the page
 * without adding elements to it. Returns a function that removes both.
 */
export function showHighlights({ mentions, ranges }: PageMentions): () => void {
  const byKind = new Map<Kind, Range[]>();
  mentions.forEach((mention, i) => {
    const list = byKind.get(mention.entity.kind) ?? [];
    list.push(ranges[i]!);
    byKind.set(mention.entity.kind, list);
  });
  for (const kind of kinds) {
    const list = byKind.get(kind);
    if (list) CSS.highlights.set(highlightName(kind), new Highlight(...list));
    else CSS.highlights.delete(highlightName(kind));
  }
  const removeStyle = addPageStyle(highlightCss());
  return () => {
    for (const kind of kinds) CSS.highlights.delete(highlightName(kind));
    removeStyle();
  };
}

/** The highlights Watchwords registered (looked up by name: iterating the registry fails in Firefox content scripts). */
export function ownHighlights(): Set<Highlight> {
  return new Set(kinds.flatMap((kind) => CSS.highlights.get(highlightName(kind)) ?? []));
}

/** `::highlight()` rules must be in the page's own style sheets to apply to its text. */
function addPageStyle(css: string): () => void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return () => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}
