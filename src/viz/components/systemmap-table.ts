/**
 * The factor table of the System map view, kept apart from the DOM so it can be tested alone:
 * plain headers, counts as counts, each factor's role as a plain name (its MICMAC quadrant in the
 * tooltip), and bridging as a band among the map's factors (the exact value in the tooltip).
 * The key of the loops column is `loops`, the table's first sort.
 */
import type { Column } from './sort-rows.ts';
import type { SystemMapReport } from '../../engine/features/systemmap/analyze-systemmap.ts';
import { count } from '../format/readable.ts';
import { exactValue } from './table-columns.ts';
import { ROLE_ORDER, bridgingBands, roleOf } from './systemmap-words.ts';

const counts = (v: number | string): string => count(v as number);

/** The factor table's columns for `report`, the factor's name first. */
export function factorColumns(report: Pick<SystemMapReport, 'factors' | 'settings'>): Column[] {
  const f = report.factors;
  const band = bridgingBands(f);
  const steps = report.settings.reachSteps;
  const roleName = (r: number): string => roleOf(f[r]!.quadrant).name;
  const explainRole = (name: number | string): string => {
    const role = ROLE_ORDER.map(roleOf).find((x) => x.name === name);
    return role ? `${role.name}: ${role.explanation}` : String(name);
  };
  return [
    { key: 'label', label: 'Factor', value: (r) => f[r]!.label },
    {
      key: 'quadrant',
      label: 'Role',
      title: 'What part the factor plays: moves many others, moves others and is moved, mostly moved by others, or loosely connected (its MICMAC quadrant)',
      value: roleName,
      cellTitle: explainRole,
      align: 'start',
      section: 'The factor',
    },
    {
      key: 'influence',
      label: 'Factors it changes',
      numeric: true,
      title: 'How many other factors it changes directly (influence)',
      value: (r) => f[r]!.influence,
      format: counts,
      section: 'Links',
    },
    {
      key: 'dependence',
      label: 'Factors that change it',
      numeric: true,
      title: 'How many other factors change it directly (dependence)',
      value: (r) => f[r]!.dependence,
      format: counts,
      section: 'Links',
    },
    {
      key: 'loops',
      label: 'Feedback loops',
      numeric: true,
      title: 'How many feedback loops it sits in: a push here comes back around through each',
      value: (r) => f[r]!.loops,
      format: counts,
      section: 'Loops',
    },
    {
      key: 'reinforcingLoops',
      label: 'Reinforcing loops',
      numeric: true,
      title: 'Loops through it where a change comes back bigger (vicious or virtuous circles)',
      value: (r) => f[r]!.reinforcingLoops,
      format: counts,
      optional: true,
      section: 'Loops',
    },
    {
      key: 'balancingLoops',
      label: 'Balancing loops',
      numeric: true,
      title: 'Loops through it where a change comes back opposed (they keep things steady)',
      value: (r) => f[r]!.balancingLoops,
      format: counts,
      optional: true,
      section: 'Loops',
    },
    {
      key: 'betweenness',
      label: 'Bridging',
      numeric: true,
      title: "How often it lies on the shortest chain of causes between two other factors, as a band among this map's factors (betweenness; the exact value is in each cell's tooltip)",
      value: (r) => f[r]!.betweenness,
      format: (v) => band(v as number),
      cellTitle: exactValue,
      section: 'Reach',
    },
    {
      key: 'reach',
      label: 'Reaches downstream',
      numeric: true,
      title: `How many other factors a change here reaches within ${count(steps)} step${steps === 1 ? '' : 's'}`,
      value: (r) => f[r]!.reach,
      format: counts,
      section: 'Reach',
    },
    {
      key: 'reachAll',
      label: 'Reaches in the end',
      numeric: true,
      title: 'How many other factors a change here reaches in any number of steps',
      value: (r) => f[r]!.reachAll,
      format: counts,
      optional: true,
      section: 'Reach',
    },
    {
      key: 'actors',
      label: 'Organisations',
      numeric: true,
      title: 'How many organisations work on it',
      value: (r) => f[r]!.actors.length,
      format: counts,
      section: 'Who works on it',
    },
  ];
}
