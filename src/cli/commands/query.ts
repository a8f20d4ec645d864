import { GroqSyntaxError } from 'groq-js'
import { loadContent } from '../../content/load-content.js'
import { ContentError } from '../../content/read-documents.js'
import {
  describeMissingParameter,
  describeQueryError,
  MissingParameterError,
  queryContent,
} from '../../query.js'
import { isInputRule } from '../../rules.js'
import { SchemaFileError } from '../../schemas.js'
import { commandOrExit, parseCommandLine, requireFolder, UsageError } from '../command-line.js'
import { reportBug } from '../run-script.js'

const USAGE = `Usage: us-russia-g20-story query '<GROQ>' [--param name=<json>]… [--content DIR]

Runs a GROQ query over the validated local content (default content/) and prints the result
as JSON. Parameter values are JSON: --param speaker='"person-antony-blinken"' --param n=3.
Exit codes: 0 result printed, 1 bad query or invalid content, 2 usage or unreadable paths.`

interface Command {
  query: string
  params: Record<string, unknown>
  content?: string
}

function parseParam(text: string): [string, unknown] {
  const eq = text.indexOf('=')
  const name = eq > 0 ? text.slice(0, eq) : ''
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw new UsageError(
      `--param "${text}" needs the form name=<json>, e.g. --param id='"person-antony-blinken"'.`,
    )
  }
  try {
    return [name, JSON.parse(text.slice(eq + 1))]
  } catch {
    throw new UsageError(
      `--param ${name}: ${JSON.stringify(text.slice(eq + 1))} is not JSON. Quote strings: --param ${name}='"text"'.`,
    )
  }
}

function parseCommand(args: string[]): Command | 'help' {
  const { values, positionals, path } = parseCommandLine({
    script: 'query',
    args,
    allowPositionals: true,
    options: {
      param: { type: 'string', short: 'p', multiple: true },
      content: { type: 'string', short: 'c' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) return 'help'
  const [query, ...extra] = positionals
  if (query === undefined || query.trim() === '')
    throw new UsageError('Give the GROQ query as the first argument.')
  if (extra.length > 0)
    throw new UsageError(
      `One query at a time; quote it as one argument (got also ${JSON.stringify(extra[0])}).`,
    )
  const params = Object.fromEntries((values.param ?? []).map(parseParam))
  const content =
    values.content === undefined ? undefined : requireFolder(path(values.content), '--content')
  return { query, params, content }
}

function contentProblems(error: ContentError): string {
  return error.diagnostics
    .map(
      (d) =>
        `${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.message.replace(/[\r\n]+/g, ' ')}  [${d.rule}]`,
    )
    .join('\n')
}

/** `query '<GROQ>'`: prints the result as JSON (exit 0; 1 a bad query or content; 2 usage). */
export async function main(args: string[]): Promise<number> {
  const command = commandOrExit('query', USAGE, () => parseCommand(args))
  if (typeof command === 'number') return command
  try {
    const { documents } = await loadContent(command.content)
    const result = await queryContent(command.query, command.params, documents)
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
    return 0
  } catch (error) {
    if (error instanceof GroqSyntaxError) {
      process.stderr.write(`query: ${describeQueryError(command.query, error)}\n`)
      return 1
    }
    // A value the command line should have given: usage, as for a malformed --param.
    if (error instanceof MissingParameterError) {
      process.stderr.write(`query: ${describeMissingParameter(command.query, error)}\n`)
      return 2
    }
    if (error instanceof ContentError) {
      process.stderr.write(`query: the content cannot be queried:\n${contentProblems(error)}\n`)
      return error.diagnostics.some((d) => isInputRule(d.rule)) ? 2 : 1
    }
    // Not the query's fault: runScript reports it (exit 2).
    if (error instanceof SchemaFileError) throw error
    // groq-js reports evaluation problems as plain Errors: the query's fault.
    process.stderr.write(`query: ${(error as Error).message}\n`)
    return 1
  }
}

/** An error that escaped the query can only be a bug (or a schema file that does not parse). */
export const explain = reportBug
