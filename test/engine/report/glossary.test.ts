/**
 * The README's metric glossary is generated from the metric registry: this fails when someone
 * changes the registry without running `npm run docs`.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { metricGlossaryMarkdown, withMetricGlossary } from '../../../src/engine/report/glossary.ts';
import { METRICS } from '../../../src/engine/analysis/metric-registry.ts';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

describe('the metric glossary', () => {
  it('has one row per registry measure with its plain name, explanation and reference', () => {
    const table = metricGlossaryMarkdown();
    for (const m of METRICS) {
      const row = table.split('\n').find((line) => line.includes(`(\`${m.id}\`)`));
      expect(row, m.id).toBeDefined();
      expect(row).toContain(m.label);
      expect(row).toContain(m.explanation);
    }
  });

  it('is current in the README (run `npm run docs` after changing the registry)', () => {
    expect(readme).toContain(metricGlossaryMarkdown());
    expect(withMetricGlossary(readme)).toBe(readme);
  });
});
