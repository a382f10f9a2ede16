import { defineConfig, type Plugin } from 'vite';

/**
 * The built app must never talk to anything outside its own origin: survey data about people
 * stays in the browser. The policy binds the page through a `<meta>` tag (whoever hosts the
 * files), and everything else, the workers where the analysis runs above all, through response
 * headers: `npm start` (vite preview) sends them, and the build writes them to `dist/_headers`
 * for hosts that read that file (Netlify, Cloudflare Pages; others: copy them into the server's
 * configuration). Not in the dev server, which injects inline scripts for hot reload. `blob:`
 * workers are for ForceAtlas2's layout worker.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // WebAssembly compiles (the path pass's and the layout's kernels, shipped inside our own
  // scripts); nothing else may be evaluated.
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

function contentSecurityPolicy(): Plugin {
  return {
    name: 'netweave-csp',
    apply: 'build',
    generateBundle() {
      const lines = Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`);
      this.emitFile({ type: 'asset', fileName: '_headers', source: `/*\n${lines.join('\n')}\n` });
    },
    transformIndexHtml(html) {
      return html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
      );
    },
  };
}

export default defineConfig({
  plugins: [contentSecurityPolicy()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // zod with its setup (no probing for `new Function`, which the policy above refuses),
          // in one chunk: zod creates schemas in whichever chunk needs them first, and the setup
          // must run before any is created, which the page entry importing it first no longer
          // ensures once parts of the app are loaded when first used.
          // Observable Plot with the d3 modules it brings, in a chunk of their own named for them:
          // loaded with the first chart (src/viz/components/chart.ts).
          groups: [
            { name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]|[\\/]zod-setup\.ts$/ },
            { name: 'plot', test: /[\\/]node_modules[\\/](@observablehq[\\/]plot|d3|d3-[^\\/]+|internmap|delaunator|robust-predicates|interval-tree-1d|binary-search-bounds|isoformat)[\\/]/ },
          ],
        },
      },
    },
  },
  preview: { port: 5173, headers: SECURITY_HEADERS },
});
