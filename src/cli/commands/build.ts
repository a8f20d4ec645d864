import { join } from 'node:path'
import { displayPath } from '../../display-path.js'
import { build } from '../../outputs/build.js'
import { BuildError } from '../../outputs/pipeline.js'
import { builtLine, problemsReport } from '../../outputs/summary.js'
import { packageRoot } from '../../package-root.js'
import { isInputRule } from '../../rules.js'
import { commandOrExit, parseCommandLine, requirePackageFolder } from '../command-line.js'

const USAGE = `Usage: us-russia-g20-story build [--root <folder>]

Validates content/, then writes the static site to dist/site, the Sanity import file to
dist/sanity/dataset.ndjson and the IPTC ninjs export to dist/ninjs/ (each folder replaced whole;
nothing else under dist/, such as the compiled library in dist/lib, is touched). --root builds another copy of the package.
An output folder holding a file the build did not write, or one changed since, is never replaced.
Exit codes: 0 built, 1 content errors (nothing written), 2 usage, environment, build failure or
a refused output folder (nothing written).`

function parseCommand(args: string[]): { root: string } | 'help' {
  const { values, path } = parseCommandLine({
    script: 'build',
    args,
    options: { root: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  })
  if (values.help) return 'help'
  return { root: requirePackageFolder(values.root ? path(values.root) : packageRoot()) }
}

/** `build`: validates, then writes dist/site, dist/sanity and dist/ninjs (exit 0, 1 or 2). */
export async function main(args: string[]): Promise<number> {
  const command = commandOrExit('build', USAGE, () => parseCommand(args))
  if (typeof command === 'number') return command
  const { root } = command
  const color = process.stderr.isTTY === true && !process.env.NO_COLOR
  const result = await build({ root })
  if (!result.ok) {
    process.stderr.write(problemsReport(result.problems, result.documents, color))
    console.error(
      `Build stopped: fix the problems above. ${displayPath(join(root, 'dist'))}/ was not changed.`,
    )
    return result.problems.some((p) => isInputRule(p.rule)) ? 2 : 1
  }
  if (result.problems.length > 0)
    process.stdout.write(problemsReport(result.problems, result.documents))
  console.log(builtLine(result, root))
  return 0
}

/** A build that failed left the previous one in place: the message says so. */
export function explain(message: string, error: unknown): string {
  return error instanceof BuildError ? `${message} The previous build was left in place.` : message
}
