/**
 * The map by keyboard: which key does what, and stepping through the current list of people.
 * Pure: tested in Node; the map view (map-view.ts) applies the actions.
 */

export type MapKeyAction =
  | { kind: 'step'; by: 1 | -1 }
  | { kind: 'first' }
  | { kind: 'last' }
  | { kind: 'select' }
  | { kind: 'zoom'; in: boolean }
  | { kind: 'fit' }
  | { kind: 'focus' }
  | { kind: 'escape' };

/** What a key does on the focused map, or null for keys the map leaves alone. */
export function mapKeyAction(key: string): MapKeyAction | null {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return { kind: 'step', by: 1 };
    case 'ArrowLeft':
    case 'ArrowUp':
      return { kind: 'step', by: -1 };
    case 'Home':
      return { kind: 'first' };
    case 'End':
      return { kind: 'last' };
    case 'Enter':
    case ' ':
      return { kind: 'select' };
    case '+':
    case '=':
      return { kind: 'zoom', in: true };
    case '-':
    case '_':
      return { kind: 'zoom', in: false };
    case '0':
      return { kind: 'fit' };
    case 'f':
    case 'F':
      return { kind: 'focus' };
    case 'Escape':
      return { kind: 'escape' };
    default:
      return null;
  }
}

/**
 * The person `by` steps from `current` in `list`, wrapping around at the ends; from someone not
 * in the list (or no one), a step forward starts at the first person and a step back at the last.
 */
export function stepInList(list: readonly string[], current: string | null, by: number): string | null {
  if (list.length === 0) return null;
  const at = current === null ? -1 : list.indexOf(current);
  if (at < 0) return by >= 0 ? list[0]! : list[list.length - 1]!;
  return list[(((at + by) % list.length) + list.length) % list.length]!;
}
