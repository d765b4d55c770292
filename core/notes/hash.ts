/**
 * A 128-bit hash of a text as 32 hex digits: for ids that must come out the same on every device (conflict
 * copies) and for stable file names. Not cryptographic: nothing here defends against a chosen collision.
 */
export function hashHex(text: string): string {
  return [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b]
    .map((seed) => {
      let h = seed >>> 0;
      for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i);
        h = Math.imul(h, 0x01000193) >>> 0;
        h ^= h >>> 15;
        h = Math.imul(h, 0x2c1b3c6d) >>> 0;
      }
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b) >>> 0;
      h ^= h >>> 13;
      return (h >>> 0).toString(16).padStart(8, '0');
    })
    .join('');
}

/** A UUID derived from a text, shaped as version 8 (custom) so it passes every UUID check. */
export function uuidFromText(text: string): string {
  const hex = hashHex(text);
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
