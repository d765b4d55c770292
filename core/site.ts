/**
 * A site, as Watchwords names sites everywhere (pausing, "Not this", the notes manager's filter): an http(s)
 * address's host in lower case without a leading "www.", with its port when it has one. IPv6 hosts keep their
 * brackets ("[::1]:8080"). Undefined for anything that is not an http(s) address.
 */
export function siteOf(address: string): string | undefined {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:' || !url.host) return undefined;
  return url.host.toLowerCase().replace(/^www\./, '');
}

/**
 * Whether a site typed by a reader (or stored) has the shape `siteOf` produces: a host name of dot-separated
 * labels, an IPv4 address, or a bracketed IPv6 address, with an optional port.
 */
export const sitePattern = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;

/** A site from what a reader typed: a host name, or a whole address (its site is taken). */
export function siteFromInput(text: string): string | undefined {
  const trimmed = text.trim().toLowerCase();
  if (!trimmed) return undefined;
  const site = trimmed.includes('://') ? siteOf(trimmed) : siteOf(`http://${trimmed}`);
  return site && sitePattern.test(site) ? site : undefined;
}
