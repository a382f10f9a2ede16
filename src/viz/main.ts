/**
 * The entry: loads the app in stages, each evaluated in a task of its own, then starts it
 * (start.ts). A page evaluates every module it loads together in one task: the whole app at once
 * was a task of 50-70 ms at every load, most of it zod building the records' schemas and sigma.
 */
import '../engine/core/util/zod-setup.ts';
import './styles.css';
import { yieldToPage } from '../workers/yield-to-page.ts';

/** What is loaded before the rest of the app, in this order: the parts with most to evaluate. */
const STAGES: ReadonlyArray<() => Promise<unknown>> = [
  // The records' schemas, which zod builds as their modules are evaluated.
  () => import('../engine/core/model/project.ts'),
  // The maps' renderer and their graphs.
  () => import('sigma'),
];

async function load(root: HTMLElement): Promise<void> {
  let start: (root: HTMLElement) => void;
  try {
    for (const stage of STAGES) {
      await stage();
      await yieldToPage();
    }
    ({ start } = await import('./start.ts'));
  } catch (error) {
    // Mostly the page's own scripts not loading (a connection lost, a new version deployed
    // meanwhile); whatever it was, it is said on the page and kept in the console.
    console.error(error);
    root.replaceChildren(Object.assign(document.createElement('p'), { className: 'boot', textContent: 'netweave could not load: reload the page to try again.' }));
    return;
  }
  // The app is set up in a task of its own, and drawn in another.
  await yieldToPage();
  start(root);
}

const root = document.getElementById('app');
if (root) void load(root);
