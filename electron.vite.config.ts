import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { devPolicy, policyFromHtml } from './src/main/csp';

/** Development server only: relaxes the page's CSP meta for the styles Vite injects. Never in a build. */
function devCspPlugin(): Plugin {
  return {
    name: 'revision-dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      const policy = policyFromHtml(html);
      return policy ? html.replace(policy, devPolicy(policy)) : html;
    },
  };
}

/**
 * Builds the three Electron parts: main (with the core and the CLI), preload, renderer.
 * electron-vite 6 reads `rolldownOptions` (a `rollupOptions` key would be overwritten by its preset).
 */
export default defineConfig({
  main: {
    build: {
      // npm dependencies stay in node_modules (electron-builder packs the production ones).
      externalizeDeps: true,
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          cli: resolve(__dirname, 'src/main/cli/index.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can only require('electron'): bundle everything else (zod, the
      // contract) into one CommonJS file, since sandboxed preloads cannot be ES modules.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: { rolldownOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } } },
    // `npm run dev`: no hot reload, because React's refresh preamble is an inline script the
    // page's CSP refuses (reload with the dev menu instead); styles may be inline (devPolicy).
    server: { hmr: false },
    plugins: [react(), devCspPlugin()],
  },
});
