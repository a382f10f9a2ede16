/**
 * A drawer around the map: a panel that folds away to a thin bar with one button, and whose width
 * (or height, at the bottom) the user drags or sets with the arrow keys on its handle. Its state
 * (open, size) is the app state's `drawers`, kept in this browser.
 */
import type { ComponentChildren } from 'preact';
import type { DrawerState } from '../state/app-state.ts';

export interface DrawerProps {
  /** Names the drawer in `data-drawer`. */
  id: string;
  /** What the drawer holds, for its toggle ("Map settings", "Details", "Tables"). */
  label: string;
  edge: 'left' | 'right' | 'bottom';
  min: number;
  max: number;
  state: DrawerState;
  change: (state: DrawerState) => void;
  /** The landmark it forms. */
  tag?: 'aside' | 'section';
  class?: string;
  /** Its body scrolls as a whole (rather than a part inside it): it takes focus, so keyboard users can scroll it. */
  scrolls?: boolean;
  children: ComponentChildren;
}

const STEP = 24;
const ENDS = ['pointerup', 'pointercancel', 'lostpointercapture'] as const;

export function Drawer({ id, label, edge, min, max, state, change, tag: Tag = 'aside', class: className, scrolls = false, children }: DrawerProps) {
  const size = Math.round(Math.min(max, Math.max(min, state.size)));
  const open = state.open;
  const vertical = edge === 'bottom';
  const bodyId = `drawer-${id}`;
  const lower = label.toLowerCase();
  // Left and top edges grow towards the map; the others away from it.
  const sign = edge === 'left' ? 1 : -1;
  const resize = (next: number): void => change({ open, size: Math.round(Math.min(max, Math.max(min, next))) });
  const onKeyDown = (event: KeyboardEvent): void => {
    const grow: Record<string, number> = vertical ? { ArrowUp: 1, ArrowDown: -1 } : { ArrowRight: sign, ArrowLeft: -sign };
    const delta = grow[event.key];
    if (delta === undefined) return;
    event.preventDefault();
    resize(size + delta * STEP);
  };
  const onPointerDown = (event: PointerEvent): void => {
    event.preventDefault();
    const handle = event.currentTarget as HTMLElement;
    handle.setPointerCapture(event.pointerId);
    const start = vertical ? event.clientY : event.clientX;
    const move = (e: PointerEvent): void => resize(size + (vertical ? start - e.clientY : sign * (e.clientX - start)));
    // The drag ends however the pointer goes: released, or taken over by the browser (touch).
    const up = (): void => {
      handle.removeEventListener('pointermove', move);
      for (const end of ENDS) handle.removeEventListener(end, up);
    };
    handle.addEventListener('pointermove', move);
    for (const end of ENDS) handle.addEventListener(end, up);
  };
  return (
    <Tag class={`drawer drawer-${edge}${className ? ` ${className}` : ''}`} aria-label={label} data-drawer={id} data-open={String(open)} style={{ '--drawer-size': `${size}px` }}>
      <div
        class="drawer-handle"
        role="separator"
        tabIndex={0}
        hidden={!open}
        title={`Drag to resize ${lower}`}
        aria-label={`Resize ${lower}`}
        aria-orientation={vertical ? 'horizontal' : 'vertical'}
        aria-valuemin={min}
        aria-valuemax={max}
        aria-valuenow={size}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
      />
      <div class="drawer-bar">
        <button type="button" class="drawer-toggle small" aria-controls={bodyId} aria-expanded={open ? 'true' : 'false'} onClick={() => change({ open: !open, size })}>
          {open ? `Hide ${lower}` : label}
        </button>
      </div>
      <div class="drawer-body" id={bodyId} hidden={!open} tabIndex={scrolls ? 0 : undefined}>
        {children}
      </div>
    </Tag>
  );
}
