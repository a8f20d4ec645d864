import { mkdir, writeFile } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { Stryker } from '@stryker-mutator/core'
import { parseCommandLine, UsageError } from '../src/cli/command-line.js'
import { runScript } from '../src/cli/run-script.js'
import { packageRoot } from '../src/package-root.js'
import {
  LINKS_ENV,
  MUTATION_SCOPES,
  reportDir,
  SCOPE_ENV,
  SCOPE_GROUPS,
  type ScopeName,
  strykerOptions,
  symbolicLinks,
} from './mutation-config.js'

const NAMES = Object.keys(MUTATION_SCOPES) as ScopeName[]
const GROUPS = Object.keys(SCOPE_GROUPS)

const USAGE = `Usage: npm run test:mutation -- [${[...GROUPS, ...NAMES].join('|')}…] [--concurrency N] [--incremental] [--mutate FILE…]

Mutation testing (StrykerJS): makes small changes to the code of a scope and runs that scope's
tests against each; a change no test notices "survives". With no scope named, runs every scope,
one after another. Scopes:
${NAMES.map((name) => `  ${name.padEnd(10)} ${MUTATION_SCOPES[name].summary}`).join('\n')}
${GROUPS.map((name) => `  ${name.padEnd(10)} the scopes ${SCOPE_GROUPS[name]?.join(', ')}`).join('\n')}
--concurrency  test processes at once (default: one less than the cores, at least 1)
--incremental  reuse the last run's results for the code and tests that did not change
--mutate       mutate only this file of the one scope named (repeatable; FILE:10-20 for lines),
               reported in reports/mutation/<scope>/only/
Reports: reports/mutation/<scope>/index.html, mutation.json and survivors.txt.
Exit codes: 0 every score reached its goal, 1 a score is below it, 2 usage or a failed run.`

interface Command {
  scopes: ScopeName[]
  concurrency: number
  incremental: boolean
  only: string[]
}

function parseCommand(): Command | 'help' {
  const { values, positionals } = parseCommandLine({
    script: 'test:mutation',
    allowPositionals: true,
    options: {
      concurrency: { type: 'string' },
      incremental: { type: 'boolean', default: false },
      mutate: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) return 'help'
  const known = [...NAMES, ...GROUPS]
  const unknown = positionals.filter((name) => !known.includes(name))
  if (unknown.length > 0)
    throw new UsageError(`Unknown scope "${unknown.join(', ')}": use ${known.join(', ')}.`)
  const concurrency = Number(values.concurrency ?? Math.max(1, availableParallelism() - 1))
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new UsageError(`--concurrency must be a whole number ≥ 1, not "${values.concurrency}".`)
  const named = positionals.flatMap((name) => SCOPE_GROUPS[name] ?? [name as ScopeName])
  const scopes = named.length === 0 ? NAMES : [...new Set(named)]
  const only = values.mutate ?? []
  if (only.length > 0 && scopes.length !== 1)
    throw new UsageError(
      '--mutate narrows one scope: name exactly one (its tests are the ones run).',
    )
  return { scopes, concurrency, incremental: Boolean(values.incremental), only }
}

type Results = Awaited<ReturnType<Stryker['runMutationTest']>>

/** Counts of a run, and its score as Stryker reckons it: detected of all valid mutants. */
interface Figures {
  total: number
  killed: number
  timeout: number
  survived: number
  noCoverage: number
  /** Compile and runtime errors, and ignored mutants: not counted in the score. */
  excluded: number
  score: number
}

function figures(results: Results): Figures {
  const count = (status: string) => results.filter((r) => r.status === status).length
  const killed = count('Killed')
  const timeout = count('Timeout')
  const survived = count('Survived')
  const noCoverage = count('NoCoverage')
  const valid = killed + timeout + survived + noCoverage
  return {
    total: results.length,
    killed,
    timeout,
    survived,
    noCoverage,
    excluded: results.length - valid,
    score: valid === 0 ? 100 : (100 * (killed + timeout)) / valid,
  }
}

/** One line per surviving (or uncovered) mutant, by file and place: the list to work through. */
function survivors(results: Results): string {
  return results
    .filter((r) => r.status === 'Survived' || r.status === 'NoCoverage')
    .map((r) => {
      const { line, column } = r.location.start
      const what = `${r.mutatorName}${r.replacement === undefined ? '' : ` → ${JSON.stringify(r.replacement)}`}`
      return `${r.fileName}:${line}:${column + 1}  ${r.status}  ${what}${r.static ? '  (static)' : ''}`
    })
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .join('\n')
}

function minutes(ms: number): string {
  const seconds = Math.round(ms / 1000)
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`
}

async function main(): Promise<number> {
  let command: Command | 'help'
  try {
    command = parseCommand()
  } catch (error) {
    process.stderr.write(`test:mutation: ${(error as Error).message}\n${USAGE}\n`)
    return 2
  }
  if (command === 'help') {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  const root = packageRoot()
  // Stryker reads the project from the working directory.
  process.chdir(root)
  const links = symbolicLinks(root)
  process.env[LINKS_ENV] = JSON.stringify(links)
  const lines: string[] = []
  let belowGoal = false
  for (const scope of command.scopes) {
    const started = Date.now()
    // Read by vitest.mutation.config.ts, in the test runners Stryker starts.
    process.env[SCOPE_ENV] = scope
    const options = strykerOptions(scope, { ...command, links })
    const results = await new Stryker(options).runMutationTest()
    const f = figures(results)
    const goal = MUTATION_SCOPES[scope].goal
    belowGoal ||= f.score < goal
    const dir = reportDir(scope, command.only.length > 0)
    await mkdir(dir, { recursive: true })
    await writeFile(join(dir, 'survivors.txt'), `${survivors(results)}\n`)
    lines.push(
      `${scope}: ${f.score.toFixed(1)}% (goal ${goal}%) of ${f.total} mutants: ${f.killed} killed, ` +
        `${f.timeout} timed out, ${f.survived} survived, ${f.noCoverage} not covered, ` +
        `${f.excluded} errors or ignored; ${minutes(Date.now() - started)}. Survivors: ${dir}/survivors.txt`,
    )
  }
  process.stdout.write(`\n${lines.join('\n')}\n`)
  return belowGoal ? 1 : 0
}

runScript('test:mutation', main)
