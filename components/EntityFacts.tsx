import type { ReactNode } from 'react';
import { hasStatus } from '../core/dataset/kinds';
import type { Entry, Latest, Status } from '../core/dataset/schema';
import { formatDate, hostnameOf, ordinal, stageLabels } from './card-format';

type Fact = [label: string, value: ReactNode];

const list = (values: string[] | undefined) => (values?.length ? values.join(', ') : undefined);

/** A date as readers see it ("Feb 4, 2026"), machine-readable underneath. */
export function DateText({ value }: { value: string }) {
  return <time dateTime={value}>{formatDate(value)}</time>;
}

/** The key facts of an entry, labelled, in the order its kind calls for; facts the entry lacks are left out. */
function factsOf(entry: Entry): Fact[] {
  const facts: [string, ReactNode | undefined][] = (() => {
    switch (entry.kind) {
      case 'tool':
        return [
          ['Category', entry.facts.category],
          ['Vendor', entry.facts.vendorName],
          ['Known users', list(entry.facts.knownUsers)],
          ['Concern', entry.facts.concern],
        ];
      case 'vendor':
        return [
          ['Headquarters', entry.facts.headquarters],
          ['Parent company', entry.facts.parentCompany],
          ['Founded', entry.facts.founded?.toString()],
          ['Products', list(entry.facts.products)],
          ['Government customers', list(entry.facts.governmentCustomers)],
          ['Concern', entry.facts.concern],
        ];
      case 'program':
        return [['Agency', entry.facts.agency], ['Legal basis', entry.facts.legalBasis], ['Started', entry.facts.started]];
      case 'agency':
        return [
          ['Jurisdiction', entry.facts.jurisdiction],
          ['Parent agency', entry.facts.parentAgency],
          ['Surveillance role', entry.facts.surveillanceRole],
        ];
      case 'bill':
        return [
          ['Jurisdiction', entry.facts.jurisdiction],
          ['Congress', entry.facts.congress === undefined ? undefined : ordinal(entry.facts.congress)],
          ['Numbers', list(entry.facts.numbers)],
          ['Sponsors', list(entry.facts.sponsors)],
          ['Introduced', entry.facts.introduced && <DateText value={entry.facts.introduced} />],
        ];
      case 'law':
        return [
          ['Jurisdiction', entry.facts.jurisdiction],
          ['Enacted', entry.facts.enacted && <DateText value={entry.facts.enacted} />],
          ['Citation', entry.facts.citation],
        ];
      case 'order':
        return [
          ['Jurisdiction', entry.facts.jurisdiction],
          ['Issued by', entry.facts.issuedBy],
          ['Number', entry.facts.number],
          ['Signed', entry.facts.signed && <DateText value={entry.facts.signed} />],
        ];
      case 'campaign':
        return [
          ['Organised by', list(entry.facts.organisers)],
          ['Jurisdiction', entry.facts.jurisdiction],
          ['Started', entry.facts.started && <DateText value={entry.facts.started} />],
        ];
      case 'case':
        return [
          ['Court', entry.facts.court],
          ['Year', entry.facts.year.toString()],
          ['Citation', entry.facts.citation],
          ['Holding', entry.facts.holding],
        ];
    }
  })();
  return facts.filter((fact): fact is Fact => fact[1] !== undefined && fact[1] !== '');
}

/** The host a status or latest line comes from, linked to that source. */
function SourceLink({ url }: { url: string }) {
  return (
    <a className="card-status-source" href={url} target="_blank" rel="noopener noreferrer">
      {hostnameOf(url)}
    </a>
  );
}

function StatusLine({ status }: { status: Status }) {
  return (
    <p className="card-status">
      <strong>Status:</strong> <span className="card-status-stage">{stageLabels[status.stage]}</span>{' '}
      <span className="card-status-date">
        (<DateText value={status.date} />)
      </span>
      {status.text && <> {status.text}</>} <span className="card-status-from">Source: <SourceLink url={status.source} /></span>
    </p>
  );
}

/** A development in words, its date and a link to its source: the latest line and each earlier one. */
function Development({ development }: { development: Latest }) {
  return (
    <>
      {development.text}{' '}
      <span className="card-status-date">
        (<DateText value={development.date} />)
      </span>{' '}
      <span className="card-status-from">Source: <SourceLink url={development.source} /></span>
    </>
  );
}

function LatestLine({ latest }: { latest: Latest }) {
  return (
    <p className="card-latest">
      <strong>Latest:</strong> <Development development={latest} />
    </p>
  );
}

/**
 * Earlier developments, folded under the latest one so the card stays short: a native disclosure, which the
 * keyboard opens like a button. Each line names its own source.
 */
function EarlierLines({ earlier }: { earlier: readonly Latest[] }) {
  return (
    <details className="card-earlier">
      <summary>
        Earlier developments <span className="card-earlier-count">({earlier.length})</span>
      </summary>
      <ul>
        {earlier.map((item, index) => (
          <li key={index}>
            <Development development={item} />
          </li>
        ))}
      </ul>
    </details>
  );
}

/**
 * Where a bill, law, program, order or campaign stands, and the latest development where there is one, shown
 * first: it is what a reader most often wants to know, and it dates fastest. Each line names its source; earlier
 * developments follow, folded.
 */
export function EntryStatus({ entry }: { entry: Entry }) {
  const status = hasStatus(entry.kind) ? (entry as Extract<Entry, { status: Status }>).status : undefined;
  if (!status && !entry.latest) return null;
  return (
    <div className="card-standing">
      {status && <StatusLine status={status} />}
      {entry.latest && <LatestLine latest={entry.latest} />}
      {entry.latest && entry.earlier && <EarlierLines earlier={entry.earlier} />}
    </div>
  );
}

/** An entry's key facts as a definition list. */
export function EntityFacts({ entry }: { entry: Entry }) {
  const facts = factsOf(entry);
  if (!facts.length) return null;
  return (
    <dl className="card-facts">
      {facts.map(([label, value]) => (
        <div key={label} className="card-fact">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
