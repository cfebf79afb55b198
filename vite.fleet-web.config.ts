import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Production build of the fleet server's web page (served by `revision fleet serve` from out/fleet-web). */
export default defineConfig({
  root: resolve(import.meta.dirname, 'src/fleet/web'),
  base: '/',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/fleet-web'),
    emptyOutDir: true,
    // No inline script or style: the page's CSP allows only its own files.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
