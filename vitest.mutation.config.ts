// The vitest config of `npm run test:mutation`: the package's, with only the test files of the
// scope being run (named by scripts/mutation.ts in the environment). Stryker's own `testFiles`
// option is not used: with it, Stryker 9.6 activates static mutants only after the modules have
// loaded, so a mutant of a module-level constant always "survives" (stryker-js#6144).
import { defineConfig } from 'vitest/config'
import { SCOPE_ENV, scopeTestFiles } from './scripts/mutation-config.js'
import base from './vitest.config.js'

export default defineConfig({
  ...base,
  test: { ...base.test, include: scopeTestFiles(process.env[SCOPE_ENV]) },
})
