#!/usr/bin/env node
// Runs before `npm start` and `npm test` so the README's two commands work on a fresh clone:
// installs the npm packages when they are missing, and (for tests, with --browser) checks for
// Debian's Chromium, installing it with apt-get when running as root, as CI does.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const run = (command) => execSync(command, { stdio: 'inherit' });

if (!existsSync('node_modules/.package-lock.json')) {
  console.log('netweave: installing packages (npm ci)…');
  run('npm ci --no-audit --no-fund');
}

if (process.argv.includes('--browser') && !existsSync('/usr/bin/chromium')) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('netweave: the browser tests need Chromium; installing Debian\'s package…');
    run('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium');
  } else {
    console.error('netweave: the browser tests need Chromium at /usr/bin/chromium. Install it with: sudo apt-get install -y chromium');
    process.exit(1);
  }
}
