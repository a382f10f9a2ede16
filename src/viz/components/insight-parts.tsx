/**
 * Parts the insight panels share: a person named in a list (a button that selects them on the
 * map; names come from the user's files and are only ever text), a tag beside a name, buttons
 * choosing a view of a list, and the plain words with their technical names.
 */
import type { ComponentChildren } from 'preact';
import type { Term } from './insight-words.ts';

/** How the lists name and select people, given by whoever draws them (the shell, a test). */
export interface People {
  label: (id: string) => string;
  select: (id: string) => void;
  selected: string | null;
}

export function PersonLink({ id, people }: { id: string; people: People }) {
  const current = people.selected === id;
  return (
    <button type="button" class={current ? 'link person-link is-selected' : 'link person-link'} aria-current={current ? 'true' : undefined} onClick={() => people.select(id)}>
      {people.label(id)}
    </button>
  );
}

/** A small label beside a name ("did not answer", "holds the network together"). */
export function Tag({ warn, title, children }: { warn?: boolean; title: string; children: ComponentChildren }) {
  return (
    <span class={warn ? 'insight-tag warn' : 'insight-tag'} title={title}>
      {children}
    </span>
  );
}

/** Buttons that choose one of a few views of a list, each with its count ("Made (3)"). */
export function Choice<K extends string>({ label, options, value, onChange }: { label: string; options: ReadonlyArray<{ key: K; name: string; count: number }>; value: K; onChange: (key: K) => void }) {
  return (
    <div class="insight-choice" role="group" aria-label={label}>
      {options.map((o) => (
        <button type="button" key={o.key} class={o.key === value ? 'small active' : 'small'} aria-pressed={o.key === value ? 'true' : 'false'} onClick={() => onChange(o.key)}>
          {o.name} ({o.count.toLocaleString('en')})
        </button>
      ))}
    </div>
  );
}

/** The panel's words, each with its one-line explanation and technical name, folded away. */
export function Terms({ terms }: { terms: readonly Term[] }) {
  return (
    <details class="insight-terms">
      <summary>What these words mean</summary>
      <dl>
        {terms.map((t) => (
          <div key={t.name}>
            <dt>{t.name}</dt>
            <dd>{t.explanation}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
