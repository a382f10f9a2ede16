/**
 * Every reader the fuzz suite drives, by name, each from the entry point the app and the command
 * line use: the bytes are turned into a file as a dropped file is (`readSourceFile`: workbooks as
 * bytes, text through `decodeText`), then read. Each gives back the Result and, when it read
 * something, the dataset or system map, for check.ts to judge.
 */
import { readFileSync } from 'node:fs';
import type { Dataset } from '../../src/engine/core/model/dataset.ts';
import type { SystemMap } from '../../src/engine/core/model/systemmap.ts';
import type { InputIssue } from '../../src/engine/core/util/issues.ts';
import type { ImportKind } from '../../src/engine/io/detect-format.ts';
import { importFiles } from '../../src/engine/io/import-files.ts';
import { readSurveyTable } from '../../src/engine/io/read-table.ts';
import type { SourceFile } from '../../src/engine/io/types.ts';
import { readSourceFile } from '../../src/engine/io/workbook-detect.ts';
import { networkSource } from '../../src/engine/io/workbook-as-csv.ts';
import { importSurveyFiles } from '../../src/engine/features/survey/survey-files.ts';
import { importAbilities } from '../../src/engine/features/skills/abilities-import.ts';
import { importSystemMapFiles, type SystemMapFileKind } from '../../src/engine/features/systemmap/import-files.ts';
import { importNetworkCanvasFiles } from '../../src/engine/features/network-canvas/network-canvas-files.ts';
import { addProgramFiles } from '../../src/engine/project/add-program-files.ts';

/** What one reader gave back. */
export interface Reading {
  result: { ok: boolean; issues: InputIssue[] };
  dataset?: Dataset;
  map?: SystemMap;
}

export interface ReaderSpec {
  /** The file ending its inputs get (so detection by name agrees with the kind). */
  ext: string;
  /** Whether the format has rows or lines an error can name. */
  rows: boolean;
  read: (file: SourceFile) => Reading;
}

const FIXTURES = new URL('../fixtures/', import.meta.url);
const fixtureText = (path: string): string => readFileSync(new URL(path, FIXTURES), 'utf8');

/** A file as the app reads a dropped one. */
export function sourceFile(name: string, bytes: Uint8Array): Promise<SourceFile> {
  return readSourceFile(new File([bytes as Uint8Array<ArrayBuffer>], name));
}

/** A network file read as `kind`; a workbook first becomes CSV of its first sheet (unless read as Kumu), as the app does. */
function network(kind: ImportKind): (file: SourceFile) => Reading {
  return (given) => {
    const source = networkSource(given, kind);
    if (!source.ok) return { result: source };
    const result = importFiles([source.value], { kinds: { [given.name]: kind } });
    return { result: { ok: result.ok, issues: [...source.issues, ...result.issues] }, ...(result.ok ? { dataset: result.value } : {}) };
  };
}

function systemMap(kind: SystemMapFileKind): (file: SourceFile) => Reading {
  return (file) => {
    const result = importSystemMapFiles([{ ...file, kind }]);
    return { result, ...(result.ok ? { map: result.value } : {}) };
  };
}

/** The people program files and self-assessments are matched against: the survey roster and the skills sample. */
let base: Dataset | undefined;
function baseDataset(): Dataset {
  if (base !== undefined) return base;
  const read = importFiles(
    [
      { name: 'roster.csv', text: fixtureText('survey/roster.csv') },
      { name: 'people.csv', text: fixtureText('skills/people.csv') },
    ],
    { kinds: { 'roster.csv': 'nodes', 'people.csv': 'nodes' } },
  );
  if (!read.ok) throw new Error(`the fuzz base dataset does not import: ${JSON.stringify(read.issues)}`);
  return (base = read.value);
}

function program(kind: 'attendance' | 'mentorships'): (file: SourceFile) => Reading {
  return (file) => {
    const result = addProgramFiles(baseDataset(), [{ ...file, kind }]);
    return { result, ...(result.ok ? { dataset: result.value } : {}) };
  };
}

/** The Network Canvas CSV export the mutated file joins (the rest of the set, by name). */
const NC_SET = ['attributeList_Organization', 'attributeList_Person', 'edgeList_colleagues', 'edgeList_friends', 'ego'].map((part) => ({
  name: `FriendshipStudy_${part}.csv`,
  text: fixtureText(`formats/network-canvas/FriendshipStudy_${part}.csv`),
}));

export const READERS: Record<string, ReaderSpec> = {
  edges: { ext: 'csv', rows: true, read: network('edges') },
  nodes: { ext: 'csv', rows: true, read: network('nodes') },
  adjacency: { ext: 'csv', rows: true, read: network('adjacency') },
  gexf: { ext: 'gexf', rows: true, read: network('gexf') },
  graphml: { ext: 'graphml', rows: true, read: network('graphml') },
  pajek: { ext: 'net', rows: true, read: network('pajek') },
  ucinet: { ext: 'dl', rows: true, read: network('ucinet') },
  vna: { ext: 'vna', rows: true, read: network('vna') },
  gml: { ext: 'gml', rows: true, read: network('gml') },
  dot: { ext: 'gv', rows: true, read: network('dot') },
  edgelist: { ext: 'txt', rows: true, read: network('edgelist') },
  adjlist: { ext: 'adjlist', rows: true, read: network('adjlist') },
  graphology: { ext: 'json', rows: false, read: network('graphology') },
  'gephi-lite': { ext: 'json', rows: false, read: network('gephi-lite') },
  json: { ext: 'json', rows: false, read: network('json') },
  kumu: { ext: 'json', rows: false, read: network('kumu') },
  'xlsx-edges': { ext: 'xlsx', rows: true, read: network('edges') },
  'xlsx-table': {
    ext: 'xlsx',
    rows: true,
    read: (file) => ({ result: readSurveyTable(file) }),
  },
  survey: {
    ext: 'csv',
    rows: true,
    read: (file) => {
      const result = importSurveyFiles({ surveys: [file], roster: { name: 'roster.csv', text: fixtureText('survey/roster.csv') } });
      return { result, ...(result.ok ? { dataset: result.value.dataset } : {}) };
    },
  },
  attendance: { ext: 'csv', rows: true, read: program('attendance') },
  mentorships: { ext: 'csv', rows: true, read: program('mentorships') },
  abilities: {
    ext: 'csv',
    rows: true,
    read: (file) => ({ result: importAbilities(file, baseDataset().people) }),
  },
  'map-links': { ext: 'csv', rows: true, read: systemMap('map-links') },
  'map-factors': { ext: 'csv', rows: true, read: systemMap('map-factors') },
  'map-actors': { ext: 'csv', rows: true, read: systemMap('map-actors') },
  'map-kumu': { ext: 'json', rows: false, read: systemMap('map-kumu') },
  'map-graphml': { ext: 'graphml', rows: true, read: systemMap('map-graphml') },
  'network-canvas': {
    ext: 'csv',
    rows: true,
    read: (file) => {
      const others = NC_SET.filter((f) => f.name !== file.name);
      const result = importNetworkCanvasFiles({ files: [...others, file].map((f) => ({ ...f, kind: 'network-canvas' as const })) });
      return { result, ...(result.ok ? { dataset: result.value.dataset } : {}) };
    },
  },
  'network-canvas-graphml': {
    ext: 'graphml',
    rows: true,
    read: (file) => {
      const result = importNetworkCanvasFiles({ files: [{ ...file, kind: 'network-canvas-graphml' }] });
      return { result, ...(result.ok ? { dataset: result.value.dataset } : {}) };
    },
  },
};
