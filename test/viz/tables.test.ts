import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultPeopleColumns, exactValue, measureHeader, measureReader, percentText, percentileRanker, shownColumns, toggleColumn } from '../../src/viz/components/table-columns.ts';
import { measureText, percentileOf } from '../../src/viz/format/readable.ts';
import { metricsFor, type MetricDisplay } from '../../src/engine/analysis/metric-registry.ts';
import { groupColumns, peopleColumns } from '../../src/viz/components/people-columns.ts';
import { createViewModel } from '../../src/viz/state/view-model.ts';
import { runAnalysis } from '../../src/engine/analysis/run-analysis.ts';
import { importFiles } from '../../src/engine/io/import-files.ts';
import { orThrow } from '../../src/engine/core/util/result.ts';
import { ProjectSchema } from '../../src/engine/core/model/project.ts';
import { resultContext } from '../../src/engine/report/build-report.ts';

const cell = fc.oneof(fc.double({ noNaN: false }), fc.constant(Number.NaN), fc.constant(-0), fc.constant(0), fc.integer({ min: -3, max: 3 }));

describe('table cells read as the registry says', () => {
  it('ranks a value among a column exactly as percentileOf does, blanks left out', () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 40 }), cell, (values, probe) => {
        const column = Float64Array.from(values);
        const rank = percentileRanker(column);
        for (const v of [...values, probe]) expect(rank(v)).toBeCloseTo(percentileOf(column, v), 9);
      }),
    );
  });

  it('gives every person the text measureText gives, for every kind of measure', () => {
    const displays: MetricDisplay[] = ['count', 'share', 'percentile', 'group', 'flag'];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double({ min: 0, max: 50, noNaN: true }), fc.constant(Number.NaN), fc.constantFrom(0, 1, 2)), { minLength: 1, maxLength: 40 }), (values) => {
        const column = Float64Array.from(values);
        for (const display of displays) {
          const read = measureReader({ display }, column);
          for (let i = 0; i < column.length; i++) expect(read(column[i]!)).toBe(measureText({ display }, column, i));
        }
      }),
    );
  });

  it('reads a score among ten people as a band, not a decimal', () => {
    const column = Float64Array.from([0.0599, 0.00437, 0, 0.01, 0.02, 0.03, 0.2, 0.004, 0.005, 0.006]);
    const read = measureReader({ display: 'percentile' }, column);
    expect(read(0.2)).toBe('top 10%');
    expect(read(0)).toBe('bottom 10%');
    expect(read(Number.NaN)).toBe('–');
    expect(measureReader({ display: 'share' }, column)(0.0599)).toBe('6%');
    expect(measureReader({ display: 'count' }, column)(1234)).toBe('1,234');
  });

  it('keeps the exact value for the tooltip, percentiles short of 100, and marks estimated headers', () => {
    expect(exactValue(0.059912345678)).toBe('0.0599123');
    expect(exactValue(1234)).toBe('1,234');
    expect(exactValue(Number.NaN)).toBe('no value');
    expect(exactValue('Nonprofit')).toBe('Nonprofit');
    expect(percentText(75)).toBe('75');
    expect(percentText(99.64)).toBe('99.6');
    expect(percentText(100)).toBe('100');
    expect(percentText(0.36)).toBe('0.4');
    expect(percentText(0)).toBe('0');
    expect(measureHeader({ label: 'Bridging', estimated: true }, true)).toBe('Bridging (estimate)');
    expect(measureHeader({ label: 'Bridging', estimated: true }, false)).toBe('Bridging');
    expect(measureHeader({ label: 'Connections', estimated: false }, true)).toBe('Connections');
  });
});

describe('which columns show', () => {
  const ids = (context: { directed: boolean; insights: boolean; events: boolean }) => metricsFor('table', context).map((m) => m.id);

  it('shows two attributes that say more than yes or no and five key measures by default', () => {
    const attributes = (...keys: string[]) => keys.map((key) => ({ key, values: key === 'responded' ? ['true', 'false'] : ['a', 'b'] }));
    expect(defaultPeopleColumns(attributes('responded', 'organization', 'sector', 'region'), ids({ directed: false, insights: true, events: false }))).toEqual({
      attributes: ['organization', 'sector'],
      measures: ['degree', 'betweenness', 'reach2', 'peripheryScore', 'pagerank'],
    });
    expect(defaultPeopleColumns(attributes('team'), ids({ directed: true, insights: true, events: false })).measures).toEqual(['degree', 'inDegree', 'betweenness', 'reach2', 'peripheryScore']);
    expect(defaultPeopleColumns([], ids({ directed: false, insights: false, events: false }))).toEqual({ attributes: [], measures: ['degree', 'betweenness', 'pagerank', 'closeness', 'coreness'] });
    // Tops up in registry order when few key measures exist.
    expect(defaultPeopleColumns([], ['clustering', 'degree', 'eigenvector'])).toEqual({ attributes: [], measures: ['degree', 'clustering', 'eigenvector'] });
  });

  it('keeps the first column, shows what the reader ticked, and new columns as their default says', () => {
    const columns = [{ key: 'name' }, { key: 'a' }, { key: 'b', optional: true }, { key: 'c', optional: true }];
    const keys = (choice: Parameters<typeof shownColumns>[1]) => shownColumns(columns, choice).map((c) => c.key);
    expect(keys(null)).toEqual(['name', 'a']);
    const withB = toggleColumn(columns, null, 'b', true);
    expect(keys(withB)).toEqual(['name', 'a', 'b']);
    const withoutA = toggleColumn(columns, withB, 'a', false);
    expect(keys(withoutA)).toEqual(['name', 'b']);
    // The name cannot be hidden.
    expect(keys(toggleColumn(columns, withoutA, 'name', false))).toEqual(['name', 'b']);
    // A later table with a new default column and a new optional one.
    const later = [...columns, { key: 'd' }, { key: 'e', optional: true }];
    expect(shownColumns(later, withoutA).map((c) => c.key)).toEqual(['name', 'b', 'd']);
  });
});

describe('the people and group tables of an analysis', async () => {
  const people = 'name,email,organization,sector\nAna,ana@example.org,Transit,Government\nBen,ben@example.org,Oak,Nonprofit\nCara,cara@example.org,Oak,Nonprofit\nDan,dan@example.org,Transit,Government\nEve,eve@example.org,Pine,Business\n';
  const ties = 'source,target\nAna,Ben\nAna,Cara\nBen,Cara\nCara,Dan\nDan,Eve\n';
  const { value: dataset } = orThrow(
    importFiles([
      { name: 'people.csv', text: people },
      { name: 'ties.csv', text: ties },
    ]),
  );
  const now = new Date().toISOString();
  const project = ProjectSchema.parse({ format: 'netweave-project', version: 1, id: 'p', name: 'test', createdAt: now, updatedAt: now, dataset });
  const analysis = await runAnalysis(dataset);
  const vm = createViewModel(project, analysis);
  const columns = peopleColumns(vm);
  const row = (name: string) => vm.ids.indexOf(name);
  const text = (key: string, name: string) => {
    const c = columns.find((c) => c.key === key)!;
    const v = c.value(row(name));
    return c.format ? c.format(v) : String(v);
  };

  it('shows name, group, two attributes and five measures; every other measure and attribute is in the chooser', () => {
    expect(shownColumns(columns, null).map((c) => c.label)).toEqual(['Name', 'Group', 'organization', 'sector', 'Connections', 'Bridging', 'Influence (PageRank)', 'At the edge', 'Reach in 2 steps']);
    const offered = columns.map((c) => c.key);
    expect(offered).toContain('attr:email');
    for (const m of metricsFor('table', resultContext(analysis))) expect(offered).toContain(m.id);
    // Every measure column's header explains it.
    for (const c of columns.filter((c) => c.numeric && c.key !== 'group')) expect(c.title, c.key).toBeTruthy();
  });

  it('makes an attribute column numeric when every value given is a number, blanks aside', async () => {
    const team = ProjectSchema.parse({ format: 'netweave-project', version: 1, id: 'q', name: 'team', createdAt: now, updatedAt: now, dataset: {
      ...dataset,
      people: dataset.people.map((p, i) => ({ ...p, attributes: { ...p.attributes, years: i === 2 ? '' : i + 1, note: i === 0 ? 'new' : 3 } })),
    } });
    const teamColumns = peopleColumns(createViewModel(team, await runAnalysis(team.dataset)));
    expect(teamColumns.find((c) => c.key === 'attr:years')?.numeric).toBe(true);
    expect(teamColumns.find((c) => c.key === 'attr:note')?.numeric).toBeFalsy();
    expect(teamColumns.find((c) => c.key === 'attr:sector')?.numeric).toBeFalsy();
  });

  it('reads cells in plain words and sorts by the raw value, which the tooltip gives', () => {
    expect(text('degree', 'Cara')).toBe('3');
    expect(text('group', 'Ana')).toMatch(/^Group \d+$/);
    expect(text('betweenness', 'Cara')).toMatch(/^(top|bottom|middle)/);
    // At the edge reads in its own words: Eve (one tie) is furthest out, Cara (the hub) is not at the edge.
    expect(text('peripheryScore', 'Eve')).toMatch(/^furthest out \d+%$/);
    expect(text('peripheryScore', 'Cara')).toMatch(/^(furthest in \d+%|middle)$/);
    expect(text('reach2', 'Eve')).toMatch(/^\d+%$/);
    const bridging = columns.find((c) => c.key === 'betweenness')!;
    expect(typeof bridging.value(row('Cara'))).toBe('number');
    expect(bridging.cellTitle!(bridging.value(row('Cara')))).toMatch(/^[\d.]+$/);
    expect(text('attr:sector', 'Eve')).toBe('Business');
  });

  it('numbers groups from 1 and reads their density as a percentage', () => {
    const groups = groupColumns(vm);
    const group = groups.find((c) => c.key === 'group')!;
    expect(group.format!(group.value(0))).toBe('Group 1');
    const density = groups.find((c) => c.key === 'density')!;
    expect(density.format!(density.value(0))).toMatch(/^\d+%$/);
  });
});
