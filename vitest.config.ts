import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

function source(path: string): string {
  return fileURLToPath(new URL(path, import.meta.url))
}

export default defineConfig({
  resolve: {
    // Tests import the package by its own name and subpaths; point them at the source.
    alias: [
      { find: /^us-russia-g20-story$/, replacement: source('./src/index.ts') },
      { find: /^us-russia-g20-story\/render$/, replacement: source('./src/exports/render.ts') },
      { find: /^us-russia-g20-story\/sanity$/, replacement: source('./src/exports/sanity.ts') },
    ],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
  },
})
