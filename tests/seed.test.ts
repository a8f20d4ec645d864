import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { SEED_FILE, SEED_NAME } from './fixtures/seed/index.js'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const SHARED_SEED = join(ROOT, '..', 'shared', 'seed', SEED_NAME)

describe('the seed story', () => {
  it('is present, with the story’s headline', () => {
    expect(readFileSync(SEED_FILE, 'utf8')).toContain(
      'First top-level US-Russia meeting after Ukraine war',
    )
  })

  // Where the newsroom's shared/ folder sits beside the checkout, the repo's copy must match it.
  it.runIf(existsSync(SHARED_SEED))('matches shared/seed byte for byte', () => {
    expect(readFileSync(SEED_FILE)).toEqual(readFileSync(SHARED_SEED))
  })
})
