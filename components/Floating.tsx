import { autoUpdate, flip, inline, offset, shift, useFloating } from '@floating-ui/react';
import { useLayoutEffect, type ReactNode } from 'react';

/**
 * Places its children next to a range of page text (a mention, a selection): below it when there is room, else
 * above, always inside the viewport, next to the line the pointer is on for multi-line ranges.
 */
export function FloatingNearRange({ range, children, label, onPointerEnter, onPointerLeave, role = 'dialog' }: {
  range: Range;
  children: ReactNode;
  label: string;
  role?: string;
  onPointerEnter?: () => void;
  onPointerLeave?: () => void;
}) {
  const { refs, floatingStyles } = useFloating({
    strategy: 'fixed',
    placement: 'bottom-start',
    middleware: [inline(), offset(6), flip({ padding: 8 }), shift({ padding: 8 })],
    whileElementsMounted: autoUpdate,
  });
  useLayoutEffect(() => {
    refs.setPositionReference({
      getBoundingClientRect: () => range.getBoundingClientRect(),
      getClientRects: () => range.getClientRects(),
    });
  }, [range, refs]);
  return (
    <div
      ref={refs.setFloating}
      style={floatingStyles}
      className="floating"
      role={role}
      aria-label={label}
      onPointerEnter={onPointerEnter}
      onPointerLeave={onPointerLeave}
    >
      {children}
    </div>
  );
}
