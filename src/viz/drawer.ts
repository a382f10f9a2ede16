/**
 * Drawers around the map: a panel that folds away to a thin bar with one button, and whose width
 * (or height, at the bottom) the user drags or sets with the arrow keys on its handle. Whether it
 * is open and its size are this browser's preference, kept in localStorage per drawer.
 */
import { el } from './dom.ts';

export interface DrawerOptions {
  /** Names the drawer in storage and in `data-drawer`. */
  id: string;
  /** What the drawer holds, for its toggle ("Map settings", "Details", "Tables"). */
  label: string;
  edge: 'left' | 'right' | 'bottom';
  /** Size when open, in CSS pixels, and its bounds. */
  size: number;
  min: number;
  max: number;
  /** Open unless the person closed it before. */
  open: boolean;
}

export interface Drawer {
  readonly root: HTMLElement;
  readonly body: HTMLElement;
  isOpen(): boolean;
  setOpen(open: boolean): void;
}

interface Saved {
  open?: boolean;
  size?: number;
}

const KEY = 'netweave.drawer.';

function load(id: string): Saved {
  try {
    return JSON.parse(localStorage.getItem(KEY + id) ?? '{}') as Saved;
  } catch {
    return {};
  }
}

function store(id: string, saved: Saved): void {
  try {
    localStorage.setItem(KEY + id, JSON.stringify(saved));
  } catch {
    // Storage can be unavailable (private windows): the drawer still works for this visit.
  }
}

const STEP = 24;

/** `content` goes in the drawer's scrollable body; `tag` is the landmark it forms. */
export function createDrawer(tag: 'aside' | 'section', content: HTMLElement[], options: DrawerOptions): Drawer {
  const saved = load(options.id);
  let open = saved.open ?? options.open;
  let size = Math.min(options.max, Math.max(options.min, saved.size ?? options.size));
  const bodyId = `drawer-${options.id}`;
  const body = el('div', { class: 'drawer-body', id: bodyId }, ...content);
  const toggle = el('button', { class: 'drawer-toggle small', aria: { controls: bodyId, expanded: String(open) } });
  const vertical = options.edge === 'bottom';
  const handle = el('div', {
    class: 'drawer-handle',
    role: 'separator',
    tabindex: 0,
    title: `Drag to resize ${options.label.toLowerCase()}`,
    aria: { label: `Resize ${options.label.toLowerCase()}`, orientation: vertical ? 'horizontal' : 'vertical', valuemin: String(options.min), valuemax: String(options.max) },
  });
  const root = el(tag, { class: `drawer drawer-${options.edge}`, aria: { label: options.label }, data: { drawer: options.id } }, handle, el('div', { class: 'drawer-bar' }, toggle), body);

  const apply = (): void => {
    root.dataset.open = String(open);
    root.style.setProperty('--drawer-size', `${size}px`);
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = open ? `Hide ${options.label.toLowerCase()}` : options.label;
    body.hidden = !open;
    handle.hidden = !open;
    handle.setAttribute('aria-valuenow', String(size));
    store(options.id, { open, size });
  };
  const resize = (next: number): void => {
    size = Math.round(Math.min(options.max, Math.max(options.min, next)));
    apply();
  };

  toggle.addEventListener('click', () => {
    open = !open;
    apply();
  });
  // Left and top edges grow towards the map; the others away from it.
  const sign = options.edge === 'left' ? 1 : -1;
  handle.addEventListener('keydown', (event) => {
    const grow: Record<string, number> = vertical ? { ArrowUp: 1, ArrowDown: -1 } : { ArrowRight: sign, ArrowLeft: -sign };
    const delta = grow[event.key];
    if (delta === undefined) return;
    event.preventDefault();
    resize(size + delta * STEP);
  });
  handle.addEventListener('pointerdown', (event) => {
    event.preventDefault();
    handle.setPointerCapture(event.pointerId);
    const start = vertical ? event.clientY : event.clientX;
    const from = size;
    const move = (e: PointerEvent): void => resize(from + (vertical ? start - e.clientY : sign * (e.clientX - start)));
    const up = (): void => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  });
  apply();
  return {
    root,
    body,
    isOpen: () => open,
    setOpen: (next) => {
      open = next;
      apply();
    },
  };
}
