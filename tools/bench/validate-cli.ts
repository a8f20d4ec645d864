import { join } from 'node:path'
import { packageRoot } from '../../src/package-root.js'

/**
 * The program as package.json's `bin` names it and a consumer runs it (`node
 * node_modules/us-russia-g20-story/dist/lib/bin/us-russia-g20-story.js`, the bundle
 * tools/bundle-bin.mjs makes): the bench times what users run.
 */
export const PROGRAM = join(packageRoot(), 'dist', 'lib', 'bin', 'us-russia-g20-story.js')

/** node's arguments that run the validator through the program: `<bin> validate`. */
export const VALIDATE_CLI: readonly string[] = [PROGRAM, 'validate']

/** The floor the validator is measured against (see floor.ts), compiled. */
export const FLOOR_SCRIPT = join(packageRoot(), 'dist', 'lib', 'tools', 'bench', 'floor.js')
