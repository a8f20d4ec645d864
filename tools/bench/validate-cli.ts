import { join } from 'node:path'
import { packageRoot } from '../../src/package-root.js'

/** The compiled validator that `npm run validate` runs: the bench times what users run. */
export const VALIDATE_CLI = join(packageRoot(), 'dist', 'lib', 'scripts', 'validate.js')

/** The floor the validator is measured against (see floor.ts), compiled. */
export const FLOOR_SCRIPT = join(packageRoot(), 'dist', 'lib', 'tools', 'bench', 'floor.js')
