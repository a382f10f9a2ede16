/** Regenerates the README's metric glossary from the metric registry (`npm run docs`). */
import { readFileSync, writeFileSync } from 'node:fs';
import { withMetricGlossary } from '../src/engine/report/glossary.ts';

const path = new URL('../README.md', import.meta.url);
const before = readFileSync(path, 'utf8');
const after = withMetricGlossary(before);
if (after === before) console.log('README.md: the metric glossary is up to date.');
else {
  writeFileSync(path, after);
  console.log('README.md: metric glossary rewritten from the registry.');
}
