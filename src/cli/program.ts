/**
 * The `us-russia-g20-story` program: one command line for every task, `<program> <command>
 * [options]`. The consumer's commands ship in the package; the tooling commands (code generation,
 * the preview server, the local Sanity API) live in the repository's scripts/ and tools/, which
 * the package does not ship: an installed package names them in its help, and says where they run.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { packageRoot } from '../package-root.js'
import type { Command } from './command.js'
import { parseSubcommand, type SubcommandLine, UsageError } from './command-line.js'
import { runScript } from './run-script.js'

/** The program's name: the package's, as `npx` and package.json's `bin` call it. */
export const PROGRAM = 'us-russia-g20-story'

/** A subcommand: what it does, and where its code is. */
interface Entry {
  summary: string
  /** A command that ships: its module, loaded when asked for. */
  load?: () => Promise<Command>
  /**
   * A command of the repository only: its compiled module, from dist/lib. The program finds it
   * at run time (the package never imports the tooling, and does not ship it).
   */
  tool?: string
  /** The npm script that runs it in the repository. */
  npm: string
}

/** The subcommands, in the order the help lists them. */
export const COMMANDS = {
  validate: {
    summary: 'validate content documents: .json, .ndjson, folders of them, - for stdin',
    load: () => import('./commands/validate.js'),
    npm: 'npm run validate',
  },
  build: {
    summary: 'validate, then write the site, the Sanity import file and ninjs to dist/',
    load: () => import('./commands/build.js'),
    npm: 'npm run build',
  },
  render: {
    summary: 'render the static site, or one article as html, text, Markdown or ninjs',
    load: () => import('./commands/render.js'),
    npm: 'npm run render',
  },
  query: {
    summary: 'run a GROQ query against the content, and print the result as JSON',
    load: () => import('./commands/query.js'),
    npm: 'npm run query',
  },
  import: {
    summary:
      'import a wire story (plain text) as an article with its people, organizations and quotes',
    load: () => import('./commands/import.js'),
    npm: 'npm run import',
  },
  publish: {
    summary: 'publish the content to a Sanity dataset (--dry-run prints the plan)',
    load: () => import('./commands/publish.js'),
    npm: 'npm run sanity:publish',
  },
  pull: {
    summary: "pull editors' changes from a Sanity dataset back into content/",
    load: () => import('./commands/pull.js'),
    npm: 'npm run sanity:pull',
  },
  types: {
    summary: 'regenerate the types, validators and Studio schema from schemas/',
    tool: 'scripts/types.js',
    npm: 'npm run types',
  },
  serve: {
    summary: 'preview the site on 127.0.0.1, rebuilding it as the content changes',
    tool: 'scripts/start.js',
    npm: 'npm start',
  },
  'sanity-local': {
    summary: 'serve a local, in-memory Sanity HTTP API for publish and pull',
    tool: 'scripts/sanity-local.js',
    npm: 'npm run sanity:local',
  },
} as const satisfies Record<string, Entry>

/** A subcommand's name. */
export type CommandName = keyof typeof COMMANDS

const NAMES = Object.keys(COMMANDS) as CommandName[]

/** The program's help: its commands, the repository's apart. */
function usage(): string {
  const line = (name: CommandName) => `  ${name.padEnd(13)} ${COMMANDS[name].summary}`
  const entries = NAMES.map((name) => [name, COMMANDS[name] as Entry] as const)
  return `Usage: ${PROGRAM} <command> [options]

Commands:
${entries
  .filter(([, entry]) => entry.load)
  .map(([name]) => line(name))
  .join('\n')}
In the repository only (the package does not ship the tooling they run):
${entries
  .filter(([, entry]) => entry.tool)
  .map(([name]) => line(name))
  .join('\n')}

\`${PROGRAM} <command> --help\` describes a command; \`${PROGRAM} --version\` prints the version.
Exit codes: 0 fine, 1 content problems, 2 usage or environment.`
}

/** The module of `name`, or a UsageError (exit 2) for a tooling command outside the repository. */
async function load(name: CommandName): Promise<Command> {
  const entry: Entry = COMMANDS[name]
  if (entry.load) return entry.load()
  // From the package root, not this module: the installed program runs as one bundled file.
  const file = join(packageRoot(), 'dist', 'lib', ...String(entry.tool).split('/'))
  if (!existsSync(file)) {
    throw new UsageError(
      `${name} needs the repository checkout: it runs the tooling in tools/, which the installed package does not ship. Clone the repository and run \`${entry.npm}\` there.`,
    )
  }
  return (await import(pathToFileURL(file).href)) as Command
}

function version(): string {
  const manifest = join(packageRoot(), 'package.json')
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version
}

/**
 * Run the program with `args` (the process's own by default): the exit code goes to
 * `process.exitCode` through {@link runScript}, so a closed pipe never changes it.
 */
export function runProgram(args: readonly string[] = process.argv.slice(2)): void {
  let line: SubcommandLine<CommandName>
  try {
    line = parseSubcommand(PROGRAM, NAMES, args)
  } catch (error) {
    process.stderr.write(
      `${PROGRAM}: ${(error as Error).message}\n\`${PROGRAM} --help\` lists the commands.\n`,
    )
    process.exitCode = 2
    return
  }
  if (line.kind === 'version') {
    process.stdout.write(`${version()}\n`)
    return
  }
  if (line.kind === 'help' && line.name === undefined) {
    // Asked for (`--help`): stdout, 0. Nothing asked (no command): stderr, 2.
    const asked = args.length > 0
    ;(asked ? process.stdout : process.stderr).write(`${usage()}\n`)
    process.exitCode = asked ? 0 : 2
    return
  }
  const name = line.name as CommandName
  const rest = line.kind === 'command' ? line.args : ['--help']
  let explain: Command['explain']
  runScript(
    name,
    async () => {
      let command: Command
      try {
        command = await load(name)
      } catch (error) {
        if (!(error instanceof UsageError)) throw error
        process.stderr.write(`${name}: ${error.message}\n`)
        return 2
      }
      explain = command.explain
      return command.main(rest)
    },
    (message, error) => (explain ? explain(message, error) : message),
  )
}
