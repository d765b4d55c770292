import { describe, expect, test } from 'vitest';
import { readDataset } from '../../scripts/dataset-files';
import { createMatcher, type Mention } from './matcher';

/**
 * Product and vendor names added to the dataset that are also ordinary words, other brands or other organisations'
 * acronyms, checked against the REAL dataset. Each risky alias has one sentence where it must stay unmarked and one
 * where it must be found as its entry. The sentences are our own.
 */
const entries = readDataset();
const matcher = createMatcher(entries);
const knownIds = new Set(entries.map((entry) => entry.id));

interface Case {
  /** The alias under test. */
  alias: string;
  /** A sentence using the word in another sense: no mention may cover `word`. */
  trap: { text: string; word: string };
  /** A sentence about the surveillance product: `word` must be (part of) a mention of `id`. */
  right: { text: string; word: string; id: string };
}

const cases: Case[] = [
  {
    alias: 'Raven',
    trap: { text: 'Poe read The Raven aloud to a packed hall.', word: 'Raven' },
    right: { text: 'Flock installed Raven sensors that listen for gunshots downtown.', word: 'Raven', id: 'flock-raven' },
  },
  {
    alias: 'Nova',
    trap: { text: 'Nova aired a new episode about black holes on Tuesday.', word: 'Nova' },
    right: { text: 'Flock sells Nova to connect license plate reads to people.', word: 'Nova', id: 'flock-nova' },
  },
  {
    alias: 'Draft One',
    trap: { text: 'Draft One of the budget was rejected by the finance committee.', word: 'Draft One' },
    right: { text: 'Officers review what Draft One writes from body camera audio.', word: 'Draft One', id: 'axon-draft-one' },
  },
  {
    alias: 'Wing',
    trap: { text: 'Wing expanded its drone deliveries of groceries in Dallas.', word: 'Wing' },
    right: { text: 'The city bought Wing overlays from Flock for its existing cameras.', word: 'Wing', id: 'flock-wing' },
  },
  {
    alias: 'Pathfinder',
    trap: { text: 'The Mars Pathfinder mission landed in 1997.', word: 'Pathfinder' },
    right: { text: 'Examiners load every seized phone into Pathfinder from Cellebrite.', word: 'Pathfinder', id: 'cellebrite-pathfinder' },
  },
  {
    alias: 'Paladin',
    trap: { text: 'Paladin Press reissued the novel in paperback.', word: 'Paladin' },
    right: { text: 'Paladin sends a drone to the scene of a 911 call within seconds.', word: 'Paladin', id: 'paladin-drones' },
  },
  {
    alias: 'Circles',
    trap: { text: 'Circles of chairs filled the school gym for the meeting.', word: 'Circles' },
    right: { text: 'Citizen Lab said Circles, an NSO affiliate, exploits SS7 to find phones.', word: 'Circles', id: 'circles' },
  },
  {
    alias: 'Logically',
    trap: { text: 'Logically, the council should wait for the audit before voting.', word: 'Logically' },
    right: { text: 'DHS held early talks with Logically about tracking disinformation online.', word: 'Logically', id: 'logically' },
  },
  {
    alias: 'Dante',
    trap: { text: 'Dante wrote the Divine Comedy in exile.', word: 'Dante' },
    right: { text: 'Kaspersky tied the Dante spyware to Memento Labs.', word: 'Dante', id: 'dante-spyware' },
  },
  {
    alias: 'Subzero',
    trap: { text: 'Subzero temperatures closed schools across the state.', word: 'Subzero' },
    right: { text: 'Microsoft linked the Subzero malware to the Austrian firm DSIRF.', word: 'Subzero', id: 'subzero' },
  },
  {
    alias: 'Cerebro',
    trap: { text: 'Cerebro helps Professor X find other mutants.', word: 'Cerebro' },
    right: { text: 'Rights groups say Nexa sold the Cerebro system to Egypt.', word: 'Cerebro', id: 'cerebro' },
  },
  {
    alias: 'ONYX',
    trap: { text: 'The ONYX lounge reopened downtown after the renovation.', word: 'ONYX' },
    right: { text: 'CBP analysts run ONYX, a Fivecast product, on social media posts.', word: 'ONYX', id: 'fivecast-onyx' },
  },
  {
    alias: 'ELITE',
    trap: { text: 'The ELITE program at the academy admits twenty students a year.', word: 'ELITE' },
    right: { text: 'ICE officers use ELITE, a Palantir app, to choose neighborhoods for raids.', word: 'ELITE', id: 'palantir-elite' },
  },
  {
    alias: 'LEARN',
    trap: { text: 'STUDENTS LEARN TO CODE AT THE LIBRARY', word: 'LEARN' },
    right: { text: "Vigilant's LEARN database stores billions of license plate scans.", word: 'LEARN', id: 'vigilant-learn' },
  },
  {
    alias: 'IRIS',
    trap: { text: 'IRIS, the seismology consortium, released the earthquake data.', word: 'IRIS' },
    right: { text: 'ICE bought access to IRIS, the BI2 database of jail bookings.', word: 'IRIS', id: 'bi2-iris' },
  },
  {
    alias: 'TIP',
    trap: { text: 'Call the TIP line to report a crime anonymously.', word: 'TIP' },
    right: {
      text: "The Travel Intelligence Program lets agencies search airline records; TIP holds names and itineraries.",
      word: 'TIP',
      id: 'travel-intelligence-program',
    },
  },
  {
    alias: 'GEO',
    trap: { text: 'GEO satellites stay above one point on the equator.', word: 'GEO' },
    right: { text: 'ICE pays GEO to run detention centers in Texas.', word: 'GEO', id: 'geo-group' },
  },
  {
    alias: 'Code Four',
    trap: { text: 'Dispatch broadcast Code Four once the scene was secure.', word: 'Code Four' },
    right: { text: 'Code Four uses AI to draft a police report from bodycam video.', word: 'Code Four', id: 'code-four' },
  },
  {
    alias: 'Smart Driver',
    trap: { text: 'Be a smart driver and slow down on icy roads.', word: 'smart driver' },
    right: { text: 'GM enrolled drivers in OnStar Smart Driver and sold the data.', word: 'Smart Driver', id: 'onstar-smart-driver' },
  },
  {
    alias: 'Security Center',
    trap: { text: 'The airport Security Center opened a new screening lane.', word: 'Security Center' },
    right: { text: 'Mesa police run Genetec Security Center in their crime center.', word: 'Genetec Security Center', id: 'genetec-security-center' },
  },
  {
    alias: 'Traffic Jam',
    trap: { text: 'Traffic Jam on the interstate after a truck overturned.', word: 'Traffic Jam' },
    right: { text: 'Marinus Analytics built Traffic Jam to search ads for trafficking victims.', word: 'Traffic Jam', id: 'traffic-jam' },
  },
  {
    alias: 'Aerodome',
    trap: { text: 'The old aerodrome now hosts a farmers market.', word: 'aerodrome' },
    right: { text: 'Flock Aerodome drones fly to 911 calls before officers arrive.', word: 'Flock Aerodome', id: 'flock-aerodome' },
  },
  {
    alias: 'CBP Link',
    trap: { text: 'Open the CBP link in your email to confirm the appointment.', word: 'link' },
    right: { text: 'DHS listed CBP Link among its AI use cases for identity verification.', word: 'CBP Link', id: 'cbp-link' },
  },
  {
    alias: 'Arity',
    trap: { text: 'Arity is the number of arguments a function takes.', word: 'Arity' },
    right: { text: 'Texas says Arity sold driving data from apps to Allstate.', word: 'Arity', id: 'arity' },
  },
];

function spans(text: string, word: string): [number, number][] {
  const out: [number, number][] = [];
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) out.push([at, at + word.length]);
  return out;
}

function describeMentions(mentions: Mention[]): string {
  return JSON.stringify(mentions.map((m) => `${m.text} -> ${m.entity.id}`));
}

describe('the vendor and product trap cases themselves', () => {
  test('name entities that exist in data/', () => {
    expect(cases.map((c) => c.right.id).filter((id) => !knownIds.has(id))).toEqual([]);
  });

  test('contain the words they are about', () => {
    for (const c of cases) {
      expect(c.trap.text, c.trap.text).toContain(c.trap.word);
      expect(c.right.text, c.right.text).toContain(c.right.word);
    }
  });
});

describe('ordinary meanings of new product names stay unmarked', () => {
  for (const c of cases) {
    test(`"${c.alias}" in: ${c.trap.text}`, () => {
      const where = spans(c.trap.text, c.trap.word);
      expect(where.length).toBeGreaterThan(0);
      const mentions = matcher.scan(c.trap.text);
      const covering = mentions.filter((m) => where.some(([start, end]) => m.start < end && start < m.end));
      expect(covering, describeMentions(mentions)).toEqual([]);
    });
  }
});

describe('new product names are found as their entries', () => {
  for (const c of cases) {
    test(`"${c.alias}" is ${c.right.id} in: ${c.right.text}`, () => {
      const where = spans(c.right.text, c.right.word);
      expect(where.length).toBeGreaterThan(0);
      const mentions = matcher.scan(c.right.text);
      const hit = mentions.some((m) => m.entity.id === c.right.id && where.some(([start, end]) => m.start <= start && end <= m.end));
      expect(hit, describeMentions(mentions)).toBe(true);
    });
  }
});
