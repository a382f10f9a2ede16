/**
 * The bar across the top: the project's name (opens Projects), the switch between the people
 * network and the system map (when the project has one), the private mode badge, Import, the
 * Export menu and Projects.
 */
import { useRef, useState } from 'preact/hooks';
import { Tabs } from './tabs.tsx';
import './private-mode.css';
import type { Mode } from '../state/app-state.ts';

export interface ExportItem<K extends string = string> {
  kind: K;
  label: string;
  available: boolean;
  /** Why it cannot run now, said under it (else "Nothing to export yet"). */
  why?: string;
}

export interface TopBarProps<K extends string> {
  projectName: string;
  mode: Mode;
  hasSystemMap: boolean;
  setMode: (mode: Mode) => void;
  openImport: () => void;
  openProjects: () => void;
  /** Built when the menu opens: what can be exported depends on the project. */
  exports: () => ReadonlyArray<ExportItem<K>>;
  runExport: (kind: K) => void;
  /** Private mode is on: the badge shows. */
  privateMode: boolean;
}

const MODES = [
  ['people', 'People network'],
  ['systemmap', 'System map'],
  ['results', 'Results'],
] as const;

export function TopBar<K extends string>(props: TopBarProps<K>) {
  return (
    <header class="topbar">
      <h1 class="brand">netweave</h1>
      {/* No project open (deleted, or everything forgotten): no empty name to press. */}
      {props.projectName ? (
        <button type="button" class="project-name" title="Projects" onClick={props.openProjects}>
          {props.projectName}
        </button>
      ) : null}
      {props.projectName ? <Tabs label="What to show" class="mode-switch" tabs={props.hasSystemMap ? MODES : MODES.filter(([m]) => m !== 'systemmap')} current={props.mode} choose={props.setMode} /> : null}
      <div class="spacer" />
      {props.privateMode ? <PrivateBadge open={props.openProjects} /> : null}
      <button type="button" class="primary import-button" onClick={props.openImport}>
        Import data
      </button>
      <ExportMenu items={props.exports} run={props.runExport} />
      <button type="button" onClick={props.openProjects}>
        Projects
      </button>
    </header>
  );
}

function ExportMenu<K extends string>({ items, run }: { items: () => ReadonlyArray<ExportItem<K>>; run: (kind: K) => void }) {
  const [shown, setShown] = useState<ReadonlyArray<ExportItem<K>> | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const close = (): void => setShown(null);
  const open = (): void => {
    setShown(items());
    // The first entry that can run takes focus once drawn.
    queueMicrotask(() => menu.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus());
  };
  return (
    <div class="menu-wrap">
      <button type="button" ref={button} aria-haspopup="menu" aria-expanded={shown ? 'true' : 'false'} onClick={() => (shown ? close() : open())}>
        Export ▾
      </button>
      <div
        class="menu"
        role="menu"
        ref={menu}
        hidden={!shown}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            // Handled here: the page's Escape (which clears the selection) does not also hear it.
            e.preventDefault();
            close();
            button.current?.focus();
            return;
          }
          const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];
          const at = items.indexOf(document.activeElement as HTMLButtonElement);
          const next = e.key === 'ArrowDown' ? at + 1 : e.key === 'ArrowUp' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? items.length - 1 : null;
          if (next === null || items.length === 0) return;
          e.preventDefault();
          items[(next + items.length) % items.length]!.focus();
        }}
        onFocusOut={(e) => {
          // Tabbing or clicking away closes the menu.
          const to = e.relatedTarget as Node | null;
          if (to === null || (!menu.current?.contains(to) && to !== button.current)) close();
        }}
      >
        {(shown ?? []).map((item) => (
          <button
            key={item.kind}
            type="button"
            role="menuitem"
            disabled={!item.available}
            title={item.available ? undefined : (item.why ?? 'Nothing to export yet')}
            onClick={() => {
              close();
              // The chosen entry goes with the menu: focus returns to the button that opened it.
              button.current?.focus();
              run(item.kind);
            }}
          >
            {item.label}
            {!item.available && item.why ? <span class="menu-why">{item.why}</span> : null}
          </button>
        ))}
      </div>
    </div>
  );
}

/**
 * "Private: nothing is saved in this browser", said in words (not by colour alone). A button: it
 * opens Projects, where private mode is turned off; on focus or hover it explains, and Escape
 * hides the explanation.
 */
function PrivateBadge({ open }: { open: () => void }) {
  const [explained, setExplained] = useState(false);
  return (
    <span class="private-badge-wrap">
      <button
        type="button"
        class="private-badge"
        aria-describedby="private-badge-tip"
        onClick={open}
        onFocus={() => setExplained(true)}
        onBlur={() => setExplained(false)}
        onMouseEnter={() => setExplained(true)}
        onMouseLeave={() => setExplained(false)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && explained) {
            e.preventDefault();
            setExplained(false);
          }
        }}
      >
        <span class="private-badge-mark" aria-hidden="true">
          ●
        </span>
        <span>
          Private<span class="private-badge-more">: nothing is saved in this browser</span>
        </span>
      </button>
      <span id="private-badge-tip" role="tooltip" class="private-badge-tip" hidden={!explained}>
        Private mode: nothing you open or change is written to this browser. Closing or reloading this page loses your work; to keep it, export the whole project to a file
        (Export menu, “Whole project”). Choose this badge to turn private mode off in Projects.
      </span>
    </span>
  );
}
