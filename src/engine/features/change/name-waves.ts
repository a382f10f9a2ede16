/**
 * Naming survey waves. `runSurveyImport` labels each survey's ties with a wave taken from its
 * file name (`survey_wave1.csv` -> `survey_wave1`) when several surveys are imported together,
 * and with none for a single survey. `nameSurveyWaves` gives them the names the user chose
 * (`--wave baseline=wave1.csv --wave followup=wave2.csv`), in the order the surveys were given:
 * on the ties, on the resolution entries and on each person's `respondedIn`. A single named
 * survey's ties get its name too (and `respondedIn` is set), so one named wave can be compared
 * with waves added later.
 */
import type { Tie } from '../../core/model/records.ts';
import { setAttribute } from '../../io/attribute-columns.ts';
import type { SurveyRun } from '../survey/run-survey-import.ts';

function stem(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base).trim();
}

const tieKey = (t: Tie): string => [t.source, t.target, t.relation].join('\u0000');

/** The run with its waves renamed: `names[i]` for the i-th survey given. */
export function nameSurveyWaves(run: SurveyRun, names: readonly string[]): SurveyRun {
  const files = run.survey.hygiene.files;
  if (names.length === 0) return run;
  if (files.length < 2) {
    // One survey: its ties carry no wave yet.
    const name = names[0]!;
    const own = new Set(run.survey.dataset.ties.map(tieKey));
    const ties = run.dataset.ties.map((t) => (t.wave === undefined && own.has(tieKey(t)) ? { ...t, wave: name } : t));
    const people = run.dataset.people.map((p) => {
      if (p.attributes.responded === undefined) return p;
      const attributes = { ...p.attributes };
      setAttribute(attributes, 'respondedIn', p.attributes.responded === true ? [name] : []);
      return { ...p, attributes };
    });
    return {
      ...run,
      dataset: { ...run.dataset, ties, people },
      resolution: run.resolution.map((r) => ({ ...r, wave: name })),
    };
  }
  // Several: the label each file got, in input order (file stems, made unique), to the names.
  const seen = new Map<string, number>();
  const labels = files.map((f) => {
    if (f.wave !== undefined) return f.wave;
    const label = stem(f.file);
    const count = (seen.get(label) ?? 0) + 1;
    seen.set(label, count);
    return count === 1 ? label : `${label} (${count})`;
  });
  const rename = new Map<string, string>();
  labels.forEach((label, i) => {
    const name = names[i];
    if (name !== undefined) rename.set(label, name);
  });
  const to = (wave: string | undefined): string | undefined => (wave === undefined ? undefined : rename.get(wave) ?? wave);
  const ties = run.dataset.ties.map((t) => (t.wave !== undefined ? { ...t, wave: to(t.wave)! } : t));
  const people = run.dataset.people.map((p) => {
    const waves = p.attributes.respondedIn;
    if (!Array.isArray(waves)) return p;
    const attributes = { ...p.attributes };
    setAttribute(attributes, 'respondedIn', waves.map((w) => to(w)!));
    return { ...p, attributes };
  });
  return {
    ...run,
    dataset: { ...run.dataset, ties, people },
    resolution: run.resolution.map((r) => (r.wave !== undefined ? { ...r, wave: to(r.wave)! } : r)),
  };
}
