// `npx tsx scripts/bench-anchoring.ts`: times note re-anchoring (core/anchoring) on a ~1 MB page text, for 100
// notes of about 300 characters per method, and prints the median and maximum milliseconds of each.
import { performance } from 'node:perf_hooks';
import { anchorQuote, type Anchor } from '../core/anchoring/anchor';
import { collapseText } from '../core/anchoring/whitespace';
import { paragraphs } from '../core/anchoring/article.fixture';
import type { TextQuote } from '../core/notes/note';
import { seededRandom } from './bench-tools';

const quoteCount = 100;
const quoteLength = 300;
const targetLength = 1_000_000;

const next = seededRandom(20_240_611);
const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)]!;

// Sentences of words from the test article, shuffled: news-like text in which long quotes do not repeat.
const words = paragraphs.join(' ').split(/\s+/).filter(Boolean);
const blocks: string[] = [];
let length = 0;
while (length < targetLength) {
  const sentences = Array.from({ length: 3 + Math.floor(next() * 5) }, () => {
    const sentence = Array.from({ length: 8 + Math.floor(next() * 18) }, () => pick(words)).join(' ');
    return `${sentence[0]!.toUpperCase()}${sentence.slice(1)}.`;
  });
  const block = sentences.join(' ');
  blocks.push(block);
  length += block.length + 2;
}
const text = blocks.join('\n\n');

interface Note {
  quote: TextQuote;
  position: { start: number; end: number };
}

// One note in each hundredth of the text, starting and ending on word boundaries.
const notes: Note[] = [];
const stride = Math.floor(text.length / quoteCount);
for (let i = 0; i < quoteCount; i++) {
  const start = text.indexOf(' ', i * stride + Math.floor(next() * (stride - quoteLength * 2))) + 1;
  const end = text.indexOf(' ', start + quoteLength);
  notes.push({
    quote: { exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) },
    position: { start, end },
  });
}

/** Built strings are ropes until first read; the page text the extension reads is a flat, joined string. */
const flat = (value: string) => value.split('\n\n').join('\n\n');

// Content inserted at the top: every stored position is stale, every quote still there verbatim.
const insertion = `${'A new editor’s note at the top of the page. '.repeat(100)}\n\n`;
const shifted = flat(insertion + text);

// A word changed inside every quote (from the last note back, so that earlier offsets hold).
let edited = text;
for (const note of [...notes].reverse()) {
  const middle = note.position.start + Math.floor(quoteLength / 2);
  const wordStart = edited.lastIndexOf(' ', middle) + 1;
  const wordEnd = edited.indexOf(' ', middle);
  edited = `${edited.slice(0, wordStart)}replaced${edited.slice(wordEnd)}`;
}
edited = flat(edited);
// The same, with the stored positions 4,500 characters off: the whole page is searched.
const editedFar = flat(insertion + edited);

// Quotes that are nowhere in the text: the full approximate search, then an orphan.
const orphans: Note[] = notes.map((note) => ({ ...note, quote: { ...note.quote, exact: note.quote.exact.split('').reverse().join('') } }));

function time(label: string, page: string, list: Note[], expected: Anchor['method'] | undefined): void {
  const times: number[] = [];
  let wrong = 0;
  for (const note of list) {
    const started = performance.now();
    const anchor = anchorQuote(page, note.quote, note.position);
    times.push(performance.now() - started);
    if (anchor?.method !== expected) wrong++;
  }
  times.sort((a, b) => a - b);
  const median = (times[(times.length - 1) >> 1]! + times[times.length >> 1]!) / 2;
  const outcome = wrong ? `, ${wrong} not ${expected ?? 'orphans'}` : '';
  console.log(`${label.padEnd(10)} median ${median.toFixed(3).padStart(8)} ms   max ${times.at(-1)!.toFixed(3).padStart(8)} ms${outcome}`);
}

console.log(`text: ${text.length.toLocaleString('en')} characters; ${quoteCount} quotes of ~${quoteLength} characters each`);
time('position', text, notes, 'position');
time('exact', shifted, notes, 'exact');
time('fuzzy', edited, notes, 'fuzzy');
time('fuzzy-far', editedFar, notes, 'fuzzy');
time('orphan', text, orphans, undefined);
// The first call on a new text also builds its whitespace-collapsed view (then kept for the next notes).
const started = performance.now();
collapseText(edited);
console.log(`collapsed view of the text: ${(performance.now() - started).toFixed(3)} ms (once per text, in the first fuzzy call's time)`);
