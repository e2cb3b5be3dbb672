import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The page runs under a strict CSP (no inline scripts, no eval) and must never load
// anything from the network: every asset, fonts included, is bundled into dist/.
export default defineConfig({
  base: './',
  plugins: [svelte()],
  clearScreen: false,
  server: {
    port: 5173,
    strictPort: true,
    // The bundled fonts live in ../assets/fonts (shared with the Rust exporter).
    fs: { allow: ['.', '..'] },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Keep fonts as files (font-src 'self'); never inline them as data: URLs.
    assetsInlineLimit: 0,
    // No modulepreload polyfill: it would be an inline script.
    modulePreload: { polyfill: false },
  },
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/testSetup.ts'],
    restoreMocks: true,
  },
});
