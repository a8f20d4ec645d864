/**
 * Our publish against the naive import (`createOrReplace` everything, see naive-import.ts) on the
 * local Sanity API, each into its own empty dataset: requests, bytes sent and wall time of a first
 * run, then of a second run with nothing changed, where ours must make no mutation at all.
 * The server runs in a child process, so the CPU time reported is the client's alone.
 */
import { randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { DOCUMENT_TYPE_REGISTRY, DOCUMENT_TYPES } from '../../src/document-types.js'
import { createSanityClient } from '../../src/sanity/client.js'
import { readSanityConfig, type SanityConfig } from '../../src/sanity/config.js'
import { type PublishReport, publish } from '../../src/sanity/publish.js'
import { IDS_PER_QUERY } from '../../src/sanity/remote.js'
import { startApiProcess } from './api-process.js'
import type { LocalApi, ServerRequest, StartLocalApi } from './local-api.js'
import { naiveImport } from './naive-import.js'
import {
  type BenchContext,
  figure,
  type Measurement,
  type Suite,
  type SuiteResult,
} from './suite.js'

export { IDS_PER_QUERY }

const TARGETS = { firstRunBytes: 1.1 }

/** Article copies in the untimed warm-up round, which brings both sides' code up to speed. */
const WARM_UP_ARTICLES = 50

/** What one run cost, from the server's record of its requests. */
export interface RunCost {
  seconds: number
  /** CPU time of this process: the client's alone when the server runs in a child. */
  cpuSeconds: number
  /** CPU time of the server, when it runs in a child. */
  serverCpuSeconds?: number
  requests: number
  /** Query and doc requests: reads of the dataset. */
  reads: number
  mutates: number
  assets: number
  /** Bytes of request bodies, all requests. */
  bytesSent: number
  /** Bytes of response bodies, all requests. */
  bytesReceived: number
  mutations: number
  /** Requests answered with an error status, or not answered. */
  failed: number
}

/** Both tools, both runs. */
export interface PublishComparison {
  /** Documents in the corpus: article copies and content/'s others. */
  documents: number
  ours: { first: RunCost; second: RunCost }
  naive: { first: RunCost; second: RunCost }
  /** ceil(documents / ids per query): the fewest requests that can read every id back. */
  fewestReads: number
  /** What publish itself reported, to check against the server's record. */
  reports: { first: PublishReport; second: PublishReport }
}

/** The suite's result, with the raw counts (printed by `--json`). */
export interface PublishSuiteResult extends SuiteResult {
  comparison: PublishComparison
}

/** Each document type's content folder, from the registry. */
const FOLDERS: Record<string, string> = Object.fromEntries(
  DOCUMENT_TYPES.map((type) => [type, DOCUMENT_TYPE_REGISTRY[type].folder]),
)

/**
 * Write the NDJSON corpus as a content folder, `<dir>/<folder>/<_id>.json` like content/, keeping
 * only the first `articles` article copies (all when undefined). Returns the documents written.
 */
export async function writeContentFolder(
  corpusPath: string,
  dir: string,
  articles = Number.POSITIVE_INFINITY,
): Promise<number> {
  const made = new Set<string>()
  let copies = 0
  let written = 0
  const lines = createInterface({ input: createReadStream(corpusPath), crlfDelay: Infinity })
  for await (const line of lines) {
    if (line === '') continue
    const doc = JSON.parse(line) as { _id: string; _type: string }
    if (doc._type === 'article' && copies++ >= articles) continue
    const folder = join(dir, FOLDERS[doc._type] ?? `${doc._type}s`)
    if (!made.has(folder)) await mkdir(folder, { recursive: true })
    made.add(folder)
    await writeFile(join(folder, `${doc._id}.json`), `${JSON.stringify(doc, null, 2)}\n`)
    written += 1
  }
  return written
}

function kindOf(path: string): 'reads' | 'mutates' | 'assets' | 'other' {
  if (/\/data\/(?:query|doc)\//.test(path)) return 'reads'
  if (/\/data\/mutate\//.test(path)) return 'mutates'
  if (/\/assets\//.test(path)) return 'assets'
  return 'other'
}

/** Add up the server's record of one run. */
export function costOf(
  requests: readonly ServerRequest[],
  time: Pick<RunCost, 'seconds' | 'cpuSeconds' | 'serverCpuSeconds'>,
): RunCost {
  const cost: RunCost = {
    ...time,
    requests: requests.length,
    reads: 0,
    mutates: 0,
    assets: 0,
    bytesSent: 0,
    bytesReceived: 0,
    mutations: 0,
    failed: 0,
  }
  for (const request of requests) {
    const kind = kindOf(request.path)
    if (kind !== 'other') cost[kind] += 1
    cost.bytesSent += request.bytesIn
    cost.bytesReceived += request.bytesOut
    cost.mutations += request.mutations
    if (request.status === 0 || request.status >= 400) cost.failed += 1
  }
  return cost
}

/** Run `work`, timing it and adding up the requests the server saw meanwhile. */
async function measured<T>(api: LocalApi, work: () => Promise<T>): Promise<[T, RunCost]> {
  const server = await api.sync?.()
  const from = api.requests.length
  const cpu = process.cpuUsage()
  const started = performance.now()
  const value = await work()
  const seconds = (performance.now() - started) / 1000
  const used = process.cpuUsage(cpu)
  const cpuSeconds = (used.user + used.system) / 1e6
  const after = await api.sync?.()
  const serverCpuSeconds =
    server && after ? { serverCpuSeconds: after.cpuSeconds - server.cpuSeconds } : {}
  return [value, costOf(api.requests.slice(from), { seconds, cpuSeconds, ...serverCpuSeconds })]
}

/** A local API and the config (with its token) that points at it. */
async function dataset(startApi: StartLocalApi): Promise<{ api: LocalApi; config: SanityConfig }> {
  const api = await startApi({ token: randomBytes(24).toString('hex') })
  return { api, config: readSanityConfig(api.env(), { requireToken: true }) }
}

function ensurePublished(report: PublishReport, run: string): void {
  if (report.status === 'published') return
  const why =
    report.status === 'invalid'
      ? `${report.validation.problems.length} validation problems, first: ${report.validation.problems[0]?.message}`
      : `${report.conflicts.length} conflicts, ${report.failures.length} documents not written${report.failures[0] ? `, first: ${report.failures[0].message}` : ''}`
  throw new Error(`publish, ${run}, ended "${report.status}": ${why}`)
}

/** Ours twice into one empty dataset. */
async function oursTwice(startApi: StartLocalApi, root: string, contentDir: string) {
  const { api, config } = await dataset(startApi)
  try {
    const run = () => publish({ root, contentDir, config })
    const [first, firstCost] = await measured(api, run)
    ensurePublished(first, 'first run')
    const [second, secondCost] = await measured(api, run)
    ensurePublished(second, 'second run')
    return { reports: { first, second }, first: firstCost, second: secondCost }
  } finally {
    await api.close()
  }
}

/** The naive import twice into another empty dataset. */
async function naiveTwice(startApi: StartLocalApi, contentDir: string) {
  const { api, config } = await dataset(startApi)
  try {
    const client = createSanityClient(config)
    const [, first] = await measured(api, () => naiveImport(client, contentDir))
    const [, second] = await measured(api, () => naiveImport(client, contentDir))
    return { first, second }
  } finally {
    await api.close()
  }
}

/**
 * Write the corpus as a content folder and publish it both ways, each into a fresh dataset, after
 * an untimed warm-up round of both on a small copy.
 */
export async function comparePublish(options: {
  corpusPath: string
  workDir: string
  startApi: StartLocalApi
  warmUp?: boolean
}): Promise<PublishComparison> {
  const root = join(options.workDir, 'publish')
  const contentDir = join(root, 'content')
  if (options.warmUp !== false) {
    const warmDir = join(options.workDir, 'publish-warm-up', 'content')
    await writeContentFolder(options.corpusPath, warmDir, WARM_UP_ARTICLES)
    await oursTwice(options.startApi, join(warmDir, '..'), warmDir)
    await naiveTwice(options.startApi, warmDir)
  }
  const documents = await writeContentFolder(options.corpusPath, contentDir)
  const ours = await oursTwice(options.startApi, root, contentDir)
  const naive = await naiveTwice(options.startApi, contentDir)
  return {
    documents,
    ours: { first: ours.first, second: ours.second },
    naive,
    fewestReads: Math.ceil(documents / IDS_PER_QUERY),
    reports: ours.reports,
  }
}

const size = (bytes: number): string =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MiB`
    : `${(bytes / 1024).toFixed(1)} KiB`
const n = (count: number): string => count.toLocaleString('en')
const plural = (count: number, word: string, words = `${word}s`): string =>
  `${n(count)} ${count === 1 ? word : words}`

function costLine(label: string, cost: RunCost): string {
  const server =
    cost.serverCpuSeconds === undefined ? '' : `; server CPU ${cost.serverCpuSeconds.toFixed(1)} s`
  return `${label}: ${plural(cost.requests, 'request')} (${n(cost.reads)} query/doc, ${n(cost.mutates)} mutate, ${n(cost.assets)} assets), ${size(cost.bytesSent)} sent, ${size(cost.bytesReceived)} received, ${plural(cost.mutations, 'mutation')}${server}`
}

/** Wall time, and the client's CPU time (the server runs in its own process). */
function timing(label: string, cost: RunCost): Measurement {
  return { label, seconds: cost.seconds, cpuSeconds: cost.cpuSeconds }
}

/** The figures and notes of a comparison. */
export function publishResult(c: PublishComparison): PublishSuiteResult {
  const { ours, naive } = c
  return {
    name: 'publish',
    title: `Publish ${n(c.documents)} documents to the local Sanity API: ours vs naive createOrReplace import (@sanity/client), 1 run each, each into an empty dataset`,
    measurements: [
      timing('naive import, first run', naive.first),
      timing('publish (ours), first run', ours.first),
      timing('naive import, second run (nothing changed)', naive.second),
      timing('publish (ours), second run (nothing changed)', ours.second),
    ],
    figures: [
      figure('first run: requests, ours / naive', ours.first.requests / naive.first.requests, '×'),
      figure(
        'first run: bytes sent, ours / naive',
        ours.first.bytesSent / naive.first.bytesSent,
        '×',
        { max: TARGETS.firstRunBytes },
      ),
      figure('first run: wall time, ours / naive', ours.first.seconds / naive.first.seconds, '×'),
      // A ratio so it prints in the table; the target is exactly zero mutations.
      figure('second run: mutations / documents (ours)', ours.second.mutations / c.documents, '×', {
        max: 0,
      }),
      figure(
        `second run: requests, ours / fewest possible (${c.fewestReads})`,
        ours.second.requests / c.fewestReads,
        '×',
        { max: 1 },
      ),
      figure(
        'second run: requests, ours / naive',
        ours.second.requests / naive.second.requests,
        '×',
      ),
      figure(
        'second run: bytes sent, ours / naive',
        ours.second.bytesSent / naive.second.bytesSent,
        '×',
      ),
      figure(
        'second run: wall time, ours / naive',
        ours.second.seconds / naive.second.seconds,
        '×',
      ),
    ],
    notes: [
      costLine('naive, first run', naive.first),
      costLine('ours, first run', ours.first),
      costLine('naive, second run', naive.second),
      costLine('ours, second run', ours.second),
      `fewest possible second run: ceil(${n(c.documents)} ids / ${IDS_PER_QUERY} per query) = ${plural(c.fewestReads, 'query', 'queries')} and no mutation`,
      'bytes sent and received: request and response bodies; a GET query carries its ids in the URL instead',
      'the local server answers `*[_id in $ids]` by scanning every document (groq-js), so its query time grows with the dataset; its CPU time is given per run',
      'ours validates the folder and reads the dataset before writing; naive reads the files and writes, referenced documents first, sequential transactions ≤ 256 KB',
      `the corpus is the validation corpus written as a content folder (one file per document); an untimed warm-up of both (${WARM_UP_ARTICLES} article copies) comes first`,
    ],
    comparison: c,
  }
}

/** The publish comparison. */
export const publishVsNaive: Suite = {
  name: 'publish',
  async run(context: BenchContext): Promise<SuiteResult> {
    const comparison = await comparePublish({
      corpusPath: context.corpus.path,
      workDir: context.workDir,
      startApi: startApiProcess,
    })
    return publishResult(comparison)
  },
}
