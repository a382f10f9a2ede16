/**
 * The files mutations start from, per reader: the real files in test/fixtures (exports of Gephi,
 * yEd, networkx, igraph, SocNetV, Pajek, UCINET, survey tools, Kumu, Network Canvas) and small
 * workbooks. Files above SEED_MAX_BYTES are left out, so one run stays quick.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { workbook, workbookOf } from '../helpers/workbook.ts';
import { attendanceTemplateCsv } from '../../src/engine/features/convenings/attendance-template.ts';
import { mentorshipsTemplateCsv } from '../../src/engine/features/mentorship/mentorships-template.ts';
import { abilitiesTemplateCsv } from '../../src/engine/features/skills/leadership-abilities.ts';
import { systemMapActorsTemplateCsv, systemMapFactorsTemplateCsv, systemMapLinksTemplateCsv } from '../../src/engine/features/systemmap/templates.ts';
import { edgeListTemplateCsv, peopleTemplateCsv } from '../../src/engine/io/network-templates.ts';

const SEED_MAX_BYTES = Number(process.env.FUZZ_SEED_MAX ?? 20_000);
const FIXTURES = new URL('../fixtures/', import.meta.url);

export interface Seed {
  /** The name the mutated file keeps (Network Canvas files are told apart by it), else `input.<ext>`. */
  name?: string;
  bytes: Uint8Array;
}

/** Fixture files under a folder of test/fixtures with one of the endings. */
function files(folder: string, endings: readonly string[]): Seed[] {
  const dir = new URL(`${folder}/`, FIXTURES);
  return readdirSync(dir)
    .filter((f) => endings.some((e) => f.endsWith(e)) && statSync(new URL(f, dir)).size <= SEED_MAX_BYTES)
    .sort()
    .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(new URL(f, dir))) }));
}
const unnamed = (seeds: Seed[]): Seed[] => seeds.map(({ bytes }) => ({ bytes }));
const text = (t: string): Seed => ({ bytes: new TextEncoder().encode(t) });

const TABLE_ROWS = [
  ['source', 'target', 'weight', 'relation'],
  ['Maria Lopez', 'Jin Chen', '2', 'advice'],
  ['Jin Chen', 'Bob Smith', '1', 'friends'],
  ['Bob Smith', '=1+1', '3', 'advice'],
];

export function seedsOf(reader: string): Seed[] {
  switch (reader) {
    case 'edges': return [text(edgeListTemplateCsv()), ...unnamed(files('ingest', ['.csv', '.tsv'])), ...unnamed(files('skills', ['ties.csv']))];
    case 'nodes': return [text(peopleTemplateCsv()), ...unnamed(files('skills', ['people.csv', 'people-checkbox.csv'])), ...unnamed(files('survey', ['roster.csv']))];
    case 'adjacency': return unnamed(files('formats/adjlist', ['gephi-docs-adjacency.csv'])).concat(text(',a,b,c\na,0,1,2\nb,1,0,0\nc,2,0,0\n'));
    case 'gexf': return unnamed([...files('formats/gexf', ['.gexf']), ...files('formats/hostile', ['.gexf']), ...files('ingest', ['.gexf'])]);
    case 'graphml': return unnamed([...files('formats/graphml', ['.graphml']), ...files('formats/hostile', ['.graphml']), ...files('ingest', ['.graphml'])]);
    case 'pajek': return unnamed([...files('formats/pajek', ['.net', '.paj']), ...files('formats/pajek/written', ['.net', '.paj'])]);
    case 'ucinet': return unnamed(files('formats/ucinet', ['.dl']));
    case 'vna': return unnamed(files('formats/vna', ['.vna']));
    case 'gml': return unnamed(files('formats/gml', ['.gml']));
    case 'dot': return unnamed(files('formats/dot', ['.gv', '.dot']));
    case 'edgelist': return unnamed(files('formats/edgelist', ['.ncol', '.edgelist', '.txt']));
    case 'adjlist': return unnamed(files('formats/adjlist', ['.adjlist', '.lst', '.csv']));
    case 'graphology': return unnamed(files('formats/graphology', ['.json']));
    case 'gephi-lite': return unnamed(files('formats/gephi-lite', ['.json'])).concat(text('{"type":"gephi-lite","version":"1.0.0","graphDataset":{"fullGraph":{"options":{"type":"mixed"},"nodes":[{"key":"a"},{"key":"b"}],"edges":[{"key":"e","source":"a","target":"b"}]},"nodeData":{"a":{"label":"A"}},"edgeData":{"e":{"weight":2}}}}'));
    case 'json': return unnamed(files('ingest', ['.json']));
    case 'kumu': return unnamed(files('systemmap', ['.json'])).concat(unnamed(files('systemmap/coalition', ['.json'])));
    case 'xlsx-edges': return [{ bytes: workbook(TABLE_ROWS) }];
    case 'xlsx-table': return [{ bytes: workbook(TABLE_ROWS) }, { bytes: workbookOf({ Notes: [['read me']], Ties: TABLE_ROWS }) }];
    case 'survey': return unnamed(files('survey', ['.csv']).filter((s) => s.name !== 'roster.csv'));
    case 'attendance': return [text(attendanceTemplateCsv())];
    case 'mentorships': return [text(mentorshipsTemplateCsv())];
    case 'abilities': return [text(abilitiesTemplateCsv()), ...unnamed(files('skills', ['abilities-good.csv', 'abilities-bad.csv']))];
    case 'map-links': return [text(systemMapLinksTemplateCsv()), ...unnamed(files('systemmap/sir', ['links.csv'])), ...unnamed(files('systemmap/coalition', ['links.csv']))];
    case 'map-factors': return [text(systemMapFactorsTemplateCsv()), ...unnamed(files('systemmap/sir', ['factors.csv']))];
    case 'map-actors': return [text(systemMapActorsTemplateCsv()), ...unnamed(files('systemmap/coalition', ['actors.csv']))];
    case 'map-kumu': return unnamed(files('systemmap', ['.json'])).concat(unnamed(files('systemmap/coalition', ['.json'])));
    case 'map-graphml': return unnamed(files('systemmap', ['.graphml']));
    case 'network-canvas': return files('formats/network-canvas', ['.csv']).filter((s) => s.name !== 'roster.csv');
    case 'network-canvas-graphml': return unnamed(files('formats/network-canvas', ['.graphml']));
    default: throw new Error(`no seeds for ${reader}`);
  }
}
