/**
 * The cold start of the validator on content/, against `node -e 0` in the same run: through the
 * program's bin as a consumer runs it (`node node_modules/us-russia-g20-story/dist/lib/bin/us-russia-g20-story.js
 * validate content/`, which `npx us-russia-g20-story validate content/` starts), and through the
 * launcher that `npm run validate` runs in this repository (which compiles only when a source changed).
 */
import { join } from 'node:path'
import { packageRoot } from '../../src/package-root.js'
import { ensureOk, type RunResult, runNode, typical } from './measure.js'
import { figure, medianOf, type Suite, type SuiteResult } from './suite.js'
import { PROGRAM } from './validate-cli.js'

/** The bin's goal is 1.5× `node -e 0`; it must never pass 2×. `npm run validate`'s command: 2.5×. */
const TARGETS = { bin: 2, binGoal: 1.5, launcher: 2.5 }

/** Cold starts of `validate content/`, through the bin and through the launcher. */
export const coldStart: Suite = {
  name: 'start',
  async run(context): Promise<SuiteResult> {
    const root = packageRoot()
    const content = join(root, 'content')
    // One loop, the three in turn: drift in the machine's load hits each alike.
    const commands = [
      ['-e', '0'],
      [PROGRAM, 'validate', content],
      [join(root, 'tools', 'launch.mjs'), 'validate', content],
    ]
    const runs: RunResult[][] = commands.map(() => [])
    for (let i = 0; i < context.coldRuns; i++) {
      for (const [index, args] of commands.entries()) {
        const run = await runNode(args)
        ensureOk(run, `node ${args.join(' ')}`)
        runs[index]?.push(run)
      }
    }
    const [node, viaBin, viaLauncher] = runs.map((r) => typical(r, 'seconds')) as [
      number,
      number,
      number,
    ]
    return {
      name: this.name,
      title: `Cold start of validate content/ (${medianOf(context.coldRuns)} each, taken in turn with node -e 0)`,
      measurements: [
        { label: 'node -e 0', seconds: node },
        {
          label: 'bin: node dist/lib/bin/us-russia-g20-story.js validate content/',
          seconds: viaBin,
        },
        {
          label: 'npm run validate: node tools/launch.mjs validate content/',
          seconds: viaLauncher,
        },
      ],
      figures: [
        figure(`cold start, bin / node -e 0 (goal ≤ ${TARGETS.binGoal})`, viaBin / node, '×', {
          max: TARGETS.bin,
        }),
        figure('cold start, npm run validate / node -e 0', viaLauncher / node, '×', {
          max: TARGETS.launcher,
        }),
      ],
      notes: [
        "the bin is the file package.json's bin names, run by node as npx runs it (npx's own start-up not counted)",
        "the launcher's figure excludes npm's own start-up: it is the command the validate script runs, with nothing to compile",
      ],
    }
  },
}
