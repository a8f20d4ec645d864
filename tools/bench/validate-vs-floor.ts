/**
 * Our validator against floors measured in the same run (the machine is shared and noisy):
 * throughput against reading the NDJSON and parsing each line, and its peak memory. Its cold
 * start is cold-start.ts.
 */
import { paired, type RunResult, toMiB, typical } from './measure.js'
import { type BenchContext, figure, medianOf, type Suite, type SuiteResult } from './suite.js'
import { FLOOR_SCRIPT, VALIDATE_CLI } from './validate-cli.js'

const TARGETS = { throughput: 1.3, rssMiB: 200, rssDocs: 50_000 }

const worstRss = (runs: RunResult[]): number => Math.max(...runs.map((r) => r.maxRssKiB ?? 0))

/** Throughput and memory on the corpus. */
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
    const floor = typical(throughput.base, 'seconds')
    const validate = typical(throughput.subject, 'seconds')
    const rss = toMiB(worstRss(throughput.subject))
    const documents = (corpus.articles + corpus.supporting).toLocaleString('en')
    return {
      name: this.name,
      title: `Validate against floors: ${documents} documents (${medianOf(context.runs)})`,
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
      ],
      figures: [
        figure('throughput, validate / floor', validate / floor, '×', {
          max: TARGETS.throughput,
        }),
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
