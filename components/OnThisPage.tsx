import type { PageModel } from '../core/popup';
import { mentionsText } from '../core/popup';
import { CountBadge } from './CountBadge';

export type OnThisPageState =
  | { status: 'loading' }
  /** No content script answered: a browser page, or one that has not loaded yet. */
  | { status: 'unreadable' }
  /** Watchwords is paused (or not allowed) on this site. */
  | { status: 'inactive'; paused: boolean }
  | { status: 'ready'; model: PageModel };

/** "On this page": the mentions Watchwords found, by kind; each entity a button that shows it on the page. */
export function OnThisPage({ state, onReveal, problem }: { state: OnThisPageState; onReveal: (entityId: string) => void; problem?: string }) {
  return (
    <section className="on-page" aria-labelledby="on-page-title">
      <div className="section-head">
        <h2 id="on-page-title">On this page</h2>
        {state.status === 'ready' && <p className="total">{mentionsText(state.model.total)}</p>}
      </div>
      {state.status === 'loading' ? (
        <p className="empty">Reading the page…</p>
      ) : state.status === 'unreadable' ? (
        <p className="empty">Watchwords can't read this page.</p>
      ) : state.status === 'inactive' ? (
        <p className="empty">{state.paused ? 'Nothing is highlighted while Watchwords is paused here.' : 'Watchwords is not on for this site. Choose the sites in Options.'}</p>
      ) : !state.model.groups.length ? (
        <p className="empty">No tools, vendors, programs, agencies, bills, laws or court cases that Watchwords knows.</p>
      ) : (
        <>
          {state.model.groups.map((group) => (
            <section key={group.kind} className="kind-group" aria-labelledby={`kind-${group.kind}-title`}>
              <h3 id={`kind-${group.kind}-title`} className="kind-title">
                <span className={`kind-dot kind-${group.kind}`} aria-hidden="true" />
                {group.label}
                <CountBadge count={group.count} />
              </h3>
              <ul className="entity-list" aria-labelledby={`kind-${group.kind}-title`}>
                {group.entities.map((entity) => (
                  <li key={entity.id}>
                    <button type="button" className="entity" aria-describedby="reveal-hint" onClick={() => onReveal(entity.id)}>
                      <span className="entity-name">{entity.name}</span>
                      <CountBadge count={entity.count} />
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ))}
          <p id="reveal-hint" hidden>
            Shows it on the page and opens its card
          </p>
        </>
      )}
      {problem && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
