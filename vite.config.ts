/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { compileCatalogs } from './client/i18n/compile-catalogs.ts';

/**
 * Vite builds the client from client/; vitest runs unit and server tests in Node and client tests in jsdom.
 * The message catalogs are compiled at build time, so the built page leaves out FormatJS's parser.
 */
export default defineConfig(({ command }) => ({
  root: 'client',
  plugins: [compileCatalogs()],
  resolve: {
    alias: command === 'build' ? [{ find: /^@formatjs\/icu-messageformat-parser$/, replacement: '@formatjs/icu-messageformat-parser/no-parser.js' }] : [],
  },
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    // react-intl marks its entry "use client" (for React Server Components), which means nothing in this single-page build.
    rolldownOptions: { onwarn: (warning, warn) => (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use client') ? undefined : warn(warning)) },
  },
  worker: { format: 'es' },
  server: { proxy: { '/api': 'http://127.0.0.1:8787', '/ws': { target: 'ws://127.0.0.1:8787', ws: true } } },
  test: {
    root: '.',
    testTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'node', include: ['tests/**/*.test.ts'], exclude: ['tests/e2e/**/*.spec.ts', '**/node_modules/**'] } },
      { extends: true, test: { name: 'client', environment: 'jsdom', include: ['tests/client/**/*.test.tsx'], setupFiles: ['tests/client/setup.ts'] } },
    ],
  },
}));
