import { parseHTML } from 'linkedom';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { relationNames, type Entry, type Source } from '../core/dataset/schema';
import { readDataset } from '../scripts/dataset-files';
import { formatDate, hostnameOf, ordinal } from './card-format';
import { ContextCard, type ContextCardProps, type EntityNoteSummary, type RelatedEntity } from './ContextCard';

const dataset = readDataset();
const byId = new Map(dataset.map((entry) => [entry.id, entry]));
const entry = (id: string) => {
  const found = byId.get(id);
  if (!found) throw new Error(`no entry ${id}`);
  return found;
};

/** What the content script will pass: the entry's relations resolved against the dataset. */
const relatedOf = (e: Entry): RelatedEntity[] =>
  relationNames.flatMap((relation) =>
    (e.relations[relation] ?? []).map((id) => ({ id, name: entry(id).name, kind: entry(id).kind, relation })),
  );

const noop = () => {};
function render(e: Entry, props: Partial<ContextCardProps> = {}) {
  const markup = renderToStaticMarkup(
    <ContextCard
      entry={e}
      related={relatedOf(e)}
      notes={[]}
      actions={[
        { id: 'add-note', label: 'Add note', primary: true },
        { id: 'not-this', label: 'Not this', title: 'This phrase is not it' },
        { id: 'pause', label: 'Pause on this site' },
      ]}
      onAction={noop}
      onOpenRelated={noop}
      onClose={noop}
      {...props}
    />,
  );
  const { document } = parseHTML(`<!doctype html><html><body>${markup}</body></html>`);
  const article = document.querySelector('article')!;
  return { markup, document, article };
}

const text = (node: { textContent: string | null } | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The key facts as [label, value] pairs, in order. */
function facts(article: Element): [string, string][] {
  return [...article.querySelectorAll('.card-facts dt')].map((dt) => [text(dt), text(dt.nextElementSibling)]);
}

/** Relation groups as [label, [button texts]], in order. */
function relatedGroups(article: Element): [string, string[]][] {
  return [...article.querySelectorAll('.card-related dt')].map((dt) => [
    text(dt),
    [...dt.nextElementSibling!.querySelectorAll('button')].map((button) => text(button)),
  ]);
}

describe('key facts by kind, from the real dataset', () => {
  test('tool: category, vendor, known users and the main concern', () => {
    const e = entry('mobile-fortify');
    const { article } = render(e);
    expect(facts(article)).toEqual([
      ['Category', 'face recognition'],
      ['Vendor', 'NEC'],
      ['Known users', 'U.S. Immigration and Customs Enforcement, U.S. Customs and Border Protection'],
      ['Concern', e.kind === 'tool' ? e.facts.concern : ''],
    ]);
  });

  test('vendor: headquarters first, then the facts the entry has, the concern last', () => {
    const { article } = render(entry('clearview-ai'));
    expect(facts(article).map(([label]) => label)).toEqual(['Headquarters', 'Products', 'Government customers', 'Concern']);
    expect(facts(article)[0]).toEqual(['Headquarters', 'New York, U.S.']);
  });

  test('program: agency and legal basis, and its status up front', () => {
    const { article } = render(entry('dhs-ai-use-case-inventory'));
    expect(facts(article)).toEqual([
      ['Agency', 'U.S. Department of Homeland Security'],
      ['Legal basis', 'Executive Order 13960; Advancing American AI Act; OMB Memorandum M-25-21'],
    ]);
    expect(text(article.querySelector('.card-status'))).toMatch(/^Status: Active \(2025\) .* Source: dhs\.gov$/);
  });

  test('agency: jurisdiction, parent agency and what it does that matters for surveillance', () => {
    const { article } = render(entry('ice'));
    expect(facts(article).map(([label]) => label)).toEqual(['Jurisdiction', 'Parent agency', 'Surveillance role']);
    expect(facts(article).slice(0, 2)).toEqual([
      ['Jurisdiction', 'United States (federal)'],
      ['Parent agency', 'U.S. Department of Homeland Security'],
    ]);
    expect(article.querySelector('.card-status')).toBeNull();
  });

  test('bill: ordinal congress, numbers, sponsors, formatted date, and the status up front with its date and source', () => {
    const { article } = render(entry('ice-out-of-our-faces-act'));
    expect(facts(article)).toEqual([
      ['Jurisdiction', 'United States'],
      ['Congress', '119th'],
      ['Numbers', 'S. 3779, H.R. 7363'],
      ['Sponsors', 'Sen. Edward J. Markey (D-MA), Rep. Pramila Jayapal (D-WA)'],
      ['Introduced', 'Feb 4, 2026'],
    ]);
    const status = article.querySelector('.card-status')!;
    expect(text(status)).toBe(
      // The status line's own words come from the dataset (they change when the bill is re-checked).
      `Status: In committee (Feb 4, 2026) ${(entry('ice-out-of-our-faces-act') as { status: { text: string } }).status.text} Source: congress.gov`,
    );
    // linkedom keeps the attribute's case as React wrote it; a browser lowercases it.
    expect(status.querySelector('time')!.getAttribute('dateTime')).toBe('2026-02-04');
    // Shown before the other facts, right after the summary.
    expect(status.parentElement!.previousElementSibling!.className).toBe('card-summary');
  });

  test('law: enacted date and citation as facts; the status (lapsed in 2026) in plain words with its date and source', () => {
    const { article } = render(entry('fisa-section-702'));
    const shown = facts(article);
    expect(shown.map(([label]) => label)).toEqual(['Jurisdiction', 'Enacted', 'Citation']);
    expect(shown[1]).toEqual(['Enacted', 'Jul 10, 2008']);
    expect(text(article.querySelector('.card-status'))).toMatch(/^Status: Lapsed \(Jun 12, 2026\) .* Source: theverge\.com$/);
  });

  test('executive order: its own badge, issuer, number and signing date', () => {
    const { article } = render(entry('executive-order-12333'));
    expect(text(article.querySelector('.kind-badge'))).toBe('Executive order');
    expect(facts(article)).toEqual([
      ['Jurisdiction', 'United States'],
      ['Issued by', 'President Ronald Reagan'],
      ['Number', 'Executive Order 12333'],
      ['Signed', 'Dec 4, 1981'],
    ]);
  });

  test('campaign: its own badge and organisers; not shown as a law', () => {
    const { article } = render(entry('ccops'));
    expect(text(article.querySelector('.kind-badge'))).toBe('Campaign');
    expect(facts(article)[0]).toEqual(['Organised by', 'American Civil Liberties Union']);
  });

  test('case: court, year, citation, holding', () => {
    const { article } = render(entry('carpenter-v-united-states'));
    expect(facts(article)).toEqual([
      ['Court', 'Supreme Court of the United States'],
      ['Year', '2018'],
      ['Citation', '138 S. Ct. 2206 (2018); No. 16-402'],
      ['Holding', expect.any(String)],
    ]);
    expect(facts(article)[3]![1]).toMatch(/^Obtaining historical cell-site location information/);
  });

  test('every entry in the dataset renders, with no empty fact, its status where its kind has one, and a primary source marked', () => {
    for (const e of dataset) {
      const { article } = render(e);
      for (const [label, value] of facts(article)) expect(value, `${e.id}: ${label}`).not.toBe('');
      expect(text(article.querySelector('h2')), e.id).toBe(e.name);
      expect(article.querySelector('.card-status') !== null, e.id).toBe('status' in e);
      expect(article.querySelectorAll('.source-primary').length, e.id).toBeGreaterThan(0);
    }
  });
});

describe('facts that are absent are not shown (fixtures)', () => {
  const official: Source = { url: 'https://example.gov/a', title: 'Example', type: 'official', supports: ['summary'] };
  const base = { aliases: [], relations: {}, sources: [official], asOf: '2026-01-02' };
  test('a bill with only what the schema requires', () => {
    const bill: Entry = {
      ...base, id: 'a-bill', kind: 'bill', name: 'A Bill', summary: 'A bill.',
      facts: { jurisdiction: 'Oregon', numbers: ['HB 1'], sponsors: ['Rep. Nobody'] },
      status: { stage: 'passed-one-chamber', date: '2025-12-31', source: official.url },
    };
    const { article } = render(bill);
    expect(facts(article)).toEqual([['Jurisdiction', 'Oregon'], ['Numbers', 'HB 1'], ['Sponsors', 'Rep. Nobody']]);
    expect(text(article.querySelector('.card-status'))).toBe('Status: Passed one chamber (Dec 31, 2025) Source: example.gov');
    expect(article.querySelector('.card-latest')).toBeNull();
  });

  test('a law enacted in a bare year shows the year', () => {
    const law: Entry = {
      ...base, id: 'a-law', kind: 'law', name: 'A Law', summary: 'A law.', facts: { jurisdiction: 'EU', enacted: '2016' },
      status: { stage: 'in-force', date: '2018-05', source: official.url },
    };
    expect(facts(render(law).article)).toEqual([['Jurisdiction', 'EU'], ['Enacted', '2016']]);
    expect(text(render(law).article.querySelector('.card-status'))).toBe('Status: In force (May 2018) Source: example.gov');
  });
});

describe('status, latest development and primary sources (fixtures)', () => {
  const gov: Source = { url: 'https://www.govinfo.gov/app/details/PLAW-119publ87', title: 'GovInfo: Public Law 119-87', type: 'official', supports: ['summary', 'facts.jurisdiction', 'status'] };
  const news: Source = { url: 'https://news.example.org/lapse', title: 'Example News: the lapse', type: 'original-report', supports: ['latest'] };
  const explainer: Source = { url: 'https://explainers.example.com/702', title: 'An explainer', type: 'secondary', supports: ['summary'] };
  const law: Entry = {
    id: 'a-section', kind: 'law', name: 'A Section', aliases: [], relations: {}, asOf: '2026-12-04',
    summary: 'A made-up surveillance authority.',
    facts: { jurisdiction: 'United States' },
    status: { stage: 'lapsed', date: '2026-06-12', text: 'Congress did not extend it again.', source: gov.url },
    latest: { text: 'A made-up committee held a hearing on reviving it.', date: '2026-07-01', source: news.url },
    sources: [gov, news, explainer],
  };

  test('the status in plain words, with its date, its words and a link to its source, right after the summary', () => {
    const { article } = render(law);
    const status = article.querySelector('.card-status')!;
    expect(text(status)).toBe('Status: Lapsed (Jun 12, 2026) Congress did not extend it again. Source: govinfo.gov');
    expect(status.querySelector('time')!.getAttribute('dateTime')).toBe('2026-06-12');
    const link = status.querySelector('a')!;
    expect(link.getAttribute('href')).toBe(gov.url);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(status.parentElement!.previousElementSibling!.className).toBe('card-summary');
  });

  test('the latest development with its date and source, after the status', () => {
    const { article } = render(law);
    const latest = article.querySelector('.card-latest')!;
    expect(text(latest)).toBe('Latest: A made-up committee held a hearing on reviving it. (Jul 1, 2026) Source: news.example.org');
    expect(latest.querySelector('a')!.getAttribute('href')).toBe(news.url);
    expect(latest.previousElementSibling!.className).toBe('card-status');
  });

  test('earlier developments folded under the latest one, newest first, each with its date and its own source', () => {
    const audit: Source = { url: 'https://oversight.example.gov/audit', title: 'Example IG: audit', type: 'official', supports: ['earlier'] };
    const withEarlier: Entry = {
      ...law,
      earlier: [
        { text: 'A made-up audit faulted it.', date: '2026-03', source: audit.url },
        { text: 'A made-up court upheld it.', date: '2025-11-20', source: news.url },
      ],
      sources: [gov, { ...news, supports: ['latest', 'earlier'] }, audit, explainer],
    };
    const { article } = render(withEarlier);
    const folded = article.querySelector('details.card-earlier')!;
    expect(folded.previousElementSibling!.className).toBe('card-latest');
    expect(folded.hasAttribute('open')).toBe(false);
    expect(text(folded.querySelector('summary'))).toBe('Earlier developments (2)');
    const items = [...folded.querySelectorAll('li')];
    expect(items.map(text)).toEqual([
      'A made-up audit faulted it. (Mar 2026) Source: oversight.example.gov',
      'A made-up court upheld it. (Nov 20, 2025) Source: news.example.org',
    ]);
    expect(items.map((item) => item.querySelector('a')!.getAttribute('href'))).toEqual([audit.url, news.url]);
    expect(render(law).article.querySelector('.card-earlier')).toBeNull();
  });

  test('a kind without a status can still show its latest development', () => {
    const vendor: Entry = {
      id: 'a-vendor', kind: 'vendor', name: 'A Vendor', aliases: [], relations: {}, asOf: '2026-12-04', summary: 'Sells things.',
      facts: { headquarters: 'Athens, Greece', products: ['Gizmo'], concern: 'Sanctioned, the Treasury says.' },
      latest: { text: 'Sanctioned again.', date: '2024-09', source: gov.url },
      sources: [gov],
    };
    const { article } = render(vendor);
    expect(article.querySelector('.card-status')).toBeNull();
    expect(text(article.querySelector('.card-latest'))).toBe('Latest: Sanctioned again. (Sep 2024) Source: govinfo.gov');
  });

  test('primary sources carry a small marker naming their type; secondary ones none', () => {
    const { article } = render(law);
    const markers = [...article.querySelectorAll('.card-sources li')].map((item) => text(item.querySelector('.source-primary')));
    expect(markers).toEqual(['· primary, official record', '· primary, original report', '']);
    expect(article.querySelector('.source-primary')!.getAttribute('title')).toBe('Primary source: official record');
  });

  test('an entry with neither status nor latest shows no status block', () => {
    const { article } = render({ ...law, kind: 'case', facts: { court: 'A court', year: 2020, holding: 'Held.' }, latest: undefined } as unknown as Entry);
    expect(article.querySelector('.card-standing')).toBeNull();
  });
});

describe('related entities', () => {
  test('grouped by relation in a fixed order, with human labels, as buttons with their kind', () => {
    const { article } = render(entry('ice'));
    expect(relatedGroups(article)).toEqual([
      ['Part of', ['U.S. Department of Homeland Security, Agency']],
      ['Related bills', ['ICE Out of Our Faces Act, Bill']],
      ['See also', [expect.stringMatching(/, Agency$/), expect.stringMatching(/, Agency$/), expect.stringMatching(/, Agency$/)]],
    ]);
    for (const button of article.querySelectorAll('.card-related button')) expect(button.getAttribute('type')).toBe('button');
    expect(article.querySelector('.card-related a')).toBeNull();
  });

  test('every relation label', () => {
    const related: RelatedEntity[] = [
      { id: 'r7', name: 'Seven', kind: 'case', relation: 'related' },
      { id: 'r1', name: 'One', kind: 'vendor', relation: 'madeBy' },
      { id: 'r2', name: 'Two', kind: 'agency', relation: 'usedBy' },
      { id: 'r3', name: 'Three', kind: 'tool', relation: 'uses' },
      { id: 'r4', name: 'Four', kind: 'agency', relation: 'parent' },
      { id: 'r5', name: 'Five', kind: 'law', relation: 'governedBy' },
      { id: 'r6', name: 'Six', kind: 'bill', relation: 'relatedBills' },
    ];
    const { article } = render(entry('mobile-fortify'), { related });
    expect(relatedGroups(article)).toEqual([
      ['Made by', ['One, Vendor']],
      ['Used by', ['Two, Agency']],
      ['Uses', ['Three, Tool']],
      ['Part of', ['Four, Agency']],
      ['Governed by', ['Five, Law']],
      ['Related bills', ['Six, Bill']],
      ['See also', ['Seven, Court case']],
    ]);
  });

  test('no related section while nothing is resolved yet', () => {
    const { article } = render(entry('ice'), { related: [] });
    expect(article.querySelector('.card-related')).toBeNull();
    expect(text(article)).not.toContain('Related');
  });
});

describe('sources', () => {
  test('open in a new tab without an opener or referrer, titled, with their host', () => {
    const e = entry('ice-out-of-our-faces-act');
    const { article } = render(e);
    const items = [...article.querySelectorAll('.card-sources li')];
    expect(items).toHaveLength(e.sources.length);
    items.forEach((item, index) => {
      const source = e.sources[index]!;
      const link = item.querySelector('a')!;
      expect(link.getAttribute('href')).toBe(source.url);
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
      expect(text(link)).toBe(source.title);
      expect(text(item.querySelector('.source-host'))).toMatch(new RegExp(`^${hostnameOf(source.url).replace(/\./g, '\\.')}( · primary, .*)?$`));
    });
    expect(text(items[0]!.querySelector('.source-host'))).toBe('congress.gov · primary, official record');
  });
});

describe('notes', () => {
  test('no notes section without notes', () => {
    const { article } = render(entry('clearview-ai'));
    expect(text(article)).not.toContain('Your notes');
  });

  test('lists the notes with their dates', () => {
    const notes: EntityNoteSummary[] = [
      { id: 'n1', body: 'Contract renewed?\nCheck the FPDS entry.', createdAt: '2026-03-01T18:30:00.000Z' },
      { id: 'n2', body: 'Second thought', createdAt: '2026-03-05T09:00:00.000Z' },
    ];
    const { article, document } = render(entry('clearview-ai'), { notes });
    const section = document.getElementById(article.querySelector('.card-notes')!.parentElement!.getAttribute('aria-labelledby')!);
    expect(text(section)).toBe('Your notes');
    const items = [...article.querySelectorAll('.card-note')];
    expect(items.map((item) => text(item.querySelector('.card-note-body')))).toEqual(['Contract renewed? Check the FPDS entry.', 'Second thought']);
    expect(items.map((item) => text(item.querySelector('time')))).toEqual(['Mar 1, 2026', 'Mar 5, 2026']);
  });
});

describe('structure and controls', () => {
  test('the article is labelled by its name', () => {
    const { article, document } = render(entry('carpenter-v-united-states'));
    const id = article.getAttribute('aria-labelledby')!;
    expect(id).toBeTruthy();
    const heading = document.getElementById(id)!;
    expect(heading.tagName).toBe('H2');
    expect(text(heading)).toBe('Carpenter v. United States');
    expect(document.querySelectorAll(`[id="${id}"]`)).toHaveLength(1);
  });

  test('kind badge, close, and the actions given as buttons, "All notes" when it can open; facts date in the footer', () => {
    const { article } = render(entry('mobile-fortify'));
    expect(text(article.querySelector('.kind-badge'))).toBe('Tool');
    const buttons = [...article.querySelectorAll('button')];
    for (const button of buttons) expect(button.getAttribute('type')).toBe('button');
    const close = buttons.find((button) => button.getAttribute('aria-label') === 'Close');
    expect(close?.closest('header')).toBeTruthy();
    const footer = article.querySelector('footer')!;
    expect(text(footer.querySelector('.card-as-of'))).toBe(`Facts as of ${entry('mobile-fortify').asOf}`);
    expect([...footer.querySelectorAll('button')].map((button) => text(button))).toEqual(['Add note', 'Not this', 'Pause on this site']);
    const withAllNotes = render(entry('mobile-fortify'), { onAllNotes: noop }).article.querySelector('footer')!;
    expect([...withAllNotes.querySelectorAll('button')].map((button) => text(button))).toEqual(['All notes', 'Add note', 'Not this', 'Pause on this site']);
    const primary = [...footer.querySelectorAll('button.primary')].map((button) => text(button));
    expect(primary).toEqual(['Add note']);
  });

  test('Back only when the card was reached through a related link', () => {
    const back = (props: Partial<ContextCardProps>) =>
      [...render(entry('ice'), props).article.querySelectorAll('button')].filter((button) => text(button).endsWith('Back'));
    expect(back({})).toHaveLength(0);
    expect(back({ onBack: noop })).toHaveLength(1);
  });

  test('content comes in reading (and Tab) order', () => {
    const notes = [{ id: 'n', body: 'mine', createdAt: '2026-01-01T00:00:00Z' }];
    const { article } = render(entry('ice'), { notes, onBack: noop });
    const order = ['.card-name', '.kind-badge', '.card-close', '.back-button', '.card-summary', '.card-facts', '.card-related', '.card-notes', '.card-sources', '.card-as-of', '.card-actions'];
    const all = [...article.querySelectorAll('*')];
    const positions = order.map((selector) => all.indexOf(article.querySelector(selector)!));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
});

describe('formatting', () => {
  test('ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 101, 102, 103, 111, 112, 113, 118, 119, 121, 122].map(ordinal)).toEqual([
      '1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '101st', '102nd', '103rd', '111th', '112th', '113th', '118th', '119th', '121st', '122nd',
    ]);
  });

  test('dates in en-US, in UTC', () => {
    expect(formatDate('2026-02-04')).toBe('Feb 4, 2026');
    expect(formatDate('2026-12-31T23:59:00Z')).toBe('Dec 31, 2026');
    expect(formatDate('2008')).toBe('2008');
    expect(formatDate('soon')).toBe('soon');
  });

  test('source hosts', () => {
    expect(hostnameOf('https://www.congress.gov/bill/119th-congress/senate-bill/3779')).toBe('congress.gov');
    expect(hostnameOf('https://dhs.gov/ai')).toBe('dhs.gov');
  });
});
