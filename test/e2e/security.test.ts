/**
 * The Content-Security-Policy binds the workers too, where all the analysis runs: `npm start`'s
 * server sends it (and the other security headers) with every response, the build writes them to
 * `_headers` for hosts that read it, and a same-origin worker script cannot reach another origin
 * (a `<meta>` policy alone left workers free). A server on another port that would answer anyone
 * (CORS open) stands in for the outside world and must never be reached.
 */
import { createServer, type Server } from 'node:http';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeApp, openApp, startApp, stopApp } from './harness.ts';

let outside: Server;
let outsideUrl = '';
let hits = 0;

beforeAll(async () => {
  outside = createServer((_request, response) => {
    hits++;
    response.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'text/plain' });
    response.end('reached');
  });
  await new Promise<void>((resolve) => outside.listen(0, '127.0.0.1', resolve));
  const address = outside.address();
  if (address === null || typeof address === 'string') throw new Error('no address');
  outsideUrl = `http://127.0.0.1:${address.port}/data`;
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => outside.close(resolve));
  await stopApp();
});

describe('the security policy', () => {
  it('comes as response headers with the page and the worker scripts, and in the build\'s _headers', async () => {
    const { url, outDir } = await startApp();
    const worker = readdirSync(path.join(outDir, 'assets')).find((f) => f.startsWith('engine.worker') && f.endsWith('.js'));
    expect(worker).toBeDefined();
    for (const target of [url, `${url}assets/${worker}`]) {
      const response = await fetch(target);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toContain("connect-src 'self'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(readFileSync(path.join(outDir, '_headers'), 'utf8')).toMatch(/^\/\*\n {2}Content-Security-Policy: default-src 'self';.*connect-src 'self'/);
  }, 180_000);

  it('stops a same-origin worker from reaching another origin, while it reaches its own', async () => {
    const { outDir } = await startApp();
    // A probe worker served by the app's own server, as the app's workers are.
    const probeDir = path.join(outDir, 'e2e-probe');
    mkdirSync(probeDir, { recursive: true });
    writeFileSync(path.join(probeDir, 'probe.worker.js'), "fetch(new URL(self.location.search.slice(1), self.location.href)).then(r => r.text()).then(t => postMessage('reached: ' + t.slice(0, 7)), () => postMessage('blocked'));\n");
    const app = await openApp({ waitUntilReady: false });
    try {
      const probe = (target: string) =>
        app.page.evaluate(
          (t) =>
            new Promise<string>((resolve) => {
              const worker = new Worker(`/e2e-probe/probe.worker.js?${t}`);
              worker.onmessage = (e) => resolve(String(e.data));
              worker.onerror = (e) => resolve(`error: ${e.message}`);
            }),
          target,
        );
      expect(await probe('/index.html')).toBe('reached: <!docty');
      expect(await probe(outsideUrl)).toBe('blocked');
      expect(hits).toBe(0);
    } finally {
      await closeApp(app);
      rmSync(probeDir, { recursive: true, force: true });
    }
  }, 180_000);

  it('lets a worker compile WebAssembly (the path and layout kernels) but never evaluate text as code', async () => {
    const { outDir } = await startApp();
    const probeDir = path.join(outDir, 'e2e-probe');
    mkdirSync(probeDir, { recursive: true });
    // The smallest module there is (magic and version), then eval of a string.
    writeFileSync(
      path.join(probeDir, 'wasm.worker.js'),
      "let wasm; try { new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])); wasm = 'compiled'; } catch (e) { wasm = 'refused'; }\n" +
        "let text; try { (0, eval)('1'); text = 'evaluated'; } catch (e) { text = 'refused'; }\n" +
        'postMessage(wasm + " / " + text);\n',
    );
    const app = await openApp({ waitUntilReady: false });
    try {
      const answer = await app.page.evaluate(
        () =>
          new Promise<string>((resolve) => {
            const worker = new Worker('/e2e-probe/wasm.worker.js');
            worker.onmessage = (e) => resolve(String(e.data));
            worker.onerror = (e) => resolve(`error: ${e.message}`);
          }),
      );
      expect(answer).toBe('compiled / refused');
    } finally {
      await closeApp(app);
      rmSync(probeDir, { recursive: true, force: true });
    }
  }, 180_000);
});
