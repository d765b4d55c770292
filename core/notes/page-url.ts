/** Query parameters that only track where a reader came from; two URLs differing in them are the same page. */
const trackingParameter = /^(utm_.*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|_gl|ref_src|cmpid|s_cid)$/i;

/**
 * The key a page's notes are stored under: no fragment, no tracking parameters, remaining parameters sorted.
 * Returns undefined for addresses that are not web pages.
 */
export function normalisePageUrl(address: string): string | undefined {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.hash = '';
  const kept = [...url.searchParams].filter(([name]) => !trackingParameter.test(name)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)); // not localeCompare: the key must not depend on the browser's locale
  url.search = new URLSearchParams(kept).toString();
  return url.toString();
}

/**
 * Where a page's notes are kept: its canonical address when the page gives one on the same origin as the tab (a
 * page cannot file notes under another site, nor another port or scheme of its own host), with the tab's own
 * address as an alternate. An unusable canonical address is ignored.
 */
export function notePageAddress(tabUrl: string, canonicalUrl?: string): { url: string; alternateUrls: string[] } | undefined {
  const tab = normalisePageUrl(tabUrl);
  if (!tab) return undefined;
  const canonical = canonicalUrl ? normalisePageUrl(canonicalUrl) : undefined;
  if (!canonical || new URL(canonical).origin !== new URL(tab).origin || canonical === tab) return { url: tab, alternateUrls: [] };
  return { url: canonical, alternateUrls: [tab] };
}
