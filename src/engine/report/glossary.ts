/**
 * Plain-words names and one-line explanations: the per-person measures come from the metric
 * registry (analysis/metric-registry.ts); the network summary's figures are named here. The
 * README's glossary table is generated from the registry (`npm run docs`), and a test fails when
 * it is stale.
 */
import { METRICS } from '../analysis/metric-registry.ts';

export const SUMMARY_GLOSSARY: Record<string, { name: string; explanation: string }> = {
  nodes: { name: 'People', explanation: 'Everyone in the network, including those with no ties yet.' },
  edges: { name: 'Ties', explanation: 'Relationships between pairs of people (several relations between the same pair count once).' },
  density: { name: 'Density', explanation: 'The share of all possible ties that exist. Coalitions above a few dozen people are rarely dense; what matters is that no one is cut off.' },
  components: { name: 'Separate parts', explanation: 'Groups with no tie between them. More than one means some people cannot reach the rest of the coalition at all.' },
  largestComponentShare: { name: 'Connected share', explanation: 'The share of people in the largest connected part: how much of the coalition can reach each other.' },
  averagePathLength: { name: 'Average steps apart', explanation: 'How many introductions separate two people on average: lower means information and trust travel faster.' },
  transitivity: { name: 'Triangles', explanation: 'How often two of a person\'s contacts also know each other: high values mean tight-knit clusters.' },
  reciprocity: { name: 'Two-way ties', explanation: 'The share of named relationships that go both ways.' },
  modularity: { name: 'How separate the groups are', explanation: 'How much more the ties stay inside groups than chance would give (modularity): above 40%, groups may work in silos and need bridges.' },
  communities: { name: 'Groups', explanation: 'The number of densely tied groups found by the Louvain method.' },
};

export const GLOSSARY_START = '<!-- metric-glossary:start (generated from src/engine/analysis/metric-registry.ts by `npm run docs`) -->';
export const GLOSSARY_END = '<!-- metric-glossary:end -->';

const cell = (text: string): string => text.replace(/\|/g, '\\|');

/** The README's table of per-person measures, one row per registry entry. */
export function metricGlossaryMarkdown(): string {
  const when = (m: (typeof METRICS)[number]): string =>
    [m.scope === 'directed' ? 'directed networks' : '', 'requires' in m ? (m.requires === 'insights' ? 'with people insights' : 'with attendance') : '', m.estimated ? 'estimated above the sampling threshold' : '']
      .filter(Boolean)
      .join('; ');
  const rows = METRICS.map((m) => `| ${cell(m.label)} (\`${m.id}\`) | ${cell(m.explanation)} | ${cell(m.reference)} | ${when(m) || 'always'} |`);
  return [GLOSSARY_START, '| measure | in plain words | follows | when |', '|---|---|---|---|', ...rows, GLOSSARY_END].join('\n');
}

/** `readme` with its glossary table replaced by the current one (unchanged if the markers are missing). */
export function withMetricGlossary(readme: string): string {
  const start = readme.indexOf(GLOSSARY_START);
  const end = readme.indexOf(GLOSSARY_END);
  if (start < 0 || end < start) return readme;
  return readme.slice(0, start) + metricGlossaryMarkdown() + readme.slice(end + GLOSSARY_END.length);
}
