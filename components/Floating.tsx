import { autoUpdate, flip, inline, offset, shift, size, useFloating } from '@floating-ui/react';
import { useEffect, useLayoutEffect, type KeyboardEvent, type ReactNode } from 'react';

/**
 * Focus that shows: Firefox otherwise shows none when a shortcut handled by the browser window moved it; Chromium
 * shows it anyway. `focusVisible` is not in TypeScript's DOM types yet.
 */
const keyboardFocus: FocusOptions & { focusVisible: boolean } = { preventScroll: true, focusVisible: true };

/**
 * Places its children next to a range of page text (a mention, a selection): below it when there is room, else
 * above, always inside the viewport, next to the right line of a multi-line range. A change of `focusKey` moves
 * keyboard focus into it.
 */
export function FloatingNearRange({ range, children, label, onPointerEnter, onPointerLeave, onKeyDown, focusKey, role = 'dialog' }: {
  range: Range;
  children: ReactNode;
  label: string;
  role?: string;
  focusKey?: number;
  onPointerEnter?: () => void;
  onPointerLeave?: () => void;
  onKeyDown?: (event: KeyboardEvent) => void;
}) {
  const { refs, floatingStyles, elements } = useFloating({
    strategy: 'fixed',
    placement: 'bottom-start',
    middleware: [
      inline(),
      offset(6),
      flip({ padding: 8 }),
      shift({ padding: 8 }),
      // A long card never runs off the screen: its middle scrolls within the room left.
      size({
        padding: 8,
        apply({ availableHeight, elements }) {
          elements.floating.style.setProperty('--available-height', `${Math.max(160, Math.floor(availableHeight))}px`);
        },
      }),
    ],
    whileElementsMounted: autoUpdate,
  });
  useLayoutEffect(() => {
    refs.setPositionReference({
      getBoundingClientRect: () => range.getBoundingClientRect(),
      getClientRects: () => range.getClientRects(),
    });
  }, [range, refs]);
  useEffect(() => {
    if (focusKey !== undefined) elements.floating?.focus(keyboardFocus);
  }, [focusKey, elements.floating]);
  return (
    <div
      ref={refs.setFloating}
      style={floatingStyles}
      className="floating"
      role={role}
      aria-label={label}
      tabIndex={focusKey !== undefined ? -1 : undefined}
      onPointerEnter={onPointerEnter}
      onPointerLeave={onPointerLeave}
      onKeyDown={onKeyDown}
    >
      {children}
    </div>
  );
}
