import { useId } from 'react';
import { relationNames } from '../core/dataset/relations';
import { kindLabel } from '../core/dataset/kinds';
import { relationLabels } from './card-format';
import type { RelatedEntity } from './ContextCard';

/** Other entries this one links to, grouped by how they relate; each opens that entry's card in place. */
export function RelatedEntities({ related, onOpenRelated }: { related: RelatedEntity[]; onOpenRelated(id: string): void }) {
  const headingId = useId();
  const groups = relationNames
    .map((relation) => ({ relation, items: related.filter((item) => item.relation === relation) }))
    .filter((group) => group.items.length > 0);
  if (!groups.length) return null;
  return (
    <section className="card-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="card-section-title">Related</h3>
      <dl className="card-related">
        {groups.map(({ relation, items }) => (
          <div key={relation} className="card-related-group">
            <dt>{relationLabels[relation]}</dt>
            <dd>
              <ul className="card-related-list">
                {items.map((item) => (
                  <li key={item.id}>
                    <button type="button" className="related-button" onClick={() => onOpenRelated(item.id)}>
                      <span className="related-name">{item.name}</span>
                      <span className="visually-hidden">, </span>
                      <span className="related-kind">{kindLabel(item.kind)}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
