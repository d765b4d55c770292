import type { Entry, Kind } from '../core/dataset/schema';

export const kindLabels: Record<Kind, string> = {
  tool: 'Tool',
  vendor: 'Vendor',
  program: 'Program',
  agency: 'Agency',
  bill: 'Bill',
  law: 'Law',
  case: 'Court case',
};

/** The context card for one dataset entry: what it is, and where that comes from. */
export function ContextCard({ entry, onClose }: { entry: Entry; onClose: () => void }) {
  return (
    <article className="card" data-kind={entry.kind}>
      <header className="card-header">
        <h2 className="card-name">{entry.name}</h2>
        <span className={`kind-badge kind-${entry.kind}`}>{kindLabels[entry.kind]}</span>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <p className="card-summary">{entry.summary}</p>
      <section aria-label="Sources">
        <h3 className="card-section-title">Sources</h3>
        <ul className="card-sources">
          {entry.sources.map((source) => (
            <li key={source.url}>
              <a href={source.url} target="_blank" rel="noopener noreferrer">
                {source.title}
              </a>
            </li>
          ))}
        </ul>
      </section>
      <footer className="card-footer">Facts as of {entry.asOf} · Watchwords dataset</footer>
    </article>
  );
}
