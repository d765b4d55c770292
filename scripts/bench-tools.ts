/** A seeded random number generator (mulberry32), so that every benchmark run measures the same inputs. */
export function seededRandom(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

interface TermSource {
  name: string;
  aliases: (string | { text: string; requiresContext?: string[]; excludeContext?: string[] })[];
  identifiers?: { bills?: { congress: number; type: string; number: number }[]; publicLaws?: { congress: number; number: number }[]; usCode?: { title: number; section: string }[] };
}

const stressWords = `the a of and said police officers federal agents court ruling data records contract city council report
surveillance camera cameras face facial recognition phone phones warrant immigration border senate house bill act
congress introduced passed vote hockey engine futures exchange airlines clear skies ice flock ring lens orbit café
naïve ÉTÉ Zürich İstanbul \u212Aelvin résumé 1960s. U.S. Mr. Dr. St. Sen. H.R. No. vs. e.g. www co inc`.split(/\s+/);
const stressGaps = [' ', ' ', ' ', ' ', ' ', ' ', '  ', '\n', '\t', ' \n ', '\n\n', '\r\n\r\n', ', ', '. ', '; ', '! ', '? ', ' (', ') ', ' "', '" ', ' - ', ' \u2014 ', '\u00A0', '\u2029', '. \u201C', '\u201D ', "'s ", '\u2019s ', ': ', '/', '.', '-', '', '\u00AD', '\u200B'];
const oddities = ['\u00AD', '\u200B', '\u200D', '\uFEFF', '\u2060', '\u{1F6A8}', '\uD800', '\uDC00', '\u2019', '\u2013', '\u2011', '\u0130', '\u212A', '\u00A0', '\u3000', '\u2028'];

/**
 * A text that puts every term of a dataset in hard places, for checks that a change to the matcher changes
 * nothing: random capitalisation, odd spacing and line breaks inside and around terms, invisible characters,
 * curly quotes and dashes, addresses, shouted headlines, context words of every rule, and official citations.
 */
export function stressText(entries: readonly TermSource[], seed: number, length: number): string {
  const next = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const terms: string[] = [];
  const context: string[] = [];
  const citations: string[] = ['H.R. 1234', 'S. 12', 'S.Res. 7', 'H. R. 815', 'HR 4639', 'Pub. L. 118-49', 'P.L. 95-511', '50 U.S.C. 1881a', '18 U.S.C. § 2703', '138 S. Ct. 2206'];
  for (const entry of entries) {
    terms.push(entry.name);
    for (const alias of entry.aliases) {
      if (typeof alias === 'string') terms.push(alias);
      else {
        terms.push(alias.text);
        context.push(...(alias.requiresContext ?? []), ...(alias.excludeContext ?? []));
      }
    }
    for (const bill of entry.identifiers?.bills ?? []) citations.push(`${bill.type === 's' ? 'S.' : 'H.R.'} ${bill.number} in the ${bill.congress}th Congress`);
    for (const law of entry.identifiers?.publicLaws ?? []) citations.push(`Pub. L. ${law.congress}-${law.number}`);
    for (const code of entry.identifiers?.usCode ?? []) citations.push(`${code.title} U.S.C. ${code.section}`);
  }
  const recase = (text: string) => {
    const roll = next();
    if (roll < 0.55) return text;
    if (roll < 0.7) return text.toLowerCase();
    if (roll < 0.85) return text.toUpperCase();
    return [...text].map((char) => (next() < 0.5 ? char.toUpperCase() : char.toLowerCase())).join('');
  };
  const respace = (text: string) => text.replace(/ /g, () => pick([' ', ' ', ' ', '  ', '\n', '\u00A0', '\t', '\n\n', ' \u200B']));
  const disturb = (text: string) => (next() < 0.1 ? text.replace(/(?<=.)/u, () => (next() < 0.08 ? pick(oddities) : '')) : text);
  const parts: string[] = [];
  let size = 0;
  while (size < length) {
    const roll = next();
    let part: string;
    if (roll < 0.3) part = disturb(respace(recase(pick(terms))));
    else if (roll < 0.37) part = pick(context);
    else if (roll < 0.4) part = `${pick(stressWords)}${pick(context)}`;
    else if (roll < 0.45) part = pick(citations);
    else if (roll < 0.48) part = `https://www.${pick(terms).toLowerCase().replace(/\W+/g, '')}.com/${pick(stressWords)}`;
    else if (roll < 0.5) part = `${pick(terms).toUpperCase()} ${pick(stressWords).toUpperCase()} ${pick(terms).toUpperCase()}`;
    else if (roll < 0.52) part = pick(oddities);
    else part = pick(stressWords);
    parts.push(part, pick(stressGaps));
    size += part.length + 1;
  }
  return parts.join('');
}

/** The sentences of the demo article's story (news prose with entity names in it), from its visible text. */
export function newsSentences(storyText: string): string[] {
  return storyText
    .split(/\n\n+/)
    .flatMap((paragraph) => paragraph.replace(/\s+/g, ' ').match(/[^.!?]+[.!?]+["”’)]*\s*/g) ?? [])
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 20);
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A long news page in realistic markup, built from news sentences: sections with subheads, paragraphs whose words
 * are split by links and emphasis (sometimes inside a name), pull quotes, figures with captions, lists of related
 * links, asides, ad slots with scripts, and a comment form; about `textLength` characters of visible text.
 */
export function articlePage(sentences: readonly string[], textLength: number, seed: number, css = ''): string {
  const next = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const inline = (sentence: string) =>
    sentence
      .split(' ')
      .map((word) => {
        const roll = next();
        const safe = escapeHtml(word);
        if (roll < 0.03) return `<a href="#story-${Math.floor(next() * 1000)}">${safe}</a>`;
        if (roll < 0.045) return `<em>${safe}</em>`;
        if (roll < 0.055) return `<strong>${safe}</strong>`;
        if (roll < 0.06 && word.length > 5) return `${safe.slice(0, 3)}<span class="hyphenated">${safe.slice(3)}</span>`;
        return safe;
      })
      .join(' ');
  const paragraph = () => `<p>${Array.from({ length: 2 + Math.floor(next() * 5) }, () => inline(pick(sentences))).join(' ')}</p>`;
  const blocks: string[] = [];
  let length = 0;
  let section = 0;
  while (length < textLength) {
    section++;
    const parts = [`<section class="part"><h2>${escapeHtml(pick(sentences).split(' ').slice(0, 6).join(' '))}</h2>`];
    for (let i = 0; i < 8; i++) {
      const roll = next();
      if (roll < 0.06) parts.push(`<blockquote class="pullquote"><p>${escapeHtml(pick(sentences))}</p><footer>${escapeHtml(pick(sentences).split(' ').slice(0, 4).join(' '))}</footer></blockquote>`);
      else if (roll < 0.1) parts.push(`<figure><div class="art" role="img" aria-label="Illustration"></div><figcaption>${inline(pick(sentences))} <span class="credit">Illustration: The Civic Ledger</span></figcaption></figure>`);
      else if (roll < 0.13) parts.push(`<aside class="related"><h3>Related</h3><ul>${Array.from({ length: 4 }, () => `<li><a href="#">${escapeHtml(pick(sentences))}</a></li>`).join('')}</ul></aside>`);
      else if (roll < 0.15) parts.push(`<div class="ad-slot" data-slot="${section}-${i}"><script>window.adSlots = (window.adSlots || 0) + 1;</script><span class="ad-label">Advertisement</span></div>`);
      else parts.push(paragraph());
    }
    parts.push('</section>');
    const block = parts.join('\n');
    blocks.push(block);
    length += block.replace(/<script>.*?<\/script>/g, '').replace(/<[^>]+>/g, '').length;
  }
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>The year in surveillance, day by day | The Civic Ledger</title>
<style>${css}</style></head>
<body>
<header class="site-header"><a class="logo" href="#">The Civic Ledger</a><nav aria-label="Sections"><ul>${['News', 'Politics', 'Technology', 'Local', 'Opinion'].map((name) => `<li><a href="#">${name}</a></li>`).join('')}</ul></nav></header>
<main class="page"><article class="story"><h1 class="headline">The year in surveillance, day by day</h1>
<p class="byline">By <a href="#" rel="author">Tamsin Relford</a> · <time datetime="2026-11-18">November 18, 2026</time></p>
<div class="story__body" id="story-body">
${blocks.join('\n')}
</div>
<section class="comments"><h2>Comments</h2><form><textarea>Clearview AI scraped my photos too.</textarea><button type="button">Post</button></form></section>
</article></main>
<footer class="site-footer"><p>&copy; 2026 The Civic Ledger. A fictional publication, generated for the Watchwords benchmark.</p></footer>
</body></html>
`;
}

const syllables = 'ka ve lor in dra mo sen ti qua rex zan pha lum bri tor vin sol mar ek ost ul yth gor nex cal dor fen hal'.split(' ');
const suffixes = ['Systems', 'Analytics', 'Technologies', 'Labs', 'Program', 'Initiative', 'Act', 'Protection Act', 'Data', 'Intelligence', 'Vision', 'Networks'];

/**
 * Made-up entries with `termCount` terms in all: two-word names, a one-word alias that needs context, and an
 * all-capital acronym that stands after its long form, as the real dataset's entries have.
 */
export function syntheticEntries(termCount: number, seed: number) {
  const next = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const word = () => {
    const text = Array.from({ length: 2 + Math.floor(next() * 2) }, () => pick(syllables)).join('');
    return text[0]!.toUpperCase() + text.slice(1);
  };
  const entries: { id: string; name: string; kind: 'vendor'; aliases: (string | { text: string; caseSensitive?: boolean; requiresContext?: string[]; afterLongForm?: boolean })[] }[] = [];
  let terms = 0;
  for (let i = 0; terms < termCount; i++) {
    const first = word();
    const name = `${first} ${pick(suffixes)}`;
    const aliases: (typeof entries)[number]['aliases'] = [];
    terms++;
    if (terms < termCount) {
      aliases.push({ text: first, caseSensitive: true, requiresContext: ['surveillance', 'police'] });
      terms++;
    }
    if (terms < termCount) {
      const acronym = name.split(' ').map((part) => part[0]).join('') + word().slice(0, 2).toUpperCase();
      aliases.push({ text: acronym, caseSensitive: true, afterLongForm: true });
      terms++;
    }
    entries.push({ id: `synthetic-${i}`, name, kind: 'vendor', aliases });
  }
  return entries;
}

/** Every term (name and aliases) of entries, as the matcher counts them. */
export function termCount(entries: readonly { aliases: readonly unknown[] }[]): number {
  return entries.reduce((sum, entry) => sum + 1 + entry.aliases.length, 0);
}
