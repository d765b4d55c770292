import { mentionsText } from '../core/popup';

/** A mention count shown as a number; screen readers hear ", 2 mentions". */
export function CountBadge({ count }: { count: number }) {
  return (
    <span className="count">
      <span className="visually-hidden">, {mentionsText(count)}</span>
      <span aria-hidden="true">{count}</span>
    </span>
  );
}
