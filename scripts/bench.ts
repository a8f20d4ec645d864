import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { writeCorpus } from '../src/bench/corpus.js'
import { median, type RunResult, runNode } from '../src/bench/measure.js'

const USAGE = `Usage: npm run bench -- [--docs 10000] [--runs 3] [--cold-runs 9]

Measures, against baselines taken in the same run (the machine is shared and noisy):
  throughput  validating N article documents (NDJSON) vs reading the file and JSON.parse per line
  cold start  validating content/ (node dist/lib/scripts/validate.js) vs node -e 0
  memory      peak RSS of the validator on the same N documents`

const TARGETS = { throughput: 1.3, coldStart: 2.5, rssMiB: 200 }

const VALIDATE = fileURLToPath(new URL('./validate.js', import.meta.url))
const FLOOR = fileURLToPath(new URL('../src/bench/floor.js', import.meta.url))

interface Options {
  docs: number
  runs: number
  coldRuns: number
}

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      docs: { type: 'string', default: '10000' },
      runs: { type: 'string', default: '3' },
      'cold-runs': { type: 'string', default: '9' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    process.exit(0)
  }
  const count = (name: string, text: string): number => {
    const n = Number(text)
    if (!Number.isInteger(n) || n < 1)
      throw new Error(`--${name} must be a whole number ≥ 1, not "${text}"`)
    return n
  }
  return {
    docs: count('docs', values.docs),
    runs: count('runs', values.runs),
    coldRuns: count('cold-runs', values['cold-runs']),
  }
}

const seconds = (s: number): string => `${s.toFixed(3)} s`
const mib = (kib: number): string => `${(kib / 1024).toFixed(1)} MiB`

function verdict(ratioOrValue: number, limit: number): string {
  return ratioOrValue <= limit ? '✔' : '✖'
}

function ensureOk(result: RunResult, what: string): void {
  if (result.code !== 0)
    throw new Error(`${what} exited ${result.code}: ${result.stderr.trim().split('\n')[0] ?? ''}`)
}

/** Alternate baseline and subject so drift in machine load hits both alike. */
async function paired(
  runs: number,
  baseline: string[],
  subject: string[],
  env?: NodeJS.ProcessEnv,
): Promise<{ base: RunResult[]; subject: RunResult[] }> {
  const out = { base: [] as RunResult[], subject: [] as RunResult[] }
  for (let i = 0; i < runs; i++) {
    const base = await runNode(baseline)
    ensureOk(base, `node ${baseline.join(' ')}`)
    out.base.push(base)
    const run = await runNode(subject, env)
    ensureOk(run, `node ${subject.join(' ')}`)
    out.subject.push(run)
  }
  return out
}

async function main(): Promise<number> {
  const options = parseOptions()
  const dir = await mkdtemp(join(tmpdir(), 'validate-bench-'))
  let missed = 0
  try {
    const corpus = await writeCorpus(join(dir, 'corpus.ndjson'), options.docs)
    console.log(
      `Corpus: ${corpus.articles.toLocaleString('en')} articles like content/'s + ${corpus.supporting} people, quotes and photos (last), ${mib(corpus.bytes / 1024)} of NDJSON`,
    )

    const env = { ...process.env, VALIDATE_REPORT_MAX_RSS: '1' }
    const throughput = await paired(
      options.runs,
      [FLOOR, corpus.path],
      [VALIDATE, corpus.path, '--format', 'json'],
      env,
    )
    const floor = median(throughput.base.map((r) => r.seconds))
    const validate = median(throughput.subject.map((r) => r.seconds))
    const ratio = validate / floor
    if (ratio > TARGETS.throughput) missed++
    console.log(`\nThroughput, median of ${options.runs} runs`)
    console.log(`  floor: read + JSON.parse each line   ${seconds(floor)}`)
    console.log(
      `  validate                             ${seconds(validate)}  ratio ${ratio.toFixed(2)}  (target ≤ ${TARGETS.throughput}) ${verdict(ratio, TARGETS.throughput)}`,
    )
    // The validator checks on every core (a thread per core beyond the first, plus this one):
    // CPU time says what that costs, for machines whose other cores are busy.
    const floorCpu = median(throughput.base.map((r) => r.cpuSeconds ?? 0))
    const validateCpu = median(throughput.subject.map((r) => r.cpuSeconds ?? 0))
    console.log(
      `  CPU time, all threads: floor ${seconds(floorCpu)}, validate ${seconds(validateCpu)} (ratio ${(validateCpu / floorCpu).toFixed(2)}, for information)`,
    )

    const cold = await paired(options.coldRuns, ['-e', '0'], [VALIDATE])
    const node = median(cold.base.map((r) => r.seconds))
    const start = median(cold.subject.map((r) => r.seconds))
    const coldRatio = start / node
    if (coldRatio > TARGETS.coldStart) missed++
    console.log(`\nCold start on content/, median of ${options.coldRuns} runs`)
    console.log(`  node -e 0                            ${seconds(node)}`)
    console.log(
      `  node dist/lib/scripts/validate.js    ${seconds(start)}  ratio ${coldRatio.toFixed(2)}  (target ≤ ${TARGETS.coldStart}) ${verdict(coldRatio, TARGETS.coldStart)}`,
    )

    const floorRss = Math.max(...throughput.base.map((r) => r.maxRssKiB ?? 0))
    const rss = Math.max(...throughput.subject.map((r) => r.maxRssKiB ?? 0))
    const rssTarget =
      options.docs >= 50_000
        ? `(target < ${TARGETS.rssMiB} MiB at 50,000 documents) ${verdict(rss / 1024, TARGETS.rssMiB)}`
        : `(the target, < ${TARGETS.rssMiB} MiB, is for 50,000 documents)`
    if (options.docs >= 50_000 && rss / 1024 > TARGETS.rssMiB) missed++
    console.log(
      `\nPeak RSS on ${options.docs.toLocaleString('en')} documents, worst of ${options.runs} runs`,
    )
    console.log(`  floor                                ${mib(floorRss)}`)
    console.log(`  validate                             ${mib(rss)}  ${rssTarget}`)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
  return missed === 0 ? 0 : 1
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`bench: ${(error as Error).message}\n`)
    process.exitCode = 2
  },
)
