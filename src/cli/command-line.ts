/**
 * The command line of every script, read one way: flags (node's parseArgs underneath, with
 * messages a user can act on instead of its own), paths relative to the folder the user ran the
 * command in, and the mistakes `npm run` invites (flags written before `--` go to npm, not to the
 * script).
 */
import { existsSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { type ParseArgsConfig, parseArgs } from 'node:util'

/** A mistake on the command line: the script prints the message and its usage, and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

type Options = NonNullable<ParseArgsConfig['options']>

/** What a script accepts on its command line. */
export interface CommandLineSpec<O extends Options> {
  /** The npm script (`validate`, `sanity:publish`): named in hints, and how npm's INIT_CWD is trusted. */
  script: string
  options: O
  allowPositionals?: boolean
  /**
   * The values of string options that take a closed list (`format: ['json', …]`): a positional
   * that is one of them is a flag npm took for itself, and gets that hint.
   */
  choices?: { readonly [K in keyof O]?: readonly string[] }
  /** Defaults to the process's own arguments. */
  args?: readonly string[]
}

/** The parsed command line, and where its relative paths start. */
export interface CommandLine<O extends Options> {
  values: ReturnType<typeof parseArgs<{ options: O; allowPositionals: true }>>['values']
  positionals: string[]
  /** The folder the user ran the command in. */
  cwd: string
  /** `path` as the user meant it: relative to the folder they ran the command in. */
  path(path: string): string
}

/**
 * The folder the user ran the command in. `npm run` starts a script in the package root and
 * passes the user's folder as INIT_CWD; it is trusted only for the script npm started
 * (`npm_lifecycle_event`), so a script run by another one (tests under `npm test`) keeps its own.
 */
export function userCwd(script: string, env: NodeJS.ProcessEnv = process.env): string {
  const fromNpm = env.npm_lifecycle_event === script ? env.INIT_CWD : undefined
  return fromNpm !== undefined && fromNpm !== '' ? fromNpm : process.cwd()
}

/** Whether `npm run <script>` started this process (so npm may have taken some flags). */
function underNpm(script: string, env: NodeJS.ProcessEnv): boolean {
  return env.npm_lifecycle_event === script
}

/** How the user runs the script with `flags`: `npm run validate -- --format json`. */
function invocation(script: string, flags: string, env: NodeJS.ProcessEnv): string {
  if (!underNpm(script, env)) return flags
  const run = script === 'start' ? 'npm start' : `npm run ${script}`
  return `${run} -- ${flags}`
}

/**
 * Parse the command line of `spec.script`. Every mistake is a UsageError whose message says
 * what to type instead: the nearest flag for an unknown one, the missing `--` after
 * `npm run <script>` for a flag npm kept, the value a flag lacks.
 */
export function parseCommandLine<O extends Options>(spec: CommandLineSpec<O>): CommandLine<O> {
  const env = process.env
  const args = [...(spec.args ?? process.argv.slice(2))]
  const cwd = userCwd(spec.script, env)
  const path = (p: string): string => resolve(cwd, p)
  let parsed: { values: CommandLine<O>['values']; positionals: string[] }
  try {
    parsed = parseArgs({
      args,
      options: spec.options,
      allowPositionals: spec.allowPositionals ?? false,
      strict: true,
    }) as typeof parsed
  } catch (error) {
    throw new UsageError(explain(error as NodeJS.ErrnoException, spec, env))
  }
  npmKeptFlags(spec, env, parsed.values)
  const stray = strayChoice(spec, parsed.positionals, path)
  if (stray) throw new UsageError(choiceHint(spec, stray, env))
  return { ...parsed, cwd, path }
}

/** A flag the user wrote before `--`: npm took it (and sets `npm_config_<flag>`), the script never saw it. */
function npmKeptFlags<O extends Options>(
  spec: CommandLineSpec<O>,
  env: NodeJS.ProcessEnv,
  values: Record<string, unknown>,
): void {
  if (!underNpm(spec.script, env)) return
  const kept = Object.keys(spec.options).filter(
    (name) =>
      values[name] === undefined && env[`npm_config_${name.replace(/-/g, '_')}`] !== undefined,
  )
  if (kept.length === 0) return
  const flags = kept.map((name) => `--${name}`).join(' ')
  throw new UsageError(
    `${flags} went to npm, not to ${spec.script}: write the command's flags after \`--\`, as in \`${invocation(spec.script, flags, env)}\`.`,
  )
}

/** A positional that is the value of a closed-list option (`json` for `--format`), and is no file. */
function strayChoice<O extends Options>(
  spec: CommandLineSpec<O>,
  positionals: readonly string[],
  path: (p: string) => string,
): { option: string; value: string } | undefined {
  for (const value of positionals) {
    for (const [option, values] of Object.entries(spec.choices ?? {})) {
      if ((values as readonly string[] | undefined)?.includes(value) && !existsSync(path(value)))
        return { option, value }
    }
  }
  return undefined
}

/** What to type for a stray `value` of `--option`; `what` says why the value is stray. */
function choiceHint<O extends Options>(
  spec: CommandLineSpec<O>,
  { option, value }: { option: string; value: string },
  env: NodeJS.ProcessEnv,
  what = 'is not a file here',
): string {
  const flags = `--${option} ${value}`
  const npm = underNpm(spec.script, env)
    ? ` npm keeps the flags written before \`--\` for itself, so ${spec.script} got only \`${value}\`.`
    : ''
  return `\`${value}\` ${what}. To choose it with --${option}, write \`${invocation(spec.script, flags, env)}\`.${npm}`
}

/** parseArgs' error, as the user can act on it. */
function explain<O extends Options>(
  error: NodeJS.ErrnoException,
  spec: CommandLineSpec<O>,
  env: NodeJS.ProcessEnv,
): string {
  const message = error.message ?? String(error)
  const names = Object.entries(spec.options).flatMap(([name, option]) => [
    `--${name}`,
    ...(option.short ? [`-${option.short}`] : []),
  ])
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const flag = /Unknown option '([^']*)'/.exec(message)?.[1] ?? ''
      const near = nearest(flag.replace(/=.*$/, ''), names)
      const known = Object.keys(spec.options)
        .map((name) => `--${name}`)
        .join(', ')
      return near
        ? `unknown option ${flag}: did you mean ${near}?`
        : `unknown option ${flag}: ${spec.script} takes ${known}.`
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const missing = /Option '(-\S+)(?:, (-\S+))? <value>' argument missing/.exec(message)
      if (missing) {
        const flag = missing[2] ?? missing[1]
        return `${flag} needs a value: ${flag} <value>.`
      }
      const flag = /Option '(?:-\w, )?(-\S+)' does not take an argument/.exec(message)?.[1]
      return flag ? `${flag} takes no value: write ${flag} alone.` : message
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL': {
      const value = /Unexpected argument '([^']*)'/.exec(message)?.[1] ?? ''
      const option = Object.entries(spec.choices ?? {}).find(([, values]) =>
        (values as readonly string[] | undefined)?.includes(value),
      )?.[0]
      if (option) return choiceHint(spec, { option, value }, env, `is no flag of ${spec.script}`)
      const npm = underNpm(spec.script, env)
        ? ` If it is a flag's value, write the flags after \`--\`: \`${invocation(spec.script, '--flag value', env)}\`.`
        : ''
      return `unexpected argument \`${value}\`: ${spec.script} takes only flags.${npm}`
    }
    default:
      return message
  }
}

/** The candidate nearest to `word` by edit distance, when it is near enough to be a typo. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Number.POSITIVE_INFINITY
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate)
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  const bare = word.replace(/^-+/, '')
  // A prefix (`--form`) or up to a third of the letters wrong (`--formt`, `--fromat`).
  const close =
    best !== undefined &&
    bare.length > 0 &&
    (best.replace(/^-+/, '').startsWith(bare) || bestDistance <= Math.max(1, bare.length / 3))
  return close ? best : undefined
}

/** Levenshtein distance, with a swap of two neighbours counting as one edit. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  )
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = rows[i] as number[]
      const above = rows[i - 1] as number[]
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1)
      best = Math.min(best, (above[j - 1] as number) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, ((rows[i - 2] as number[])[j - 2] as number) + 1)
      row[j] = best
    }
  }
  return (rows[a.length] as number[])[b.length] as number
}

/**
 * `root` when it is a package folder with a content/ folder; otherwise a UsageError (exit 2)
 * that names the folder and the flag to fix.
 */
export function requirePackageFolder(root: string, flag = '--root'): string {
  if (!isDirectory(join(root, 'content'))) {
    throw new UsageError(`there is no content/ folder in ${root}: give ${flag} the package folder.`)
  }
  return root
}

/** `dir` when it is a folder; otherwise a UsageError (exit 2) that names it and its flag. */
export function requireFolder(dir: string, flag: string): string {
  if (!isDirectory(dir)) {
    const what = existsSync(dir) ? 'is not a folder' : 'does not exist'
    throw new UsageError(`${flag} ${dir} ${what}: give the folder that holds the content.`)
  }
  return dir
}

/** `file` when it is a file; otherwise a UsageError (exit 2) that names it and its flag. */
export function requireFile(file: string, flag: string): string {
  let isFile = false
  try {
    isFile = statSync(file).isFile()
  } catch {}
  if (!isFile) {
    const what = existsSync(file) ? 'is not a file' : 'does not exist'
    throw new UsageError(`${flag} ${file} ${what}: give the path of the file.`)
  }
  return file
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

/** What the first arguments of a program with subcommands ask for. */
export type SubcommandLine<N extends string> =
  | { kind: 'command'; name: N; args: string[] }
  | { kind: 'help'; name?: N }
  | { kind: 'version' }

/**
 * The subcommand a program is asked to run, and the arguments it gets; `--help` (or `help
 * <command>`) and `--version` of the program itself. A mistake is a UsageError that suggests the
 * nearest subcommand or flag (`valdate`: did you mean validate?). No arguments asks for help.
 *
 * @param program The program's name, as the user types it, for the messages.
 * @param names The subcommands.
 */
export function parseSubcommand<N extends string>(
  program: string,
  names: readonly N[],
  args: readonly string[] = process.argv.slice(2),
): SubcommandLine<N> {
  const [first, ...rest] = args
  const command = (word: string): N => {
    if ((names as readonly string[]).includes(word)) return word as N
    const near = nearest(word, names)
    throw new UsageError(
      near
        ? `unknown command ${word}: did you mean ${near}?`
        : `unknown command ${word}: ${program} runs ${names.join(', ')}.`,
    )
  }
  if (first === undefined || first === '--help' || first === '-h') return { kind: 'help' }
  if (first === '--version' || first === '-v') return { kind: 'version' }
  if (first === 'help')
    return rest[0] === undefined ? { kind: 'help' } : { kind: 'help', name: command(rest[0]) }
  if (first.startsWith('-')) {
    const near = nearest(first.replace(/=.*$/, ''), ['--help', '--version'])
    throw new UsageError(
      near
        ? `unknown option ${first}: did you mean ${near}?`
        : `unknown option ${first}: give a command first, as in \`${program} ${names[0]} ${first}\`.`,
    )
  }
  return { kind: 'command', name: command(first), args: rest }
}

/**
 * A command's arguments parsed by `parse`, or the exit code to end with: `--help` (`parse`
 * returns `'help'`) prints `usage` on stdout, exit 0; a usage error prints its message and
 * `usage` on stderr, exit 2. Every command starts this way, so all say the same in the same place.
 */
export function commandOrExit<C>(name: string, usage: string, parse: () => C | 'help'): C | number {
  let command: C | 'help'
  try {
    command = parse()
  } catch (error) {
    process.stderr.write(`${name}: ${(error as Error).message}\n\n${usage}\n`)
    return 2
  }
  if (command !== 'help') return command
  process.stdout.write(`${usage}\n`)
  return 0
}
