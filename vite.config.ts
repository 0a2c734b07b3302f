/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

/** Vite builds the client from client/; vitest runs the unit and server tests from tests/. */
export default defineConfig({
  root: 'client',
  build: { outDir: '../dist/client', emptyOutDir: true },
  server: { proxy: { '/api': 'http://127.0.0.1:8787', '/ws': { target: 'ws://127.0.0.1:8787', ws: true } } },
  test: {
    root: '.',
    include: ['tests/unit/**/*.test.ts', 'tests/server/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
