import { mkdtemp, rm } from 'node:fs/promises'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseCommandLine, UsageError } from '../src/cli/command-line.js'
import { runScript } from '../src/cli/run-script.js'
import { writeCorpus } from '../tools/bench/corpus.js'
import { SUITES } from '../tools/bench/registry.js'
import type { BenchContext, SuiteResult } from '../tools/bench/suite.js'
import { allMet, formatTable } from '../tools/bench/table.js'

const USAGE = `Usage: npm run bench -- [--docs 10000] [--runs 3] [--cold-runs 9]
                       [--renders 500] [--rounds 15] [--only ${SUITES.map((s) => s.name).join(',')}] [--json]

Measures, against baselines taken in the same run (the machine is shared and noisy):
  floor    validate N documents (NDJSON) vs reading the file and JSON.parse per line; peak RSS
  start    cold start of validate content/ vs node -e 0: through the bin, as a consumer runs it,
           and through tools/launch.mjs, as npm run validate runs it
  ajv-cli  validate the same N documents vs ajv-cli on the same schemas, one file per document
  render   our Portable Text to HTML vs plain toHTML (default components) on the article body
  publish  publish the N documents to the local Sanity API vs a naive createOrReplace import:
           requests, bytes sent, wall time; then a second run, which must make no mutation
--json prints the results as one JSON object instead of the table.
Exit codes: 0 every target met, 1 a target missed, 2 usage or a failed run.`

interface Options {
  docs: number
  runs: number
  coldRuns: number
  renders: number
  rounds: number
  only: string[]
  json: boolean
}

function count(name: string, text: string): number {
  const n = Number(text)
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`--${name} must be a whole number ≥ 1, not "${text}"`)
  return n
}

function parseOptions(): Options | 'help' {
  const { values } = parseCommandLine({
    script: 'bench',
    options: {
      docs: { type: 'string', default: '10000' },
      runs: { type: 'string', default: '3' },
      'cold-runs': { type: 'string', default: '9' },
      renders: { type: 'string', default: '500' },
      rounds: { type: 'string', default: '15' },
      only: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) return 'help'
  const names = SUITES.map((s) => s.name)
  const only = values.only === undefined ? names : values.only.split(',').map((s) => s.trim())
  const unknown = only.filter((name) => !names.includes(name))
  if (unknown.length > 0)
    throw new UsageError(`--only: unknown part "${unknown.join(', ')}": use ${names.join(', ')}`)
  return {
    docs: count('docs', values.docs),
    runs: count('runs', values.runs),
    coldRuns: count('cold-runs', values['cold-runs']),
    renders: count('renders', values.renders),
    rounds: count('rounds', values.rounds),
    only,
    json: values.json,
  }
}

async function main(): Promise<number> {
  let options: Options | 'help'
  try {
    options = parseOptions()
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n${USAGE}\n`)
    return 2
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  const workDir = await mkdtemp(join(tmpdir(), 'bench-'))
  try {
    const corpus = await writeCorpus(join(workDir, 'corpus.ndjson'), options.docs)
    const context: BenchContext = { ...options, workDir, corpus }
    const results: SuiteResult[] = []
    for (const suite of SUITES.filter((s) => options.only.includes(s.name))) {
      process.stderr.write(`bench: ${suite.name}…\n`)
      results.push(await suite.run(context))
    }
    const met = allMet(results)
    if (options.json) {
      const machine = { node: process.version, platform: process.platform, cpus: cpus().length }
      const { only, json, ...settings } = options
      process.stdout.write(`${JSON.stringify({ machine, settings, results, met }, null, 2)}\n`)
    } else {
      process.stdout.write(formatTable(results))
    }
    return met ? 0 : 1
  } finally {
    await rm(workDir, { recursive: true, force: true })
  }
}

runScript('bench', main)
