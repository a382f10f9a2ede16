/**
 * Plain-words names and one-line explanations of every metric, shared by the app, the CLI and
 * the README glossary. `networkx` names the function whose definition the metric follows.
 */
export interface MetricInfo {
  id: string;
  name: string;
  explanation: string;
  networkx: string;
}

export const METRIC_GLOSSARY: MetricInfo[] = [
  { id: 'degree', name: 'Connections', explanation: 'How many people this person is directly tied to.', networkx: 'G.degree' },
  { id: 'inDegree', name: 'Named by', explanation: 'How many people named this person (ties pointing to them).', networkx: 'G.in_degree' },
  { id: 'outDegree', name: 'Names', explanation: 'How many people this person named (ties pointing away from them).', networkx: 'G.out_degree' },
  { id: 'strength', name: 'Tie strength', explanation: 'The sum of the weights of this person\'s ties: many or strong ties give a high value.', networkx: 'G.degree(weight="weight")' },
  { id: 'degreeCentrality', name: 'Share connected', explanation: 'The share of everyone else this person is directly tied to.', networkx: 'degree_centrality' },
  { id: 'betweenness', name: 'Bridging', explanation: 'How often this person lies on the shortest path between two others: high values bridge groups that would otherwise be far apart.', networkx: 'betweenness_centrality (normalized)' },
  { id: 'closeness', name: 'Closeness', explanation: 'How few steps it takes to reach this person from everyone else; scaled down when part of the network cannot reach them.', networkx: 'closeness_centrality (wf_improved)' },
  { id: 'harmonic', name: 'Reach', explanation: 'The sum of 1/steps to every other person: like closeness, but also fair when the network has separate parts.', networkx: 'harmonic_centrality' },
  { id: 'eigenvector', name: 'Well-connected ties', explanation: 'High when this person is tied to people who are themselves well connected.', networkx: 'eigenvector_centrality_numpy' },
  { id: 'pagerank', name: 'Influence (PageRank)', explanation: 'The chance of arriving at this person when following ties at random; being named by influential people counts more.', networkx: 'pagerank (alpha 0.85)' },
  { id: 'clustering', name: 'Tight-knit circle', explanation: 'The share of this person\'s contacts who are also tied to each other.', networkx: 'clustering' },
  { id: 'coreness', name: 'Core level', explanation: 'The deepest layer of the network this person belongs to: in a k-core everyone has at least k ties inside it. Low values mean the edge of the network.', networkx: 'core_number' },
  { id: 'community', name: 'Group', explanation: 'The densely tied group (community) this person falls in, found by the Louvain method; group 1 is the largest.', networkx: 'community.louvain_communities' },
];

export const SUMMARY_GLOSSARY: Record<string, { name: string; explanation: string }> = {
  nodes: { name: 'People', explanation: 'Everyone in the network, including those with no ties yet.' },
  edges: { name: 'Ties', explanation: 'Relationships between pairs of people (several relations between the same pair count once).' },
  density: { name: 'Density', explanation: 'The share of all possible ties that exist. Coalitions above a few dozen people are rarely dense; what matters is that no one is cut off.' },
  components: { name: 'Separate parts', explanation: 'Groups with no tie between them. More than one means some people cannot reach the rest of the coalition at all.' },
  largestComponentShare: { name: 'Connected share', explanation: 'The share of people in the largest connected part: how much of the coalition can reach each other.' },
  averagePathLength: { name: 'Average steps apart', explanation: 'How many introductions separate two people on average: lower means information and trust travel faster.' },
  transitivity: { name: 'Triangles', explanation: 'How often two of a person\'s contacts also know each other: high values mean tight-knit clusters.' },
  reciprocity: { name: 'Two-way ties', explanation: 'The share of named relationships that go both ways.' },
  modularity: { name: 'Modularity', explanation: 'How strongly the network splits into separate groups (0 to 1): above 0.4, groups may work in silos and need bridges.' },
  communities: { name: 'Groups', explanation: 'The number of densely tied groups found by the Louvain method.' },
};
