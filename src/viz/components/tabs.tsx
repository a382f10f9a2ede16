/**
 * A row of tabs (the WAI-ARIA tablist pattern): one tab in the tab order, arrow keys, Home and
 * End move between them and choose the tab reached.
 */
import { useRef } from 'preact/hooks';

export interface TabsProps<T extends string> {
  label: string;
  tabs: ReadonlyArray<readonly [T, string]>;
  current: T;
  choose: (tab: T) => void;
  class?: string;
}

export function Tabs<T extends string>({ label, tabs, current, choose, class: className = 'tabs' }: TabsProps<T>) {
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent): void => {
    const at = tabs.findIndex(([id]) => id === current);
    const n = tabs.length;
    const next = event.key === 'ArrowRight' ? (at + 1) % n : event.key === 'ArrowLeft' ? (at - 1 + n) % n : event.key === 'Home' ? 0 : event.key === 'End' ? n - 1 : -1;
    if (next < 0 || n === 0) return;
    event.preventDefault();
    choose(tabs[next]![0]);
    // Focus follows once the chosen tab is drawn as selected.
    queueMicrotask(() => list.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus());
  };
  return (
    <div class={className} role="tablist" aria-label={label} ref={list} onKeyDown={onKeyDown}>
      {tabs.map(([id, text]) => (
        <button key={id} type="button" role="tab" tabIndex={id === current ? 0 : -1} aria-selected={id === current ? 'true' : 'false'} class={id === current ? 'active' : ''} onClick={() => choose(id)}>
          {text}
        </button>
      ))}
    </div>
  );
}
