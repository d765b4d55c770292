import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { IntList } from './int-list';
import { createMatcher, firstHitAfter, organisationWordAfter, selectLongest, type MatchableEntry, type Mention } from './matcher';

// Made-up entries: the rules are what is tested, not the real dataset.
const entries: MatchableEntry[] = [
  {
    id: 'clearview-ai',
    kind: 'vendor',
    name: 'Clearview AI',
    aliases: [{ text: 'Clearview', caseSensitive: true, requiresContext: ['facial', 'face search'], excludeContext: ['Township'] }],
  },
  { id: 'mobile-fortify', kind: 'tool', name: 'Mobile Fortify', aliases: [{ text: 'Fortify', matchAlone: false }] },
  { id: 'fortify-suite', kind: 'tool', name: 'Fortify Suite', aliases: [{ text: 'Fortify', caseSensitive: true, requiresContext: ['code scanning'] }] },
  {
    id: 'homeland',
    kind: 'agency',
    name: 'Department of Homeland Security',
    aliases: [{ text: 'DHS', caseSensitive: true, afterLongForm: true, requiresContext: ['border'] }],
  },
  { id: 'ice', kind: 'agency', name: 'Immigration and Customs Enforcement', aliases: [{ text: 'ICE', caseSensitive: true }] },
  { id: 'harris', kind: 'vendor', name: 'Harris Corporation', aliases: [{ text: 'Harris', matchAlone: false }] },
  { id: 'snoopers', kind: 'law', name: "Snoopers' Charter", aliases: [] },
  { id: 'cell-site-simulator', kind: 'tool', name: 'cell-site simulator', aliases: [] },
  { id: 'pegasus', kind: 'tool', name: 'Pegasus spyware', aliases: [{ text: 'Pegasus', caseSensitive: true, requiresContext: ['hacked'], excludeContext: ['Airlines'] }] },
];

const matcher = createMatcher(entries);

function found(text: string): [string, string][] {
  return matcher.scan(text).map((mention) => [mention.text, mention.entity.id]);
}

function expectWellFormed(text: string, mentions: Mention[]): void {
  for (const mention of mentions) expect(text.slice(mention.start, mention.end)).toBe(mention.text);
  for (let i = 1; i < mentions.length; i++) expect(mentions[i]!.start).toBeGreaterThanOrEqual(mentions[i - 1]!.end);
}

describe('createMatcher', () => {
  test('lists every entity with id, name and kind only', () => {
    expect(matcher.entities).toHaveLength(entries.length);
    expect(matcher.entities[0]).toEqual({ id: 'clearview-ai', name: 'Clearview AI', kind: 'vendor' });
  });

  test('finds nothing in an empty text or a text without terms', () => {
    expect(matcher.scan('')).toEqual([]);
    expect(matcher.scan('The weather was mild and the trains ran on time.')).toEqual([]);
  });

  test('a mention carries the text exactly as written and the entity reference', () => {
    const text = 'Reporters asked about clearview ai yesterday.';
    expect(matcher.scan(text)).toEqual([
      { start: 22, end: 34, text: 'clearview ai', entity: { id: 'clearview-ai', name: 'Clearview AI', kind: 'vendor' } },
    ]);
  });
});

describe('names and whole words', () => {
  test('names match in any capitalisation', () => {
    expect(found('CLEARVIEW AI and Clearview Ai and clearview ai')).toEqual([
      ['CLEARVIEW AI', 'clearview-ai'],
      ['Clearview Ai', 'clearview-ai'],
      ['clearview ai', 'clearview-ai'],
    ]);
  });

  test('only whole words match', () => {
    expect(found('Nobody was Clearviewing facial photos.')).toEqual([]);
    expect(found('We flew with Clearview AIR to the coast.')).toEqual([]);
    expect(found('The unClearview AI facial scanner.')).toEqual([]);
    expect(found('MegaMobile Fortify or Mobile Fortifying')).toEqual([]);
  });

  test('punctuation and possessives are word boundaries', () => {
    expect(found("(Clearview AI's) scraping, and \"Mobile Fortify\".")).toEqual([
      ['Clearview AI', 'clearview-ai'],
      ['Mobile Fortify', 'mobile-fortify'],
    ]);
  });

  test('a digit next to a term is part of the word', () => {
    expect(found('Mobile Fortify2 and 3Mobile Fortify')).toEqual([]);
  });

  test('a name across a long whitespace run starts at its first word (an indented line, tabs)', () => {
    for (const gap of ['\n            ', '\t\t\t\t\t\t\t\t\t', '\n\t \t \t \t ', '   ']) {
      const text = `We met Mobile${gap}Fortify today.`;
      expect(matcher.scan(text).map(({ start, end }) => [start, end])).toEqual([[7, text.indexOf(' today')]]);
    }
  });
});

describe('rules', () => {
  test('longest match wins: "Mobile Fortify" beats the "Fortify" of another entry', () => {
    expect(found('Mobile Fortify was used for code scanning.')).toEqual([['Mobile Fortify', 'mobile-fortify']]);
    expect(found('Fortify found bugs during code scanning.')).toEqual([['Fortify', 'fortify-suite']]);
    expect(found('The Fortify Suite report on code scanning')).toEqual([['Fortify Suite', 'fortify-suite']]);
  });

  test('caseSensitive terms match only their exact capitalisation', () => {
    expect(found('Agents from ICE arrived.')).toEqual([['ICE', 'ice']]);
    expect(found('The ice on the road was thick.')).toEqual([]);
    expect(found('Slippery Ice on the road.')).toEqual([]);
  });

  test('requiresContext: the context must be nearby', () => {
    expect(found('Clearview sold its facial recognition tool to police.')).toEqual([['Clearview', 'clearview-ai']]);
    expect(found('Clearview sold its software to police.')).toEqual([]);
    // Context words match at the start of a word: "face searches" contains "face search".
    expect(found('Clearview runs face searches for officers.')).toEqual([['Clearview', 'clearview-ai']]);
  });

  test('requiresContext: context in the next sentence does not count', () => {
    expect(found('We drove past Clearview on Sunday. Facial expressions of the fans were joyful.')).toEqual([]);
    expect(found('Facial expressions were joyful. We drove past Clearview on Sunday.')).toEqual([]);
  });

  test('requiresContext: an abbreviation does not end the sentence', () => {
    expect(found('Clearview met Dr. Facial Jones about the merger.')).toEqual([['Clearview', 'clearview-ai']]);
  });

  test('requiresContext: context across a paragraph break does not count', () => {
    expect(found('Clearview gave a talk\n\nfacial recognition')).toEqual([]);
  });

  test('requiresContext is case-insensitive for the context words', () => {
    expect(found('Clearview and FACIAL data.')).toEqual([['Clearview', 'clearview-ai']]);
  });

  test('excludeContext drops a match that would otherwise stand', () => {
    expect(found('Clearview Township bought no facial recognition.')).toEqual([]);
    expect(found('Pegasus Airlines was hacked last year.')).toEqual([]);
    expect(found('Pegasus hacked the phone of an editor.')).toEqual([['Pegasus', 'pegasus']]);
  });

  test('afterLongForm: an acronym matches only after its long form', () => {
    expect(found('DHS said nothing. The Department of Homeland Security later said DHS would appeal.')).toEqual([
      ['Department of Homeland Security', 'homeland'],
      ['DHS', 'homeland'],
    ]);
    expect(found('DHS cut benefits for families.')).toEqual([]);
  });

  test('afterLongForm: with its context the acronym matches even before the long form', () => {
    expect(found('DHS sent agents to the border.')).toEqual([['DHS', 'homeland']]);
  });

  test('afterLongForm: the long form of another entity does not license the acronym', () => {
    expect(found('Immigration and Customs Enforcement said DHS would not comment.')).toEqual([
      ['Immigration and Customs Enforcement', 'ice'],
    ]);
  });

  test('matchAlone:false terms never match by themselves', () => {
    expect(found('The Harris family will fortify the fence.')).toEqual([]);
    expect(found('Harris Corporation makes radios.')).toEqual([['Harris Corporation', 'harris']]);
  });

  test('shouted all-caps headlines skip all-caps case-sensitive terms', () => {
    expect(found('ICE STORM HITS THE CITY')).toEqual([]);
    expect(found('WINTER BRINGS ICE TO ROADS')).toEqual([]);
    expect(found('Officers from ICE detained two people.')).toEqual([['ICE', 'ice']]);
    // Terms that are not case-sensitive still match in a shouted headline.
    expect(found('AGENTS USE MOBILE FORTIFY AT STOPS')).toEqual([['MOBILE FORTIFY', 'mobile-fortify']]);
  });

  test('a headline on its own line does not silence the term on the next line', () => {
    expect(found('BREAKING NEWS TODAY\nICE agents were seen downtown.')).toEqual([['ICE', 'ice']]);
  });
});

describe('addresses are not mentions', () => {
  test('URLs are skipped', () => {
    expect(found('See https://news.example/mobile-fortify/Clearview-AI for details.')).toEqual([]);
    expect(found('See www.example.net/Clearview AI for details.')).toEqual([]);
  });

  test('e-mail addresses are skipped', () => {
    expect(found('Write to ICE@example.org or to press@clearview.ai.')).toEqual([]);
  });

  test('bare domain names are skipped', () => {
    expect(found('Visit clearview.ai or harris-corporation.com today.')).toEqual([]);
  });

  test('a term next to an address still matches', () => {
    expect(found('Clearview AI (clearview.ai) answered.')).toEqual([['Clearview AI', 'clearview-ai']]);
  });
});

describe('spacing and typography', () => {
  test('runs of whitespace and single line breaks inside a term match', () => {
    const text = 'Agents used Mobile\n  Fortify and Clearview \t AI.';
    expect(found(text)).toEqual([
      ['Mobile\n  Fortify', 'mobile-fortify'],
      ['Clearview \t AI', 'clearview-ai'],
    ]);
    expectWellFormed(text, matcher.scan(text));
  });

  test('a blank line (paragraph break) stops a match', () => {
    expect(found('Agents used Mobile\n\nFortify today.')).toEqual([]);
    expect(found('Agents used Mobile\n   \n Fortify today.')).toEqual([]);
    expect(found('Agents used Mobile\u2029Fortify today.')).toEqual([]);
  });

  test('curly apostrophes and typographic dashes fold to ASCII', () => {
    expect(found('Critics of the Snoopers\u2019 Charter spoke.')).toEqual([['Snoopers\u2019 Charter', 'snoopers']]);
    expect(found('A cell\u2013site simulator and a cell\u2011site simulator.')).toEqual([
      ['cell\u2013site simulator', 'cell-site-simulator'],
      ['cell\u2011site simulator', 'cell-site-simulator'],
    ]);
  });

  test('a zero-width character inside the spacing of a term changes nothing', () => {
    expect(found('Agents used Mobile \u200B Fortify.')).toEqual([['Mobile \u200B Fortify', 'mobile-fortify']]);
    expect(found('Clearview gave a talk\n\u200B\nfacial recognition')).toEqual([]);
  });

  test('soft hyphens and zero-width characters inside a term are ignored', () => {
    const text = 'Agents used Mo\u00ADbile Fort\u200Bify.';
    expect(found(text)).toEqual([['Mo\u00ADbile Fort\u200Bify', 'mobile-fortify']]);
  });
});

describe('offsets', () => {
  test('offsets are JavaScript string indices, also after astral characters', () => {
    const text = '\u{1F6A8}\u{1F6A8} Breaking: \u{1F4F7} Mobile Fortify \u{1F600} and Clearview AI.';
    const mentions = matcher.scan(text);
    expect(mentions.map((m) => m.text)).toEqual(['Mobile Fortify', 'Clearview AI']);
    expect(mentions[0]!.start).toBe(text.indexOf('Mobile Fortify'));
    expect(mentions[1]!.start).toBe(text.indexOf('Clearview AI'));
    expectWellFormed(text, mentions);
  });

  test('offsets are exact after collapsed whitespace and removed invisible characters', () => {
    const text = 'a\u00AD\u00AD b   \n c\u200B Clearview   AI';
    const [mention] = matcher.scan(text);
    expect(mention).toMatchObject({ start: text.indexOf('Clearview'), end: text.length, text: 'Clearview   AI' });
  });

  test('offsets are exact after characters that lower-case to two code units', () => {
    const text = '\u0130stanbul \u0130 Mobile Fortify';
    const [mention] = matcher.scan(text);
    expect(mention).toMatchObject({ start: text.indexOf('Mobile'), text: 'Mobile Fortify' });
  });

  test('mentions are sorted and never overlap', () => {
    const text = 'ICE, Clearview AI, Mobile Fortify, Fortify Suite and Harris Corporation; ICE again. Mobile Fortify Suite!';
    const mentions = matcher.scan(text);
    expect(mentions.length).toBeGreaterThanOrEqual(6);
    expectWellFormed(text, mentions);
    // "Mobile Fortify Suite": two candidates of equal length overlap; the earlier one wins.
    expect(mentions.at(-1)!.text).toBe('Mobile Fortify');
  });
});

describe('selectLongest', () => {
  test('is the greedy choice over all candidates, in any order given (longest, then earliest, then first given)', () => {
    const span = fc.tuple(fc.nat(60), fc.integer({ min: 1, max: 12 })).map(([start, length]) => ({ start, end: start + length }));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 40 }), (given) => {
        const spans = given.map((s, id) => ({ ...s, id }));
        const byPriority = [...spans].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || a.id - b.id);
        const expected: typeof spans = [];
        for (const candidate of byPriority) if (expected.every((kept) => kept.end <= candidate.start || candidate.end <= kept.start)) expected.push(candidate);
        expected.sort((a, b) => a.start - b.start);
        expect(selectLongest(spans)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  test('keeps the longest, then the earliest, and returns them in text order', () => {
    const spans = [
      { start: 0, end: 4 },
      { start: 2, end: 9 },
      { start: 8, end: 12 },
      { start: 10, end: 14 },
      { start: 20, end: 22 },
    ];
    expect(selectLongest(spans)).toEqual([
      { start: 2, end: 9 },
      { start: 10, end: 14 },
      { start: 20, end: 22 },
    ]);
  });
});

describe('firstHitAfter', () => {
  test('finds the first recorded phrase that ends after a place, from any starting guess', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(60), { maxLength: 80 }), fc.integer({ min: -2, max: 62 }), fc.integer({ min: -3, max: 90 }), (ends, position, near) => {
        const hits = new IntList();
        for (const end of [...ends].sort((a, b) => a - b)) hits.push2(7, end);
        const sorted = [...ends].sort((a, b) => a - b);
        const expected = sorted.findIndex((end) => end > position);
        expect(firstHitAfter(hits, position, near)).toBe(expected < 0 ? sorted.length : expected);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('organisationWordAfter', () => {
  // As first written: the pattern on the next 23 characters.
  const organisationWords = new Set(['futures', 'exchange', 'exchanges', 'markets', 'group', 'holdings', 'inc', 'corp', 'corporation', 'ltd', 'llc', 'plc', 'co', 'company', 'bank', 'capital', 'partners', 'clear', 'endex', 'benchmark']);
  const reference = (text: string, end: number) => {
    if (text[end] !== ' ') return false;
    const word = /^\p{Lu}[\p{L}]*/u.exec(text.slice(end + 1, end + 24))?.[0];
    return word !== undefined && organisationWords.has(word.toLowerCase());
  };
  test('judges the word after a match as the pattern does', () => {
    const pieces = ['ICE', ' ', 'Futures', 'FUTURES', 'futures', 'Group', 'Groups', 'Co', 'Corp.', 'Exchange', 'É', 'é', 'Ä', 'x', '1', '-', '\u{1D400}', 'Corporationcorporationxx', 'Bank', '\n'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), fc.nat(), (parts, pick) => {
        const text = parts.join('');
        const end = pick % (text.length + 1);
        expect(organisationWordAfter(text, end)).toBe(reference(text, end));
      }),
      { numRuns: 5000 },
    );
  });
});
