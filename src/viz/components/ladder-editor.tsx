/**
 * Editing the engagement ladder: rungs lowest first, each a name and the conditions that put
 * someone on it (all of them, or any one), in words rather than rule types. Saved into the
 * project; "Back to the default ladder" forgets the edit. What cannot be saved is said in words
 * next to the button, and nothing is saved until it can be.
 */
import { useState } from 'preact/hooks';
import { LadderRulesSchema, type LadderCondition, type LadderRules, type LadderRung } from '../../engine/core/model/ladder.ts';
import { CONDITION_TYPES, newCondition, type ConditionType } from './ladder-words.ts';

export interface LadderEditorProps {
  /** The ladder to start from: the project's, or the default. */
  rules: LadderRules;
  /** Whether the project holds an edited ladder (the default can be restored). */
  edited: boolean;
  /** The project's columns, for conditions on a value or a circle column. */
  columns: readonly string[];
  save: (rules: LadderRules | null) => void;
  close: () => void;
}

function Number1({ label, value, change, min = 1, max }: { label: string; value: number | undefined; change: (n: number | undefined) => void; min?: number; max?: number }) {
  return (
    <label class="inline-field">
      {label}
      <input type="number" min={min} max={max} step={1} value={value ?? ''} onInput={(e) => change(e.currentTarget.value === '' ? undefined : Number(e.currentTarget.value))} />
    </label>
  );
}

function ColumnPick({ label, value, columns, change }: { label: string; value: string; columns: readonly string[]; change: (c: string) => void }) {
  const options = columns.includes(value) ? columns : [value, ...columns];
  return (
    <label class="inline-field">
      {label}
      <select value={value} onChange={(e) => change(e.currentTarget.value)}>
        {options.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The fields a condition of each type has, after its type. */
function ConditionFields({ condition, columns, change }: { condition: LadderCondition; columns: readonly string[]; change: (c: LadderCondition) => void }) {
  switch (condition.type) {
    case 'attended':
      return <Number1 label="at least" value={condition.atLeast} change={(n) => change({ ...condition, atLeast: n ?? 1 })} />;
    case 'mentorship':
      return (
        <label class="inline-field">
          as
          <select value={condition.as} onChange={(e) => change({ ...condition, as: e.currentTarget.value as 'mentor' | 'mentee' | 'either' })}>
            <option value="either">mentor or mentee</option>
            <option value="mentor">mentor</option>
            <option value="mentee">mentee</option>
          </select>
        </label>
      );
    case 'circle':
      return <ColumnPick label="column" value={condition.column} columns={columns} change={(column) => change({ ...condition, column })} />;
    case 'named-by':
      return (
        <>
          <Number1 label="by at least" value={condition.atLeast} change={(n) => change({ ...condition, atLeast: n ?? 1 })} />
          <Number1
            label="and among the most named (%)"
            value={condition.topPercent}
            max={100}
            change={(n) => {
              const { topPercent: _drop, ...rest } = condition;
              change(n === undefined ? rest : { ...rest, topPercent: n });
            }}
          />
        </>
      );
    case 'attribute':
      return (
        <>
          <ColumnPick label="column" value={condition.column} columns={columns} change={(column) => change({ ...condition, column })} />
          <label class="inline-field">
            is one of (comma-separated)
            <input
              type="text"
              value={condition.values.join(', ')}
              onChange={(e) =>
                change({
                  ...condition,
                  values: e.currentTarget.value
                    .split(',')
                    .map((v) => v.trim())
                    .filter(Boolean),
                })
              }
            />
          </label>
        </>
      );
    default:
      return null;
  }
}

/** Zod's complaint about a ladder, in the editor's words ("Rung 3, condition 1: ..."). */
function problemOf(rules: LadderRules): string | null {
  const parsed = LadderRulesSchema.safeParse(rules);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0]!;
  const [, rung, , condition] = issue.path;
  const where = [typeof rung === 'number' ? `Rung ${rung + 1}` : '', typeof condition === 'number' ? `condition ${condition + 1}` : ''].filter(Boolean).join(', ');
  const field = issue.path.at(-1);
  const what = field === 'name' ? 'needs a name' : field === 'when' ? 'needs at least one condition' : field === 'values' ? 'needs at least one value' : issue.message;
  return `${where ? `${where}: ` : ''}${what}.`;
}

export function LadderEditor({ rules, edited, columns, save, close }: LadderEditorProps) {
  const [rungs, setRungs] = useState<LadderRung[]>(() => rules.rungs.map((r) => ({ ...r, when: [...r.when] })));
  const draft: LadderRules = { rungs };
  const problem = problemOf(draft);
  const setRung = (i: number, rung: LadderRung) => setRungs(rungs.map((r, j) => (j === i ? rung : r)));
  const move = (i: number, by: number) => {
    const next = [...rungs];
    const [r] = next.splice(i, 1);
    next.splice(i + by, 0, r!);
    setRungs(next);
  };
  return (
    <form
      class="ladder-editor"
      aria-label="Edit the ladder"
      onSubmit={(e) => {
        e.preventDefault();
        if (problem === null) save(LadderRulesSchema.parse(draft));
      }}
    >
      <p class="explain">Rungs from the lowest (first) to the highest (last). Each person stands on the highest rung whose conditions hold in a period.</p>
      <ol class="ladder-rungs">
        {rungs.map((rung, i) => (
          <li key={i}>
            <fieldset>
              <legend>Rung {i + 1}</legend>
              <div class="rung-head">
                <label class="inline-field">
                  Name
                  <input type="text" value={rung.name} onInput={(e) => setRung(i, { ...rung, name: e.currentTarget.value })} />
                </label>
                <label class="inline-field">
                  Needs
                  <select value={rung.match} onChange={(e) => setRung(i, { ...rung, match: e.currentTarget.value as 'all' | 'any' })}>
                    <option value="all">all of these</option>
                    <option value="any">any one of these</option>
                  </select>
                </label>
              </div>
              <ul class="rung-conditions">
                {rung.when.map((condition, k) => (
                  <li key={k}>
                    <label class="inline-field">
                      Condition {k + 1}
                      <select
                        value={condition.type}
                        onChange={(e) => setRung(i, { ...rung, when: rung.when.map((c, m) => (m === k ? newCondition(e.currentTarget.value as ConditionType, columns) : c)) })}
                      >
                        {CONDITION_TYPES.map((t) => (
                          <option key={t.type} value={t.type}>
                            {t.words}
                          </option>
                        ))}
                      </select>
                    </label>
                    <ConditionFields condition={condition} columns={columns} change={(c) => setRung(i, { ...rung, when: rung.when.map((x, m) => (m === k ? c : x)) })} />
                    <button type="button" class="small" aria-label={`Remove condition ${k + 1} of rung ${i + 1}`} onClick={() => setRung(i, { ...rung, when: rung.when.filter((_, m) => m !== k) })}>
                      Remove
                    </button>
                  </li>
                ))}
              </ul>
              <div class="row-actions">
                <button type="button" class="small" onClick={() => setRung(i, { ...rung, when: [...rung.when, newCondition('attended', columns)] })}>
                  Add a condition
                </button>
                <button type="button" class="small" disabled={i === rungs.length - 1} aria-label={`Move rung ${i + 1} up the ladder`} onClick={() => move(i, 1)}>
                  Higher
                </button>
                <button type="button" class="small" disabled={i === 0} aria-label={`Move rung ${i + 1} down the ladder`} onClick={() => move(i, -1)}>
                  Lower
                </button>
                <button type="button" class="small" disabled={rungs.length === 1} aria-label={`Remove rung ${i + 1}`} onClick={() => setRungs(rungs.filter((_, j) => j !== i))}>
                  Remove rung
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <div class="row-actions">
        <button type="button" class="small" onClick={() => setRungs([...rungs, { name: `Rung ${rungs.length + 1}`, match: 'all', when: [newCondition('known', columns)] }])}>
          Add a rung above the others
        </button>
      </div>
      {problem && (
        <p class="form-problem" role="status">
          Not saved yet: {problem}
        </p>
      )}
      <div class="row-actions">
        <button type="submit" class="small primary" disabled={problem !== null}>
          Save the ladder
        </button>
        {edited && (
          <button type="button" class="small" onClick={() => save(null)}>
            Back to the default ladder
          </button>
        )}
        <button type="button" class="small" onClick={close}>
          Cancel
        </button>
      </div>
    </form>
  );
}
