import type { ReactNode } from 'react';
import type { Entry } from '../core/dataset/schema';
import { formatDate, ordinal } from './card-format';

type Fact = [label: string, value: ReactNode];

const list = (values: string[] | undefined) => (values?.length ? values.join(', ') : undefined);

/** A date as readers see it ("Feb 4, 2026"), machine-readable underneath. */
export function DateText({ value }: { value: string }) {
  return <time dateTime={value}>{formatDate(value)}</time>;
}

function statusText(status: { text: string; asOf: string }) {
  return (
    <>
      {status.text} <span className="card-status-date">(as of <DateText value={status.asOf} />)</span>
    </>
  );
}

/** The key facts of an entry, labelled, in the order its kind calls for; facts the entry lacks are left out. */
function factsOf(entry: Entry): Fact[] {
  const facts: [string, ReactNode | undefined][] = (() => {
    switch (entry.kind) {
      case 'tool':
        return [['Category', entry.facts.category], ['Vendor', entry.facts.vendorName], ['Known users', list(entry.facts.knownUsers)]];
      case 'vendor':
        return [
          ['Products', list(entry.facts.products)],
          ['Parent company', entry.facts.parentCompany],
          ['Headquarters', entry.facts.headquarters],
          ['Founded', entry.facts.founded?.toString()],
        ];
      case 'program':
        return [['Agency', entry.facts.agency], ['Legal basis', entry.facts.legalBasis], ['Started', entry.facts.started]];
      case 'agency':
        return [['Jurisdiction', entry.facts.jurisdiction], ['Parent agency', entry.facts.parentAgency]];
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
          ['Status', entry.facts.status && statusText(entry.facts.status)],
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

/** Where a bill stands, shown first: it is what a reader most often wants to know, and it dates fastest. */
export function BillStatus({ entry }: { entry: Entry }) {
  if (entry.kind !== 'bill') return null;
  return (
    <p className="card-status">
      <strong>Status:</strong> {statusText(entry.facts.status)}
    </p>
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
