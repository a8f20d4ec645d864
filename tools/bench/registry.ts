import { coldStart } from './cold-start.js'
import { publishVsNaive } from './publish-vs-naive.js'
import { renderVsToHtml } from './render-vs-to-html.js'
import type { Suite } from './suite.js'
import { validateVsAjvCli } from './validate-vs-ajv-cli.js'
import { validateVsFloor } from './validate-vs-floor.js'

/**
 * Every part of `npm run bench`, in the order it runs and prints. A new comparison (publish to
 * the local Sanity API next) is one module exporting a {@link Suite}, added here.
 */
export const SUITES: readonly Suite[] = [
  validateVsFloor,
  coldStart,
  validateVsAjvCli,
  renderVsToHtml,
  publishVsNaive,
]
