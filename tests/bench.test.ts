/**
 * The bench's parts produce results that mean something: ajv-cli really validates (it accepts
 * the corpus and rejects a broken document), both renderers render the same Portable Text, and
 * every result is well formed. Not timings: speed is measured by `npm run bench`, never here.
 * The validator runs compiled (dist/), which `pretest` builds.
 */
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { type DefaultTreeAdapterMap, parseFragment } from 'parse5'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { replaceDisallowedCharacters } from '../src/render/escape.js'
import { createSanityClient } from '../src/sanity/client.js'
import { readSanityConfig } from '../src/sanity/config.js'
import { DOCUMENT_TYPES, type DocumentType } from '../src/schemas.js'
import { ajvCliRejects, runAjvCli, writeKeywordsModule } from '../tools/bench/ajv-cli.js'
import {
  type Corpus,
  type DocumentFiles,
  writeCorpus,
  writeDocumentFiles,
} from '../tools/bench/corpus.js'
import type { StartLocalApi } from '../tools/bench/local-api.js'
import { naiveTransactions } from '../tools/bench/naive-import.js'
import {
  comparePublish,
  costOf,
  IDS_PER_QUERY,
  type PublishComparison,
  publishResult,
} from '../tools/bench/publish-vs-naive.js'
import { SUITES } from '../tools/bench/registry.js'
import { bodyRenderers, renderVsToHtml } from '../tools/bench/render-vs-to-html.js'
import { type BenchContext, figure, type SuiteResult } from '../tools/bench/suite.js'
import { allMet, formatTable } from '../tools/bench/table.js'
import { validateVsAjvCli } from '../tools/bench/validate-vs-ajv-cli.js'
import { type SanityApi, startSanityApi } from '../tools/sanity-api/server.js'
import { tempDir } from './build-helpers.js'

const SLOW = 120_000

let workDir: string
let corpus: Corpus
let files: DocumentFiles
let keywords: string

beforeAll(async () => {
  workDir = tempDir('bench-test-')
  corpus = await writeCorpus(join(workDir, 'corpus.ndjson'), 3)
  files = await writeDocumentFiles(join(workDir, 'documents'), 3)
  keywords = await writeKeywordsModule(workDir)
})

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true })
})

const context = (): BenchContext => ({
  docs: 3,
  runs: 1,
  coldRuns: 1,
  renders: 2,
  rounds: 1,
  workDir,
  corpus,
})

/** The first article copy of the corpus, as ajv-cli reads it. */
async function firstArticle(): Promise<Record<string, unknown>> {
  const dir = files.article?.dir ?? ''
  return JSON.parse(await readFile(join(dir, 'article-0.json'), 'utf8'))
}

/** Every measurement and figure is a positive finite number, and every figure with a limit says if it was met. */
function expectWellFormed(result: SuiteResult): void {
  expect(result.measurements.length).toBeGreaterThan(0)
  for (const m of result.measurements) {
    expect(m.seconds, m.label).toBeGreaterThan(0)
    expect(Number.isFinite(m.seconds), m.label).toBe(true)
    if (m.maxRssMiB !== undefined) expect(m.maxRssMiB, m.label).toBeGreaterThan(1)
  }
  for (const f of result.figures) {
    expect(Number.isFinite(f.value) && f.value > 0, f.label).toBe(true)
    expect(typeof f.met, f.label).toBe(f.limit === undefined ? 'undefined' : 'boolean')
  }
}

describe('the corpus', () => {
  it('holds the same documents as NDJSON and as one file each, by type', async () => {
    const lines = (await readFile(corpus.path, 'utf8')).trim().split('\n')
    const types = lines.map((line) => (JSON.parse(line) as { _type: string })._type)
    const counts = Object.fromEntries(Object.entries(files).map(([t, f]) => [t, f.count]))
    expect(counts).toEqual({
      article: 3,
      person: types.filter((t) => t === 'person').length,
      organization: types.filter((t) => t === 'organization').length,
      quote: types.filter((t) => t === 'quote').length,
      photo: types.filter((t) => t === 'photo').length,
    })
    expect(lines).toHaveLength(corpus.articles + corpus.supporting)
  })
})

describe('ajv-cli', () => {
  it(
    'accepts every file of every type, one invocation per type',
    async () => {
      for (const [type, { dir, count }] of Object.entries(files)) {
        const run = await runAjvCli(type as DocumentType, dir, keywords)
        expect(run.result.code, `${type}: ${run.result.stderr}`).toBe(0)
        expect(run.valid, type).toBe(count)
        expect(run.invalid, type).toBe(0)
        expect(run.result.maxRssKiB, type).toBeGreaterThan(1024)
      }
    },
    SLOW,
  )

  it(
    'rejects a link whose href is not a URI, which only the uri format catches (so ajv-formats is loaded)',
    async () => {
      const article = (await firstArticle()) as { body: Record<string, unknown>[] }
      const [first, ...rest] = article.body
      // Valid for the href pattern (http, https or mailto), invalid as a URI: `%zz`.
      const link = { _type: 'link', _key: 'badlink', href: 'https://example.com/%zz' }
      const block = {
        ...first,
        markDefs: [...((first?.markDefs as unknown[]) ?? []), link],
        children: [{ _type: 'span', _key: 'badspan', text: 'link', marks: ['badlink'] }],
      }
      const broken = { ...article, body: [block, ...rest] }
      const pointer = `/body/0/markDefs/${block.markDefs.length - 1}/href`
      const found = await ajvCliRejects(workDir, keywords, 'article', broken, pointer)
      expect(found).toEqual({ rejected: true, detail: `${pointer} must match format "uri"` })
    },
    SLOW,
  )

  it(
    'does not count a valid article, or a rejection elsewhere, as the rejection asked for',
    async () => {
      const article = await firstArticle()
      const valid = await ajvCliRejects(workDir, keywords, 'article', article, '/datePublished')
      expect(valid.rejected).toBe(false)
      const elsewhere = await ajvCliRejects(
        workDir,
        keywords,
        'article',
        { ...article, headline: '' },
        '/datePublished',
      )
      expect(elsewhere.rejected).toBe(false)
      expect(elsewhere.detail).toContain('not at /datePublished')
    },
    SLOW,
  )

  it(
    'is compared with our validator on the same documents, as a ratio',
    async () => {
      const result = await validateVsAjvCli.run(context())
      expectWellFormed(result)
      expect(result.measurements.map((m) => m.label)).toEqual([
        `ajv-cli 5.0.0, ${DOCUMENT_TYPES.length} invocations (one per type), summed`,
        'validate (ours), 1 invocation on NDJSON',
      ])
      expect(result.figures[0]).toMatchObject({ label: 'time, ours / ajv-cli', limit: { max: 1 } })
      const ratio = (result.measurements[1]?.seconds ?? 0) / (result.measurements[0]?.seconds ?? 1)
      expect(result.figures[0]?.value).toBeCloseTo(ratio, 10)
      expect(result.notes.join('\n')).toContain(
        `accepted all ${corpus.articles + corpus.supporting} files`,
      )
    },
    SLOW,
  )
})

/** The top-level elements of an HTML fragment: one per Portable Text block (or list). */
function topLevelElements(html: string): DefaultTreeAdapterMap['element'][] {
  return parseFragment(html).childNodes.filter(
    (node): node is DefaultTreeAdapterMap['element'] => 'tagName' in node,
  )
}

function textOf(node: DefaultTreeAdapterMap['node']): string {
  if ('value' in node && node.nodeName === '#text') return node.value
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : ''
}

describe('HTML render comparison', () => {
  it('renders the same blocks with the same text in both renderers', async () => {
    const { article, ours, plain } = await bodyRenderers()
    const oursBlocks = topLevelElements(ours())
    const plainBlocks = topLevelElements(plain())
    expect(oursBlocks).toHaveLength(article.body.length)
    expect(plainBlocks).toHaveLength(article.body.length)
    expect(oursBlocks.map(textOf)).toEqual(plainBlocks.map(textOf))
    // Ours marks people and quotes; plain toHTML does not know those marks.
    expect(ours()).toContain('<a class="person"')
    expect(plain()).not.toContain('<a class="person"')
  })

  it('gives each render a fresh page: the first place of a quote gets its id every time', async () => {
    const { ours } = await bodyRenderers()
    expect(ours()).toBe(ours())
    expect(ours()).toMatch(/<q id="quote-/)
  })

  it('reports per-body times and the speed ratio against its target', async () => {
    const result = await renderVsToHtml.run(context())
    expectWellFormed(result)
    expect(result.figures[0]).toMatchObject({
      label: 'speed, ours / plain (plain time ÷ our time)',
      limit: { min: 0.8 },
    })
    expect(result.figures[0]?.value).toBeCloseTo(1 / (result.figures[1]?.value ?? 0), 10)
  })
})

describe('publish comparison', () => {
  const ARTICLES = 200
  let comparison: PublishComparison
  /** The servers comparePublish started, in order: ours, then the naive import's. */
  const servers: SanityApi[] = []

  beforeAll(async () => {
    const path = join(workDir, 'publish-corpus.ndjson')
    await writeCorpus(path, ARTICLES)
    const startApi: StartLocalApi = async (options) => {
      const api = await startSanityApi(options)
      servers.push(api)
      return api
    }
    comparison = await comparePublish({
      corpusPath: path,
      workDir: join(workDir, 'publish-run'),
      startApi,
      warmUp: false,
    })
  }, SLOW)

  const ours = () => servers[0] as SanityApi
  const naive = () => servers[1] as SanityApi

  it('publishes every document of the corpus, each tool into its own dataset', () => {
    expect(comparison.documents).toBe(ARTICLES + corpus.supporting)
    expect(servers).toHaveLength(2)
    const ids = (api: SanityApi) =>
      api
        .documents()
        .map((doc) => doc._id)
        .sort()
    expect(ids(ours())).toHaveLength(comparison.documents)
    expect(ids(naive())).toEqual(ids(ours()))
    expect(
      ours()
        .documents()
        .every((doc) => typeof doc.contentHash === 'string'),
    ).toBe(true)
    expect(
      naive()
        .documents()
        .some((doc) => 'contentHash' in doc),
    ).toBe(false)
  })

  it('makes no mutation on the second run, and reads each id back in the fewest queries', () => {
    const { first, second } = comparison.ours
    expect(second.mutations).toBe(0)
    expect(second.mutates).toBe(0)
    expect(comparison.reports.second.mutations).toBe(0)
    expect(comparison.reports.second.written).toEqual([])
    expect(comparison.fewestReads).toBe(Math.ceil(comparison.documents / IDS_PER_QUERY))
    expect(second.requests).toBe(comparison.fewestReads)
    const secondRun = ours().requests.slice(first.requests)
    expect(secondRun.every((r) => /\/data\/query\//.test(r.path))).toBe(true)
  })

  it('counts exactly what the servers recorded, run by run', () => {
    const { documents } = comparison
    type Run = typeof comparison.ours.first
    /** The server's record splits into the two runs, and each run's counts add up from it. */
    const check = (api: SanityApi, runs: { first: Run; second: Run }) => {
      expect(api.requests).toHaveLength(runs.first.requests + runs.second.requests)
      const parts = [
        api.requests.slice(0, runs.first.requests),
        api.requests.slice(runs.first.requests),
      ]
      for (const [i, run] of [runs.first, runs.second].entries()) {
        const requests = parts[i] ?? []
        expect(run.bytesSent).toBe(requests.reduce((total, r) => total + r.bytesIn, 0))
        expect(run.bytesReceived).toBe(requests.reduce((total, r) => total + r.bytesOut, 0))
        expect(run.mutations).toBe(requests.reduce((total, r) => total + r.mutations, 0))
        expect(run.reads + run.mutates + run.assets).toBe(run.requests)
      }
    }
    check(ours(), comparison.ours)
    check(naive(), comparison.naive)
    expect(comparison.ours.first.mutations).toBe(documents)
    expect(comparison.reports.first.mutations).toBe(documents)
    expect(comparison.reports.first.transactions).toBe(comparison.ours.first.mutates)
    expect(comparison.naive.first.mutations).toBe(documents)
    expect(comparison.naive.second.mutations).toBe(documents)
    expect(comparison.naive.first.reads).toBe(0)
    for (const run of [comparison.ours.first, comparison.ours.second, comparison.naive.first])
      expect(run.failed).toBe(0)
    const status = (api: SanityApi) => new Set(api.requests.map((r) => r.status))
    expect(status(ours())).toEqual(new Set([200]))
    expect(status(naive())).toEqual(new Set([200]))
  })

  it('reports ratios and the three targets, all met on this corpus', () => {
    const result = publishResult(comparison)
    expectWellFormedPublish(result)
    const targets = result.figures.filter((f) => f.limit !== undefined)
    expect(targets.map((f) => [f.label, f.limit, f.met])).toEqual([
      ['first run: bytes sent, ours / naive', { max: 1.1 }, true],
      ['second run: mutations / documents (ours)', { max: 0 }, true],
      [
        `second run: requests, ours / fewest possible (${comparison.fewestReads})`,
        { max: 1 },
        true,
      ],
    ])
    const bytes = result.figures.find((f) => f.label === 'first run: bytes sent, ours / naive')
    expect(bytes?.value).toBeCloseTo(
      comparison.ours.first.bytesSent / comparison.naive.first.bytesSent,
      10,
    )
    expect(formatTable([result])).toContain(`ours, second run: ${comparison.fewestReads} request`)
  })

  it('fails the bench when the second run mutates anything', () => {
    const mutated: PublishComparison = {
      ...comparison,
      ours: { ...comparison.ours, second: { ...comparison.ours.second, mutations: 1 } },
    }
    const result = publishResult(mutated)
    expect(result.figures.find((f) => f.label.startsWith('second run: mutations'))?.met).toBe(false)
    expect(allMet([result])).toBe(false)
  })
})

describe('the local API in a child process (compiled, as npm run bench runs it)', () => {
  it(
    'takes writes with its token only, and has every answered request on record after sync',
    async () => {
      // The compiled module: its child is dist/…/api-child.js, which `pretest` builds.
      const compiled = '../dist/lib/tools/bench/api-process.js'
      const { startApiProcess } = (await import(compiled)) as { startApiProcess: StartLocalApi }
      const api = await startApiProcess({ token: 'bench-test-token' })
      try {
        const config = readSanityConfig(api.env(), { requireToken: true })
        const client = createSanityClient(config)
        for (let i = 0; i < 5; i++) await client.create({ _id: `person-${i}`, _type: 'person' })
        const anonymous = createSanityClient(
          readSanityConfig({ ...api.env(), SANITY_API_TOKEN: '' }),
        )
        await expect(anonymous.create({ _type: 'person' })).rejects.toThrow(/token/)
        const synced = await api.sync?.()
        expect(synced?.cpuSeconds).toBeGreaterThan(0)
        expect(api.requests.map((r) => [r.status, r.mutations])).toEqual([
          ...Array.from({ length: 5 }, () => [200, 1]),
          // Refused before its body is read, so its mutations are not counted.
          [401, 0],
        ])
        expect(costOf(api.requests, { seconds: 1, cpuSeconds: 1 })).toMatchObject({
          requests: 6,
          mutates: 6,
          mutations: 5,
          failed: 1,
        })
      } finally {
        await api.close()
      }
    },
    SLOW,
  )
})

describe('the naive import', () => {
  it('packs documents in order into transactions of at most 256 KB', () => {
    const doc = (i: number) => ({ _id: `d${i}`, _type: 'person', text: 'x'.repeat(30_000) })
    const docs = Array.from({ length: 40 }, (_, i) => doc(i))
    const batches = naiveTransactions(docs)
    expect(batches.flat()).toEqual(docs)
    expect(batches.length).toBeGreaterThan(1)
    for (const batch of batches) {
      const body = JSON.stringify({ mutations: batch.map((d) => ({ createOrReplace: d })) })
      expect(Buffer.byteLength(body)).toBeLessThanOrEqual(256 * 1024)
    }
    // Full batches: one more document would not have fitted.
    const first = batches[0] ?? []
    const withOneMore = [...first, docs[first.length]]
    expect(
      Buffer.byteLength(
        JSON.stringify({ mutations: withOneMore.map((d) => ({ createOrReplace: d })) }),
      ),
    ).toBeGreaterThan(256 * 1024)
  })
})

/** The publish result: positive wall times, and every ratio finite (the mutation one may be 0). */
function expectWellFormedPublish(result: SuiteResult): void {
  expect(result.measurements).toHaveLength(4)
  for (const m of result.measurements) {
    expect(m.seconds > 0 && Number.isFinite(m.seconds), m.label).toBe(true)
    expect(m.cpuSeconds ?? -1, m.label).toBeGreaterThanOrEqual(0)
  }
  for (const f of result.figures) {
    expect(Number.isFinite(f.value) && f.value >= 0, f.label).toBe(true)
    expect(typeof f.met, f.label).toBe(f.limit === undefined ? 'undefined' : 'boolean')
  }
}

describe('results', () => {
  it('has one suite per comparison, each named for --only', () => {
    expect(SUITES.map((s) => s.name)).toEqual(['floor', 'start', 'ajv-cli', 'render', 'publish'])
  })

  it('says whether a figure met its limit, either way', () => {
    expect(figure('a', 1.2, '×', { max: 1.3 }).met).toBe(true)
    expect(figure('a', 1.4, '×', { max: 1.3 }).met).toBe(false)
    expect(figure('a', 0.79, '×', { min: 0.8 }).met).toBe(false)
    expect(figure('a', 0.8, '×', { min: 0.8 }).met).toBe(true)
    expect(figure('a', 3, 'MiB').met).toBeUndefined()
  })

  it('prints a table with every figure and counts the missed targets', () => {
    const results: SuiteResult[] = [
      {
        name: 'x',
        title: 'X vs Y',
        measurements: [{ label: 'Y', seconds: 2, cpuSeconds: 1, maxRssMiB: 50 }],
        figures: [figure('time, X / Y', 1.5, '×', { max: 1 }), figure('rss', 40, 'MiB')],
        notes: ['how'],
      },
    ]
    const table = formatTable(results)
    expect(table).toContain('X vs Y')
    expect(table).toMatch(/time, X \/ Y\s+1\.50×\s+target ≤ 1 ✖/)
    expect(table).toMatch(/rss\s+40\.0 MiB\s+\(for information\)/)
    expect(table).toContain('1 of 1 targets missed.')
    expect(allMet(results)).toBe(false)
  })
})

describe('the fast path of replaceDisallowedCharacters', () => {
  const NOT_ALLOWED = /(?![\t\n\f\r])\p{Cc}|\p{Noncharacter_Code_Point}|\p{Cs}/gu

  it('agrees with the full check on every code point and lone surrogate', () => {
    const disagree: number[] = []
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      const text = String.fromCodePoint(cp)
      if (replaceDisallowedCharacters(text) !== text.replace(NOT_ALLOWED, '\uFFFD'))
        disagree.push(cp)
    }
    expect(disagree).toEqual([])
    expect(replaceDisallowedCharacters('a\u0001b\uFDD0c\u{10FFFF}d\uD800')).toBe(
      'a\uFFFDb\uFFFDc\uFFFDd\uFFFD',
    )
    expect(replaceDisallowedCharacters('tab\there 😀')).toBe('tab\there 😀')
  })
})
