/**
 * The import dialog's words: each file kind by name (the kind menu) and as a noun in a sentence,
 * and what netweave thinks a file holds and why, or that it is not sure, from the engine's
 * verdict (src/engine/project/file-kinds.ts); what each Kumu element type is read as.
 */
import type { FileKind, KindVerdict } from '../../engine/project/file-kinds.ts';
import type { KumuTypeCount, KumuTypeRole, KumuTypeRoles } from '../../engine/io/kumu-types.ts';

/** The kind menu's entries, in the order FILE_KINDS offers them. */
export const KIND_LABELS: Record<FileKind, string> = {
  edges: 'Ties (edge list: one row per relationship)',
  nodes: 'People (node list: one row per person)',
  adjacency: 'Matrix (names across the top and down the side)',
  survey: 'Relationship survey (a form export: one row per respondent)',
  roster: 'Roster (the people the survey went to)',
  attendance: 'Convening attendance (person, event, date)',
  mentorships: 'Mentorship pairs (mentor, mentee, season)',
  abilities: 'Leadership abilities self-assessment (name, then a score per ability)',
  results: 'Results: results, indicators, strategies, actions or commitments (or a scorecard export)',
  'map-links': 'System map: causal links (from, to, + or −)',
  'map-factors': 'System map: factors (label, description, tags)',
  'map-actors': 'System map: who works on which factor',
  'map-kumu': 'System map: Kumu blueprint (JSON) or workbook (Excel)',
  kumu: 'People network: Kumu blueprint (JSON) or workbook (Excel)',
  'map-graphml': 'System map: GraphML',
  gexf: 'GEXF graph (Gephi)',
  graphml: 'GraphML graph (yEd, Cytoscape, SocNetV)',
  pajek: 'Pajek network (.net, .paj)',
  ucinet: 'UCINET DL file',
  vna: 'NetDraw VNA file',
  gml: 'GML graph',
  dot: 'Graphviz DOT graph',
  graphology: 'graphology JSON (Gephi Lite, sigma)',
  'gephi-lite': 'Gephi Lite project (JSON)',
  edgelist: 'Ties without a header (SNAP, NCOL, networkx: two names per line)',
  adjlist: 'Adjacency list (a person, then whom they name, on each line)',
  json: 'netweave dataset (JSON)',
  'network-canvas': 'Network Canvas interviews (CSV export: ego, attribute and edge lists)',
  'network-canvas-graphml': 'Network Canvas interviews (GraphML export)',
};

/** Each kind as it reads inside a sentence ("Looks like a list of ties"). */
export const KIND_NOUNS: Record<FileKind, string> = {
  edges: 'a list of ties',
  nodes: 'a list of people',
  adjacency: 'a matrix of ties',
  survey: 'a relationship survey',
  roster: "the survey's roster",
  attendance: 'convening attendance',
  mentorships: 'mentorship pairs',
  abilities: 'a leadership abilities self-assessment',
  results: 'a results file (results-based accountability)',
  'map-links': 'the causal links of a system map',
  'map-factors': 'the factors of a system map',
  'map-actors': 'who works on which factor of a system map',
  'map-kumu': 'a Kumu system map',
  kumu: 'a Kumu network of people',
  'map-graphml': 'a system map in GraphML',
  gexf: 'a GEXF graph',
  graphml: 'a GraphML graph',
  pajek: 'a Pajek network',
  ucinet: 'a UCINET DL file',
  vna: 'a NetDraw VNA file',
  gml: 'a GML graph',
  dot: 'a Graphviz DOT graph',
  graphology: 'a graphology JSON graph',
  'gephi-lite': 'a Gephi Lite project',
  edgelist: 'a list of ties without a header',
  adjlist: 'an adjacency list',
  json: 'a netweave dataset',
  'network-canvas': 'part of a Network Canvas export (interviews)',
  'network-canvas-graphml': 'Network Canvas interviews in GraphML',
};

/** `a`, `a or b`, `a, b or c`. */
function either(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`;
}

export interface KindWords {
  /** True when the user still has to say what the file holds. */
  unsure: boolean;
  /** What netweave thinks the file holds and why, or that it is not sure and what it could be. */
  text: string;
  /** Other kinds the file fits, when netweave is sure of one. */
  alsoFits?: string;
}

/**
 * What the card says about a file: `kind` is the kind it will be read as (the user's choice or
 * the verdict's), null while nobody has said.
 */
export function kindWords(verdict: KindVerdict, kind: FileKind | null): KindWords {
  if (kind === null) {
    if (verdict.candidates.length === 0) {
      return { unsure: true, text: `Not sure what this file holds${verdict.reason ? `: ${verdict.reason}` : ''}. Choose what it holds to import it.` };
    }
    const options = verdict.candidates.map((c) => KIND_NOUNS[c.kind]);
    return { unsure: true, text: `Not sure what this file holds: it could be ${either(options)}. Choose which it is to import it.` };
  }
  const evidence = verdict.candidates.find((c) => c.kind === kind);
  if (verdict.sure && verdict.kind === kind) {
    const others = verdict.candidates.filter((c) => c.kind !== kind).map((c) => KIND_NOUNS[c.kind]);
    return {
      unsure: false,
      text: `Looks like ${KIND_NOUNS[kind]}: ${evidence?.found ?? 'as detected'}.`,
      ...(others.length > 0 ? { alsoFits: `It could also be read as ${either(others)}: choose another kind if so.` } : {}),
    };
  }
  return { unsure: false, text: `Read as ${KIND_NOUNS[kind]}, as you chose${evidence ? ` (${evidence.found})` : ''}.` };
}

/** What a Kumu element type can be read as, in the type mapping's menus. */
export const TYPE_ROLE_LABELS: Record<KumuTypeRole, string> = {
  person: 'a person',
  organisation: 'an organisation',
  factor: 'a system factor',
  'leave out': 'left out',
};

/** A Kumu element type as the mapping shows it: as written, or "(no type)". */
export function typeName(type: string): string {
  return type === '' ? '(no type)' : type;
}

/** The mapping in one line: `Interviewee (12) → person, Organization (3) → organisation, Factor (9) → system factor`. */
export function typeMappingText(types: readonly KumuTypeCount[], roles: KumuTypeRoles): string {
  const short: Record<KumuTypeRole, string> = { person: 'person', organisation: 'organisation', factor: 'system factor', 'leave out': 'left out' };
  return types.map((t) => `${typeName(t.type)} (${t.count.toLocaleString('en')}) → ${short[Object.prototype.hasOwnProperty.call(roles, t.type) ? roles[t.type]! : 'factor']}`).join(', ');
}
