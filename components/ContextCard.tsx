import { useId } from 'react';
import type { Kind, Relations } from '../core/dataset/schema';
import { isPrimary } from '../core/dataset/source-types';
import type { CardEntry, EntryOrigin } from '../core/watchlist/runtime';
import { kindLabel } from '../core/dataset/kinds';
import { hostnameOf, sourceTypeLabels } from './card-format';
import { DateText, EntityFacts, EntryStatus } from './EntityFacts';
import { RelatedEntities } from './RelatedEntities';

export { relationLabels } from './card-format';

export interface RelatedEntity { id: string; name: string; kind: Kind; relation: keyof Relations }
export interface EntityNoteSummary { id: string; body: string; createdAt: string }
/** A button in the card's footer ("Add note", "Not this", "Pause on this site"…), added by whoever shows the card. */
export interface CardAction { id: string; label: string; title?: string; primary?: boolean; disabled?: boolean }
export interface ContextCardProps {
  /** A dataset entry, or the reader's or a pack's entry (with `origin`: it has no cited facts, and says whose it is). */
  entry: CardEntry;
  related: RelatedEntity[];          // the entry's relations resolved to names (may be empty while loading)
  notes: EntityNoteSummary[];        // the reader's notes on this entity
  actions: CardAction[];             // the footer's buttons, in order
  onAction(id: string, event: { clientX: number; clientY: number }): void;
  onOpenRelated(id: string): void;   // show that entity's card instead
  onBack?(): void;                   // present when the card was reached through a related link
  onAllNotes?(): void;               // "All notes": the notes manager
  onClose(): void;
}

/**
 * The context card for one dataset entry: what it is, its key facts, what it links to, the reader's notes on it,
 * and where all that comes from. The header and the actions stay put; the middle scrolls when it is long.
 */
export function ContextCard({ entry, related, notes, actions, onAction, onOpenRelated, onBack, onAllNotes, onClose }: ContextCardProps) {
  const id = useId();
  const nameId = `${id}-name`;
  const notesId = `${id}-notes`;
  const sourcesId = `${id}-sources`;
  return (
    <article className="card" data-kind={entry.kind} aria-labelledby={nameId}>
      <header className="card-header">
        <div className="card-heading">
          <h2 id={nameId} className="card-name">{entry.name}</h2>
          <span className={`kind-badge kind-${entry.kind}`}>{kindLabel(entry.kind)}</span>
        </div>
        <button type="button" className="icon-button card-close" aria-label="Close" title="Close" onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      {onBack && (
        <div className="card-nav">
          <button type="button" className="back-button" onClick={onBack}>
            <span aria-hidden="true">← </span>Back
          </button>
        </div>
      )}
      <div className="card-body">
        <p className="card-summary">{entry.summary}</p>
        {!entry.origin && (
          <>
            <EntryStatus entry={entry} />
            <EntityFacts entry={entry} />
          </>
        )}
        <RelatedEntities related={related} onOpenRelated={onOpenRelated} />
        {notes.length > 0 && (
          <section className="card-section" aria-labelledby={notesId}>
            <h3 id={notesId} className="card-section-title">Your notes</h3>
            <ul className="card-notes">
              {notes.map((note) => (
                <li key={note.id} className="card-note">
                  {note.body && <p className="card-note-body">{note.body}</p>}
                  <DateText value={note.createdAt} />
                </li>
              ))}
            </ul>
          </section>
        )}
        {entry.sources.length > 0 && (
          <section className="card-section" aria-labelledby={sourcesId}>
            <h3 id={sourcesId} className="card-section-title">Sources</h3>
            <ul className="card-sources">
              {entry.sources.map((source) => (
                <li key={source.url}>
                  <a href={source.url} target="_blank" rel="noopener noreferrer">{source.title}</a>
                  <span className="source-host">
                    {hostnameOf(source.url)}
                    {source.type && isPrimary(source) && (
                      <span className="source-primary" title={`Primary source: ${sourceTypeLabels[source.type]}`}>
                        {' · '}primary, {sourceTypeLabels[source.type]}
                      </span>
                    )}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
      <footer className="card-footer">
        <div className="card-footer-row">
          {entry.origin ? (
            <p className="card-as-of card-origin">{originText(entry.origin)}</p>
          ) : (
            <p className="card-as-of">Facts as of <time dateTime={entry.asOf}>{entry.asOf}</time></p>
          )}
          {onAllNotes && (
            <button type="button" className="link-button" title="Open the notes manager" onClick={onAllNotes}>
              All notes
            </button>
          )}
        </div>
        <div className="card-actions">
          {actions.map((action) => (
            <button
              key={action.id}
              type="button"
              className={action.primary ? 'button primary' : 'button'}
              title={action.title}
              disabled={action.disabled}
              onClick={(event) => onAction(action.id, event)}
            >
              {action.label}
            </button>
          ))}
        </div>
      </footer>
    </article>
  );
}

/** Whose entry a card shows, when it is not Watchwords' own. */
export function originText(origin: EntryOrigin): string {
  if (origin.by === 'reader') return `Your own entry${origin.added ? `, added ${origin.added}` : ''} (not from Watchwords’ dataset)`;
  return `From the pack “${origin.pack}” by ${origin.author}, ${origin.date} (not from Watchwords’ dataset)`;
}
