import { kinds, type Kind } from '../core/dataset/kinds';
import { kindPlural } from '../core/dataset/kinds';
import { CountBadge } from './CountBadge';
import { Switch } from './Switch';

/** One switch per kind of mention: which kinds Watchwords highlights (on every site). */
export function KindSwitches({
  enabled,
  counts,
  onChange,
}: {
  enabled: Record<Kind, boolean>;
  /** Mentions of each kind on this page, when the page could be read (shown for kinds that are on: the page does not count the others). */
  counts?: Record<Kind, number>;
  onChange: (kind: Kind, enabled: boolean) => void;
}) {
  return (
    <fieldset className="kind-switches">
      <legend>
        <h2>Highlight</h2>
      </legend>
      {kinds.map((kind) => (
        <Switch key={kind} checked={enabled[kind]} onChange={(on) => onChange(kind, on)}>
          <span className={`kind-dot kind-${kind}`} aria-hidden="true" />
          {kindPlural(kind)}
          {counts && enabled[kind] && <CountBadge count={counts[kind]} />}
        </Switch>
      ))}
    </fieldset>
  );
}
