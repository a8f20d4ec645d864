// Runs the compiled validator the way users do (`pretest` compiles it), or the same validation
// in this process. Not a test file itself.
import { spawnSync } from 'node:child_process'
import { Readable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { validate } from 'us-russia-g20-story'
import { format } from '../src/report/json.js'
import { exitCode } from '../src/validator/validate.js'

/** The compiled program that `npm run validate` runs (package.json's `bin`). */
export const PROGRAM = fileURLToPath(new URL('../dist/lib/src/cli/bin.js', import.meta.url))

/** The package root. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url))

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

/** Run `node dist/lib/src/cli/bin.js validate args…`, optionally feeding stdin. */
export function runValidate(
  args: readonly string[],
  options: { cwd?: string; input?: string | Buffer } = {},
): CliResult {
  const result = spawnSync(process.execPath, [PROGRAM, 'validate', ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** One problem of the JSON report. */
export interface JsonProblem {
  severity: 'error' | 'warning'
  file: string
  line: number
  column: number
  pointer: string
  documentId: string | null
  rule: string
  message: string
  expected?: string
  actual?: string
}

/** The JSON report. */
export interface JsonReport {
  valid: boolean
  documents: number
  problems: JsonProblem[]
}

/** Run with `--format json` and parse the one object it prints. */
export function validateJson(
  args: readonly string[],
  options: { cwd?: string; input?: string | Buffer } = {},
): CliResult & { report: JsonReport } {
  const result = runValidate([...args, '--format', 'json'], options)
  return { ...result, report: JSON.parse(result.stdout) as JsonReport }
}

/**
 * What `validateJson` gives, from `validate()` in this process instead of the compiled CLI: the
 * same JSON report (as stdout) and exit code. Mutation testing changes the source, never dist/,
 * so only a check made here can notice a mutant. Paths and stdin as for the CLI; no checker
 * threads.
 */
export async function validateInProcess(
  args: readonly string[],
  options: { cwd?: string; input?: string | Buffer } = {},
): Promise<CliResult & { report: JsonReport }> {
  const stdin = args.includes('-') ? Readable.from([options.input ?? '']) : undefined
  const report = await validate(args, { cwd: options.cwd ?? ROOT, stdin, workers: 0 })
  const stdout = format(report)
  return { code: exitCode(report), stdout, stderr: '', report: JSON.parse(stdout) as JsonReport }
}

/**
 * Whether this is a mutation-testing run (`npm run test:mutation`). The CLI runs dist/, which is
 * compiled from the unmutated source: there its runs cannot kill a mutant, and only cost time.
 */
export const UNDER_MUTATION = process.env.STRYKER_MUTATOR_WORKER !== undefined

/**
 * Both ways to validate, for tests that hold each to the same expectations: the CLI users run,
 * and `validate()` in this process (the way mutation testing can see; the only one under it).
 */
export const BOTH_WAYS = [
  {
    way: 'through the CLI',
    run: async (...args: Parameters<typeof validateJson>) => validateJson(...args),
  },
  { way: 'in-process', run: validateInProcess },
].filter((way) => !UNDER_MUTATION || way.way === 'in-process')

/** Where a problem is, and which rule: the fields that place it. */
export function placement(
  problems: readonly JsonProblem[],
): Omit<JsonProblem, 'message' | 'expected' | 'actual'>[] {
  return problems.map(({ severity, rule, file, line, column, pointer, documentId }) => ({
    severity,
    rule,
    file,
    line,
    column,
    pointer,
    documentId,
  }))
}

/**
 * The whole problem, as a fixture's expectation pins it down: its place, its message, and
 * `expected` and `actual` when the rule sets them (absent, not undefined, when it does not).
 */
export function essentials(problems: readonly JsonProblem[]): JsonProblem[] {
  return placement(problems).map((place, i) => {
    const { message, expected, actual } = problems[i] as JsonProblem
    const whole: JsonProblem = { ...place, message }
    if (expected !== undefined) whole.expected = expected
    if (actual !== undefined) whole.actual = actual
    return whole
  })
}

/** Output that looks like a stack trace. */
export const STACK_TRACE = /\n\s+at .+[(:]\d+|node:internal|RangeError|TypeError:/
