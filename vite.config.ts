/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

/** Vite builds the client from client/; vitest runs unit and server tests in Node and client tests in jsdom. */
export default defineConfig({
  root: 'client',
  build: { outDir: '../dist/client', emptyOutDir: true },
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
});
