/**
 * netweave's layers, checked by dependency-cruiser (https://github.com/sverweij/dependency-cruiser).
 *
 * `npm test` runs these rules over src/ (test/architecture/layers.test.ts) and fails on any
 * violation; `npm run deps` prints them for humans. Every rule also applies to type-only imports
 * (`import type`): with `tsPreCompilationDeps: true` the cruise sees the TypeScript source before
 * type imports are erased, so a type from a higher tier is as forbidden as a value.
 *
 * The engine (src/engine) is stacked in tiers, lowest first. A file may import its own tier and
 * any tier below it, never one above:
 *
 *   core/util < core/model < core/graph < io < people < algorithms < features
 *     < analysis < report < export < project          (and src/engine/index.ts above them all)
 *
 * Inside algorithms/ and features/ the subfolders may import each other as long as no two folders
 * end up importing each other (the folder-level cycle check in the test).
 */

/** The engine's tiers, lowest first: `path` matches the files of the tier. */
const TIERS = [
  {
    name: 'core/util',
    path: '^src/engine/core/util/',
    holds: 'input issues and errors, seeded random numbers, progress and cancellation, a min-heap',
    why: 'it is the toolbox everything else uses, so it can know nothing about what uses it',
  },
  {
    name: 'core/model',
    path: '^src/engine/core/model/',
    holds: 'the zod schemas and types of every record (dataset, project, survey, system map)',
    why: 'the records are the shared vocabulary; they must not depend on code that reads or analyses them',
  },
  {
    name: 'core/graph',
    path: '^src/engine/core/graph/',
    holds: 'the graph built from a dataset and its compact CSR arrays',
    why: 'every algorithm runs on it, so it must not reach up into readers or algorithms',
  },
  {
    name: 'io',
    path: '^src/engine/io/',
    holds: 'one reader and one writer per file format, table reading, format detection',
    why: 'reading and writing files must not depend on what the analysis later does with the records',
  },
  {
    name: 'people',
    path: '^src/engine/people/',
    holds: 'name normalisation, matching and resolution of written names to people',
    why: 'every feature that names people uses it, so it must not depend on any of them',
  },
  {
    name: 'algorithms',
    path: '^src/engine/algorithms/',
    holds: 'network measures on the CSR: metrics, communities, brokerage, periphery, reach, equity',
    why: 'algorithms are general graph mathematics; features and the pipeline build on them, not the reverse',
  },
  {
    name: 'features',
    path: '^src/engine/features/',
    holds: 'program features: survey, convenings, mentorship, matching, weaving, skills, change, system maps',
    why: 'features are the pieces the analysis pipeline assembles; they must not call the pipeline back',
  },
  {
    name: 'analysis',
    path: '^src/engine/analysis/',
    holds: 'the analysis pipeline: metrics, people insights, wave comparison, the worker payload',
    why: 'the pipeline produces one result; the report and exports are projections of it, so it must not call them',
  },
  {
    name: 'report',
    path: '^src/engine/report/',
    holds: 'the JSON report built from an analysis, its types and the metric glossary',
    why: 'the report is one projection of the analysis; exports and projects must not be part of it',
  },
  {
    name: 'export',
    path: '^src/engine/export/',
    holds: 'exports of an analysis: metrics CSV, graph files',
    why: 'exports are the last projection of a result; project files and import previews sit above them',
  },
  {
    name: 'project',
    path: '^src/engine/project/',
    holds: 'the saved project file, import previews, program files added to an open project',
    why: 'it is the highest tier: only src/engine/index.ts sits above it',
  },
];

/** One rule per tier: nothing in it imports a tier above it. */
const tierRules = TIERS.slice(0, -1).map((tier, i) => {
  const above = TIERS.slice(i + 1);
  return {
    name: `tier-${tier.name.replace('/', '-')}`,
    comment:
      `${tier.name} (${tier.holds}) is tier ${i + 1} of ${TIERS.length} in src/engine. ` +
      `It must not import ${above.map((t) => t.name).join(', ')}: ${tier.why}. ` +
      'Move the shared code down to the tier that owns it, or the caller up.',
    severity: 'error',
    from: { path: tier.path },
    to: { path: above.map((t) => t.path) },
  };
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...tierRules,
    {
      name: 'engine-not-to-app',
      comment:
        'src/engine is pure: it runs the same in Node, a Web Worker and the tests. It must not import ' +
        'the UI (src/viz), the workers (src/workers) or the command line (src/cli*.ts), not even a type: ' +
        'those import the engine, and move the type into the engine if both sides need it.',
      severity: 'error',
      from: { path: '^src/engine/' },
      to: { path: ['^src/viz/', '^src/workers/', '^src/cli[^/]*$'] },
    },
    {
      name: 'engine-not-to-node',
      comment:
        'src/engine must also run in a browser Worker, so it must not import Node built-ins ' +
        '(fs, path, os, worker_threads, ...). The CLI reads files and hands the engine their text.',
      severity: 'error',
      from: { path: '^src/engine/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'engine-not-to-ui-packages',
      comment:
        'src/engine has no DOM, no rendering and no worker plumbing: sigma, comlink and idb belong to ' +
        'src/viz and src/workers.',
      severity: 'error',
      from: { path: '^src/engine/' },
      to: { path: '^node_modules/(sigma|@sigma|comlink|idb)/' },
    },
    {
      name: 'engine-plot-only-in-report-html',
      comment:
        'Observable Plot draws the charts of the self-contained HTML report as SVG text, on a DOM ' +
        'implementation (linkedom) and never the page: only src/engine/export/report-html may use them.',
      severity: 'error',
      from: { path: '^src/engine/', pathNot: '^src/engine/export/report-html/' },
      to: { path: '^node_modules/(@observablehq|linkedom)/' },
    },
    {
      name: 'engine-forceatlas2-only-in-layout',
      comment:
        'ForceAtlas2 runs in the engine only as the seeded, synchronous layout of ' +
        'src/engine/algorithms/layout (for reports drawn with no stored positions); the app map runs ' +
        'it in its own worker from src/viz.',
      severity: 'error',
      from: { path: '^src/engine/', pathNot: '^src/engine/algorithms/layout/' },
      to: { path: '^node_modules/graphology-layout-forceatlas2/' },
    },
    {
      name: 'engine-not-to-own-barrel',
      comment:
        'src/engine/index.ts is the public surface for the CLI, workers and UI. Engine files import ' +
        'each other directly; importing the barrel from inside would make every file depend on all.',
      severity: 'error',
      from: { path: '^src/engine/.+/' },
      to: { path: '^src/engine/index\\.ts$' },
    },
    {
      name: 'workers-not-to-viz',
      comment:
        'src/workers are thin comlink wrappers over the engine; the UI imports them, never the other way ' +
        '(a worker bundle must not pull in the page).',
      severity: 'error',
      from: { path: '^src/workers/' },
      to: { path: '^src/viz/' },
    },
    {
      name: 'app-not-to-cli',
      comment: 'The command line (src/cli*.ts) is an entry point: nothing in the app or the workers imports it.',
      severity: 'error',
      from: { path: '^src/(viz|workers)/' },
      to: { path: '^src/cli[^/]*$' },
    },
    {
      name: 'no-circular',
      comment:
        'No module may import itself through a chain of others (types included): a cycle makes load ' +
        'order matter and ties the modules into one. Split out the part both need.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment:
        'Every import must resolve to a file or package; an unresolved one would slip past every rule above.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Sources import each other with `.ts` extensions (allowImportingTsExtensions): resolve them
    // as TypeScript does with tsconfig.json.
    tsConfig: { fileName: 'tsconfig.json' },
    // Keep `import type` in the graph: type-only imports obey the same layers.
    tsPreCompilationDeps: true,
    // Resolve packages through their `exports` (e.g. tsx/esm/api) as Node and Vite do.
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
