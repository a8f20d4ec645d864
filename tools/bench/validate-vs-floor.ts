/**
 * Our validator against floors measured in the same run (the machine is shared and noisy):
 * throughput against reading the NDJSON and parsing each line, cold start against `node -e 0`,
 * and its peak memory.
 */
import { ensureOk, median, type RunResult, runNode, toMiB } from './measure.js'
import { type BenchContext, figure, medianOf, type Suite, type SuiteResult } from './suite.js'
import { FLOOR_SCRIPT, VALIDATE_CLI } from './validate-cli.js'

const TARGETS = { throughput: 1.3, coldStart: 2.5, rssMiB: 200, rssDocs: 50_000 }

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
    const run = await runNode(subject, { env })
    ensureOk(run, `node ${subject.join(' ')}`)
    out.subject.push(run)
  }
  return out
}

const typical = (runs: RunResult[], key: 'seconds' | 'cpuSeconds'): number =>
  median(runs.map((r) => r[key] ?? 0))
const worstRss = (runs: RunResult[]): number => Math.max(...runs.map((r) => r.maxRssKiB ?? 0))

/** Throughput and memory on the corpus, cold start on content/. */
export const validateVsFloor: Suite = {
  name: 'floor',
  async run(context: BenchContext): Promise<SuiteResult> {
    const { corpus } = context
    const env = { ...process.env, VALIDATE_REPORT_MAX_RSS: '1' }
    const throughput = await paired(
      context.runs,
      [FLOOR_SCRIPT, corpus.path],
      [...VALIDATE_CLI, corpus.path, '--format', 'json'],
      env,
    )
    const cold = await paired(context.coldRuns, ['-e', '0'], [...VALIDATE_CLI])
    const floor = typical(throughput.base, 'seconds')
    const validate = typical(throughput.subject, 'seconds')
    const node = typical(cold.base, 'seconds')
    const start = typical(cold.subject, 'seconds')
    const rss = toMiB(worstRss(throughput.subject))
    const documents = (corpus.articles + corpus.supporting).toLocaleString('en')
    return {
      name: this.name,
      title: `Validate against floors: ${documents} documents (${medianOf(context.runs)}), cold start on content/ (${medianOf(context.coldRuns)})`,
      measurements: [
        {
          label: 'floor: read NDJSON + JSON.parse each line',
          seconds: floor,
          cpuSeconds: typical(throughput.base, 'cpuSeconds'),
          maxRssMiB: toMiB(worstRss(throughput.base)),
        },
        {
          label: 'validate (ours) on the same NDJSON',
          seconds: validate,
          cpuSeconds: typical(throughput.subject, 'cpuSeconds'),
          maxRssMiB: rss,
        },
        { label: 'node -e 0', seconds: node },
        { label: 'validate (ours) on content/, cold', seconds: start },
      ],
      figures: [
        figure('throughput, validate / floor', validate / floor, '×', {
          max: TARGETS.throughput,
        }),
        figure('cold start, validate / node -e 0', start / node, '×', { max: TARGETS.coldStart }),
        // The memory budget is set for 50,000 documents; smaller runs report it for information.
        figure(
          `peak RSS (budget < ${TARGETS.rssMiB} MiB at ${TARGETS.rssDocs.toLocaleString('en')} documents)`,
          rss,
          'MiB',
          corpus.articles >= TARGETS.rssDocs ? { max: TARGETS.rssMiB } : undefined,
        ),
      ],
      notes: [
        `${corpus.articles.toLocaleString('en')} copies of content/'s article, then its ${corpus.supporting} people, quotes and photos (${toMiB(corpus.bytes / 1024).toFixed(1)} MiB of NDJSON)`,
        'validate checks on a second thread besides the main one: its CPU time says what that costs',
      ],
    }
  },
}
