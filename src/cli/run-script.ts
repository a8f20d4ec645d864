import { SchemaFileError } from '../schemas.js'
import { watchOutputStreams } from './output-streams.js'

/** The first line of what was thrown: a script prints that, never a stack trace. */
function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.split('\n')[0] ?? ''
}

/**
 * Run a script's `main`, whose result is the exit code (0 fine, 1 content problems, 2 usage or
 * environment). An error that escapes `main` is printed on stderr as one line,
 * `<name>: <message>`, and exits 2; `explain` may rewrite the message to add what the user needs
 * to know (that nothing was written, that it is a bug to report).
 *
 * The exit code stays the script's when its reader goes away early (`| head -n 1`): output just
 * stops. Output lost for any other reason (a full disk) makes it 2. See {@link watchOutputStreams}.
 */
export function runScript(
  name: string,
  main: () => Promise<number>,
  explain: (message: string, error: unknown) => string = (message) => message,
): void {
  const output = watchOutputStreams(name)
  main().then(
    (code) => {
      process.exitCode = output.failure === null ? code : 2
    },
    (error: unknown) => {
      process.stderr.write(`${name}: ${explain(firstLine(error), error)}\n`)
      process.exitCode = 2
    },
  )
}

/**
 * For scripts where an escaping error can only be a bug: says so, and asks for a report. A
 * schema file that does not parse is no bug: its message names the file, line and column.
 */
export function reportBug(message: string, error?: unknown): string {
  if (error instanceof SchemaFileError) return message
  return `${message} (this is a bug; please report it)`
}
