#!/usr/bin/env node
// The netweave command line. It runs the JavaScript build of src/cli.ts and the engine in
// dist-cli/, which scripts/build-cli.mjs makes with tsc: `npm ci` / `npm install` run it (the
// `prepare` script), `npm test` runs it again before its tests, and `npm run build:cli` runs it
// by hand. Nothing here loads TypeScript or tsx at run time.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const cli = new URL('dist-cli/cli.js', root);

if (!existsSync(cli)) {
  process.stderr.write(
    `netweave: the command line has not been built (${fileURLToPath(new URL('dist-cli/', root))} is missing).\n` +
      `Run \`npm ci\` in ${fileURLToPath(root)} to install the packages and build it, or \`npm run build:cli\` if they are installed.\n`,
  );
  process.exit(1);
}
warnIfOlderThanSources();

const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));

/** In a checkout, say when a source the build was made from has changed since (git pull, edits). */
function warnIfOlderThanSources() {
  let info;
  try {
    info = JSON.parse(readFileSync(new URL('dist-cli/build-info.json', root), 'utf8'));
  } catch {
    return;
  }
  const changed = [];
  for (const source of info.sources ?? []) {
    try {
      if (statSync(new URL(source, root)).mtimeMs > info.builtAt) changed.push(source);
    } catch {
      // Not in this copy (an installed package ships only the build) or since removed.
    }
  }
  if (changed.length === 0) return;
  const which = changed.length === 1 ? changed[0] : `${changed[0]} and ${changed.length - 1} more`;
  process.stderr.write(`netweave: warning: ${which} changed after the command line was built; run \`npm run build:cli\` to use the change.\n`);
}
