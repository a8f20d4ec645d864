import { exitCode, type ValidationReport, validate } from '../../validator/validate.js'
import { commandOrExit, parseCommandLine, UsageError } from '../command-line.js'
import { reportBug } from '../run-script.js'

const USAGE = `Usage: us-russia-g20-story validate [paths…] [--format pretty|json|github]

Validates content documents: .json files (one document each), .ndjson files (one per line),
directories of them, and - for NDJSON on stdin. Paths default to content/.
Exit codes: 0 valid (warnings allowed), 1 content errors, 2 usage or unreadable paths.`

const FORMATS = ['pretty', 'json', 'github'] as const
type Format = (typeof FORMATS)[number]

interface Command {
  paths: string[]
  format: Format
  /** The folder relative paths start from: where the user ran the command. */
  cwd: string
}

function parseCommand(args: string[]): Command | 'help' {
  const { values, positionals, cwd } = parseCommandLine({
    script: 'validate',
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f', default: 'pretty' },
      help: { type: 'boolean', short: 'h' },
    },
    choices: { format: FORMATS },
  })
  if (values.help) return 'help'
  const format = values.format as string
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`Unknown format "${format}": use pretty, json or github.`)
  }
  return { paths: positionals, format: format as Format, cwd }
}

/** Load only the report that is asked for. */
async function render(report: ValidationReport, format: Format): Promise<string> {
  if (format === 'json') return (await import('../../report/json.js')).format(report)
  if (format === 'github') return (await import('../../report/github.js')).format(report)
  const color = process.stdout.isTTY === true && !process.env.NO_COLOR
  return (await import('../../report/pretty.js')).format(report, { color })
}

/** `validate [paths…]`: the exit code is the content's (0 valid, 1 errors, 2 usage or unreadable). */
export async function main(args: string[]): Promise<number> {
  const command = commandOrExit('validate', USAGE, () => parseCommand(args))
  if (typeof command === 'number') return command
  if (command.paths.includes('-') && process.stdin.isTTY) {
    process.stderr.write(
      'validate: - reads NDJSON from stdin, but stdin is a terminal: pipe a file into it.\n',
    )
    return 2
  }
  // process.stdin is only touched when asked for: creating it costs start-up time.
  const stdin = command.paths.includes('-') ? process.stdin : undefined
  const report = await validate(command.paths, { stdin, cwd: command.cwd })
  process.stdout.write(await render(report, command.format))
  // Hidden, for `npm run bench`: peak memory and CPU time of this process, threads included.
  if (process.env.VALIDATE_REPORT_MAX_RSS === '1') {
    const usage = process.resourceUsage()
    process.stderr.write(`maxRSS=${usage.maxRSS}\ncpu=${usage.userCPUTime + usage.systemCPUTime}\n`)
  }
  return exitCode(report)
}

/** An error that escaped the validator can only be a bug in it. */
export function explain(message: string, error: unknown): string {
  return reportBug(message, error).replace('this is a bug', 'this is a bug in the validator')
}
