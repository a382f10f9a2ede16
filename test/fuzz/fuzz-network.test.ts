/** Fuzzing the network formats (see suite.ts): every reader `importFiles` dispatches to. */
import { fuzzReaders } from './suite.ts';

fuzzReaders(['edges', 'nodes', 'adjacency', 'gexf', 'graphml', 'pajek', 'ucinet', 'vna', 'gml', 'dot', 'edgelist', 'adjlist', 'graphology', 'gephi-lite', 'json', 'kumu']);
