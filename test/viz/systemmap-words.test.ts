/**
 * The System map view's words and its factor table: roles and loops in plain words with the
 * technical name kept in the explanation, why a leverage point or a gap matters, and table cells
 * that read as counts, plain role names and bridging bands.
 */
import { describe, expect, it } from 'vitest';
import { emptySystemMap, type Polarity } from '../../src/engine/core/model/systemmap.ts';
import { analyzeSystemMap } from '../../src/engine/features/systemmap/analyze-systemmap.ts';
import {
  LOOP_KINDS,
  ROLES,
  ROLE_ORDER,
  editLabel,
  gapText,
  leverageReasons,
  loopChainText,
  loopCountsText,
  loopMeaning,
  loopSteps,
  mapCountsText,
  roleCounts,
  roleOf,
  workersText,
} from '../../src/viz/components/systemmap-words.ts';
import { factorColumns } from '../../src/viz/components/systemmap-table.ts';

/** E -> A -> B -> C -> A (one − link: a balancing loop), C -> D; two organisations on C, none on A or B. */
function smallMap() {
  const map = emptySystemMap('test');
  map.factors = ['A', 'B', 'C', 'D', 'E'].map((id) => ({ id, label: `Factor ${id}`, description: '', tags: [], attributes: {} }));
  const links: Array<[string, string, Polarity]> = [
    ['A', 'B', '+'],
    ['B', 'C', '+'],
    ['C', 'A', '-'],
    ['C', 'D', '+'],
    ['E', 'A', '+'],
  ];
  map.links = links.map(([from, to, polarity]) => ({ id: `${from} -> ${to}`, from, to, polarity, delay: from === 'B' }));
  map.actors = [
    { id: 'org1', label: 'Org one', attributes: {} },
    { id: 'org2', label: 'Org two', attributes: {} },
  ];
  map.worksOn = [
    { actor: 'org1', factor: 'C' },
    { actor: 'org2', factor: 'C' },
  ];
  return map;
}

const map = smallMap();
const report = analyzeSystemMap(map);
const byId = new Map(report.factors.map((f) => [f.id, f]));

describe('roles in plain words', () => {
  it('names every MICMAC quadrant plainly and keeps the technical name in its explanation', () => {
    expect(ROLE_ORDER.map((q) => ROLES[q].name)).toEqual(['Moves many others', 'Moves others and is moved', 'Mostly moved by others', 'Loosely connected']);
    for (const q of ROLE_ORDER) {
      expect(ROLES[q].explanation).toContain(`"${q}"`);
      expect(ROLES[q].name).not.toMatch(/driving|linkage|dependent|autonomous|MICMAC/i);
    }
    expect(ROLES.linkage.short).toBe('changes ripple back');
    expect(ROLES.dependent.short).toBe('a result to watch');
    expect(roleOf('something else')).toBe(ROLES.autonomous);
  });

  it('counts factors per role in the order the view lists them', () => {
    const counts = roleCounts(report.factors);
    expect(counts.map((c) => c.role)).toEqual(ROLE_ORDER);
    expect(counts.reduce((s, c) => s + c.count, 0)).toBe(5);
  });
});

describe('loops in plain words', () => {
  const loop = report.loops[0]!;

  it('says what each kind of loop does in one line', () => {
    expect(LOOP_KINDS.R.phrase).toBe('Reinforcing (a vicious or virtuous circle)');
    expect(LOOP_KINDS.B.phrase).toBe('Balancing (keeps things steady)');
    expect(LOOP_KINDS.R.explanation).toMatch(/reinforcing loop/);
    expect(LOOP_KINDS.B.explanation).toMatch(/balancing loop/);
  });

  it('reads a loop as a chain of more and less back to where it started', () => {
    expect(loop.type).toBe('B');
    expect(loopSteps(loop).map((s) => s.more)).toEqual([true, true, true, false]);
    expect(loopChainText(loop)).toBe('more Factor A → more Factor B → more Factor C → less Factor A');
    expect(loopSteps({ labels: [], polarities: [] })).toEqual([]);
  });

  it('says what the loop does, with its delays and doubts', () => {
    expect(loopMeaning(loop)).toBe('A rise in Factor A comes back around to hold it down: the loop keeps it steady. One link acts after a delay, so the effect shows slowly.');
    expect(loopMeaning({ type: 'R', labels: ['X', 'Y'], delays: 0, uncertain: true })).toBe(
      "A rise in X comes back around as a further rise: it feeds on itself. One link's sign is uncertain, so the loop may work the other way.",
    );
  });

  it('counts loops and the map in words', () => {
    expect(loopCountsText(report.summary)).toBe('1 feedback loop: 0 reinforcing, 1 balancing.');
    expect(loopCountsText({ loops: 0, reinforcing: 0, balancing: 0 })).toMatch(/^No feedback loops/);
    expect(mapCountsText(25, 36, 84)).toBe('25 factors, 36 causal links, 84 organisations.');
    expect(mapCountsText(1, 1, 0)).toBe('1 factor, 1 causal link.');
  });
});

describe('why a factor matters', () => {
  it('gives a leverage point its role, reach, loops and who works on it in words', () => {
    const a = byId.get('A')!;
    const reasons = leverageReasons(a, report);
    expect(reasons[0]).toBe(`${roleOf(a.quadrant).name}: ${roleOf(a.quadrant).short}.`);
    expect(reasons).toContain('Directly changes 1 factor; a change here reaches 3 factors within 3 steps.');
    expect(reasons).toContain('Sits in 1 feedback loop (1 balancing), so a push here comes back around.');
    expect(reasons.at(-1)).toBe('No organisation works on it.');
    expect(leverageReasons(byId.get('C')!, report).at(-1)).toBe('2 organisations work on it.');
    for (const r of reasons) expect(r).not.toMatch(/\d\.\d|MICMAC|quadrant|betweenness/);
  });

  it('says why a gap matters without the MICMAC name', () => {
    expect(report.gaps.map((g) => g.factor)).toEqual(['A', 'B']);
    const text = gapText(report.gaps[0]!);
    expect(text).toMatch(/^It sits in 1 feedback loop \(1 balancing\), but no organisation works on it\./);
    expect(text).not.toMatch(/driving|linkage|actor/);
    expect(gapText({ loops: 3, reinforcingLoops: 2, balancingLoops: 1, actors: 1, quadrant: 'driving' })).toBe(
      'It sits in 3 feedback loops (2 reinforcing and 1 balancing), but only 1 organisation works on it. It moves many others: a lever no one is pulling.',
    );
    expect(workersText(0)).toBe('No organisation works on it');
  });

  it('shows undo labels with arrows', () => {
    expect(editLabel('Add link "A" -> "B"')).toBe('Add link "A" → "B"');
  });
});

describe('the factor table', () => {
  const columns = factorColumns(report);
  const column = (key: string) => columns.find((c) => c.key === key)!;
  const cell = (key: string, row: number): string => {
    const c = column(key);
    const v = c.value(row);
    return c.format ? c.format(v) : String(v);
  };
  const rowOf = (id: string) => report.factors.findIndex((f) => f.id === id);

  it('names the factor first and sorts by loops under the key the shell uses', () => {
    expect(columns[0]!.key).toBe('label');
    expect(cell('label', rowOf('A'))).toBe('Factor A');
    expect(column('loops').numeric).toBe(true);
    expect(column('loops').value(rowOf('A'))).toBe(1);
  });

  it('has plain headers', () => {
    for (const c of columns) expect(`${c.label}`).not.toMatch(/MICMAC|quadrant|linkage|betweenness|centrality|degree/i);
    expect(columns.filter((c) => !c.optional).map((c) => c.label)).toEqual([
      'Factor',
      'Role',
      'Factors it changes',
      'Factors that change it',
      'Feedback loops',
      'Bridging',
      'Reaches downstream',
      'Organisations',
    ]);
  });

  it('reads roles as plain names with the technical one in the tooltip', () => {
    const row = rowOf('E');
    expect(cell('quadrant', row)).toBe('Moves many others');
    expect(column('quadrant').cellTitle!(column('quadrant').value(row))).toContain('"driving"');
  });

  it('reads counts as counts and bridging as a band, the exact value in the tooltip', () => {
    const row = rowOf('C');
    expect(cell('influence', row)).toBe('2');
    expect(cell('actors', row)).toBe('2');
    expect(cell('betweenness', row)).toMatch(/^(top (1|10|25)%|middle|bottom (10|25)%)$/);
    for (let r = 0; r < report.factors.length; r++) expect(cell('betweenness', r)).not.toMatch(/\d\.\d/);
    expect(column('betweenness').cellTitle!(byId.get('C')!.betweenness)).toMatch(/^\d/);
  });
});
