/**
 * Network health: the headline figures in plain words (counts, percentages), each with a line on
 * what it means for a coalition, what stands out, and the connections per person as a chart.
 */
import type { AnalysisResult } from '../../engine/analysis/analysis-result.ts';
import { SUMMARY_GLOSSARY } from '../../engine/report/glossary.ts';
import { histogram } from './histogram.ts';
import { boundWords, count, share } from '../format/readable.ts';
import { accessibleChart, useChart } from './chart.ts';

function Figure({ name, value }: { name: keyof typeof SUMMARY_GLOSSARY & string; value: string }) {
  const info = SUMMARY_GLOSSARY[name]!;
  return (
    <div class="figure">
      <div class="figure-value">{value}</div>
      <div class="figure-name">{info.name}</div>
      <p class="explain">{info.explanation}</p>
    </div>
  );
}

/** Connections per person, counted into about 20 bars (not one value per person). */
function DegreeChart({ degree }: { degree: Float64Array }) {
  const host = useChart((Plot) => {
    const bins = histogram(degree, { bins: 20, integers: true });
    const chart = Plot.plot({
      height: 180,
      width: 320,
      marginLeft: 40,
      x: { label: 'connections per person', round: true },
      y: { label: 'people', grid: true },
      marks: [Plot.rectY(bins, { x1: 'x1', x2: 'x2', y: 'count', fill: '#0072B2', inset: 0.5 }), Plot.ruleY([0])],
      ariaLabel: 'Degree distribution: how many people have each number of connections',
    });
    return accessibleChart(chart);
  }, [degree]);
  return <div class="chart" ref={host} />;
}

/** Steps apart, one decimal ("2.4"): an average of whole steps, read as such. */
const steps = (value: number | null): string => (value === null ? '–' : (Math.round(value * 10) / 10).toLocaleString('en'));

export function SummaryPanel({ analysis }: { analysis: AnalysisResult }) {
  const f = analysis.figures;
  const readings: string[] = [];
  const approx = f.approximation;
  // Bridging is a share of all shortest paths (0 to 1): its error bound reads as points out of 100.
  const bound = f.betweennessBound;
  if (bound && bound.method === 'shortest-path sampling') {
    readings.push(`Estimated: this network is large, so bridging comes from ${count(bound.samples)} sampled shortest paths (${boundWords(bound)}), and closeness and reach from ${count(approx?.samples ?? 0)} sampled people.`);
  } else if (approx) {
    readings.push(`Estimated: bridging, closeness and reach come from ${count(approx.samples)} sampled people; with ${Math.round((1 - approx.delta) * 100)}% confidence each person's bridging is within ${(Math.round(approx.epsilon * 1000) / 10).toLocaleString('en')} points (out of 100) of the exact figure.`);
  }
  if (f.isolates > 0) readings.push(`${count(f.isolates)} ${f.isolates === 1 ? 'person has' : 'people have'} no ties in the chosen relations: the first people to engage.`);
  if (f.components > 1) readings.push(`The network falls into ${count(f.components)} separate parts; ${share(f.largestComponentSize / f.nodes)} of people are in the largest.`);
  if (f.modularity > 0.4) readings.push('Groups are quite separate: people who bridge them matter.');
  const settings = analysis.settings;
  return (
    <div class="summary">
      <h2>Network health</h2>
      <p class="muted">
        Relations: {settings.relations.join(', ') || 'none'} · {settings.directed ? 'directed' : 'undirected'} · {settings.weight === 'none' ? 'unweighted' : `weights read as ${settings.weight}`}
      </p>
      {readings.length > 0 && (
        <ul class="readings">
          {readings.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
      <div class="figures">
        <Figure name="nodes" value={count(f.nodes)} />
        <Figure name="edges" value={count(f.edges)} />
        <Figure name="density" value={share(f.density)} />
        <Figure name="components" value={count(f.components)} />
        <Figure name="largestComponentShare" value={share(f.nodes > 0 ? f.largestComponentSize / f.nodes : 0)} />
        <Figure name="averagePathLength" value={steps(f.averagePathLength)} />
        <Figure name="transitivity" value={share(f.transitivity)} />
        {f.reciprocity !== null && <Figure name="reciprocity" value={share(f.reciprocity)} />}
        <Figure name="modularity" value={share(f.modularity)} />
        <Figure name="communities" value={count(f.communities)} />
      </div>
      {analysis.reciprocity.length > 1 && (
        <div>
          <h3>Two-way ties by question</h3>
          <p class="explain">Of the people named in each question, the share who named the respondent back.</p>
          <ul>
            {analysis.reciprocity.map((r) => (
              <li key={`${r.relation} ${r.wave ?? ''}`}>
                {r.relation}
                {r.wave ? ` (${r.wave})` : ''}: {share(r.reciprocity)} of {count(r.ties)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <h3>Connections per person</h3>
      <p class="explain">Most networks have many people with few ties and a few with many. A long tail to the right means a few hubs hold the network together.</p>
      <DegreeChart degree={analysis.table.columns.degree} />
      {analysis.warnings.length > 0 && (
        <ul class="warnings">
          {analysis.warnings.map((w) => (
            <li key={w.code + w.message}>{w.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
