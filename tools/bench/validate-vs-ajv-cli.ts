/**
 * Our validator against ajv-cli on the same schemas and documents: one NDJSON file for ours,
 * one file per document for ajv-cli, which takes one schema per invocation and so runs once per
 * document type. Ours checks more (references between documents, Portable Text rules, quotes).
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { DocumentType } from '../../src/schemas.js'
import { ajvCli, ajvCliRejects, runAjvCli, writeKeywordsModule } from './ajv-cli.js'
import { type DocumentFiles, writeDocumentFiles } from './corpus.js'
import { ensureOk, median, type RunResult, runNode, sum, toMiB } from './measure.js'
import { type BenchContext, figure, medianOf, type Suite, type SuiteResult } from './suite.js'
import { VALIDATE_CLI } from './validate-cli.js'

/** ajv-cli's invocations of one run, added up: time and CPU summed, memory the worst. */
interface Totals {
  seconds: number
  cpuSeconds: number
  maxRssKiB: number
}

/** The comparison with ajv-cli. */
export const validateVsAjvCli: Suite = {
  name: 'ajv-cli',
  async run(context: BenchContext): Promise<SuiteResult> {
    const { version } = ajvCli()
    const files = await writeDocumentFiles(join(context.workDir, 'documents'), context.docs)
    const keywords = await writeKeywordsModule(context.workDir)
    const sanity = await checkBothReject(context.workDir, keywords, files)

    const ajv: Totals[] = []
    const ours: RunResult[] = []
    // Alternate the two so drift in machine load hits both alike.
    for (let i = 0; i < context.runs; i++) {
      ajv.push(await ajvCliAccepts(files, keywords))
      ours.push(await oursAccepts(context))
    }
    const ajvSeconds = median(ajv.map((t) => t.seconds))
    const oursSeconds = median(ours.map((r) => r.seconds))
    const ajvCpu = median(ajv.map((t) => t.cpuSeconds))
    const oursCpu = median(ours.map((r) => r.cpuSeconds ?? 0))
    const ajvRss = Math.max(...ajv.map((t) => t.maxRssKiB))
    const oursRss = Math.max(...ours.map((r) => r.maxRssKiB ?? 0))
    const types = Object.keys(files).length
    const documents = sum(Object.values(files).map((f) => f.count))
    return {
      name: this.name,
      title: `Validate ${documents.toLocaleString('en')} documents: ours vs ajv-cli ${version}, ${medianOf(context.runs)}`,
      measurements: [
        {
          label: `ajv-cli ${version}, ${types} invocations (one per type), summed`,
          seconds: ajvSeconds,
          cpuSeconds: ajvCpu,
          maxRssMiB: toMiB(ajvRss),
        },
        {
          label: 'validate (ours), 1 invocation on NDJSON',
          seconds: oursSeconds,
          cpuSeconds: oursCpu,
          maxRssMiB: toMiB(oursRss),
        },
      ],
      figures: [
        figure('time, ours / ajv-cli', oursSeconds / ajvSeconds, '×', { max: 1 }),
        // Ours checks on a second thread, ajv-cli on one: CPU time is the single-core comparison.
        figure('CPU time, ours / ajv-cli', oursCpu / ajvCpu, '×'),
        figure('peak RSS, ours / ajv-cli (worst invocation)', oursRss / ajvRss, '×'),
      ],
      notes: [
        `ajv-cli flags: --spec=draft2020 --all-errors -c ajv-formats -c <discriminator + x-reference-to> -s <type schema> -r <the other schemas> -d "<type folder>/*.json"`,
        `ajv-cli accepted all ${documents.toLocaleString('en')} files, and rejected a copy of the article with a bad date (${sanity}); so did ours`,
        'ours also checks references, Portable Text marks and quotes, which ajv-cli cannot',
      ],
    }
  },
}

/** One run of ajv-cli over every type folder; throws unless it accepted every file. */
async function ajvCliAccepts(files: DocumentFiles, keywords: string): Promise<Totals> {
  const runs: RunResult[] = []
  for (const [type, { dir, count }] of Object.entries(files)) {
    const run = await runAjvCli(type as DocumentType, dir, keywords)
    if (run.result.code !== 0 || run.valid !== count) {
      const said = run.result.stderr.trim().split('\n')[0] ?? ''
      throw new Error(
        `ajv-cli accepted ${run.valid} of ${count} ${type} documents (exit ${run.result.code}): ${said}`,
      )
    }
    runs.push(run.result)
  }
  return {
    seconds: sum(runs.map((r) => r.seconds)),
    cpuSeconds: sum(runs.map((r) => r.cpuSeconds ?? 0)),
    maxRssKiB: Math.max(...runs.map((r) => r.maxRssKiB ?? 0)),
  }
}

/** One run of our validator on the NDJSON corpus; throws unless it found every document valid. */
async function oursAccepts(context: BenchContext): Promise<RunResult> {
  const run = await runNode([...VALIDATE_CLI, context.corpus.path, '--format', 'json'], {
    env: { ...process.env, VALIDATE_REPORT_MAX_RSS: '1' },
    stdout: true,
  })
  ensureOk(run, `node ${VALIDATE_CLI.join(' ')}`)
  const report = JSON.parse(run.stdout) as { valid: boolean; documents: number }
  const expected = context.corpus.articles + context.corpus.supporting
  if (!report.valid || report.documents !== expected)
    throw new Error(`validate checked ${report.documents} of ${expected} documents`)
  return run
}

/**
 * The side run: a copy of the article with a date that is not one (`/datePublished`, a format
 * rule, so it also proves ajv-formats is loaded). Both tools must reject it, else the timings
 * compare tools that do not check the same thing. Returns ajv-cli's errors.
 */
async function checkBothReject(
  workDir: string,
  keywords: string,
  files: DocumentFiles,
): Promise<string> {
  const article = files.article
  if (article === undefined) throw new Error('the corpus has no article to break')
  const broken = {
    ...JSON.parse(await readFile(join(article.dir, 'article-0.json'), 'utf8')),
    datePublished: '3 March 2023',
  }
  const ajv = await ajvCliRejects(workDir, keywords, 'article', broken, '/datePublished')
  if (!ajv.rejected)
    throw new Error(`ajv-cli did not reject a document with a bad date: ${ajv.detail}`)
  const others = Object.entries(files)
    .filter(([type]) => type !== 'article')
    .map(([, { dir }]) => dir)
  const ours = await runNode(
    [...VALIDATE_CLI, join(workDir, 'ajv-cli-broken', 'article'), ...others, '--format', 'json'],
    { stdout: true },
  )
  const problems =
    ours.code === 1 ? (JSON.parse(ours.stdout) as { problems: { pointer: string }[] }).problems : []
  if (!problems.some((p) => p.pointer === '/datePublished'))
    throw new Error(`validate did not reject a document with a bad date (exit ${ours.code})`)
  return ajv.detail
}
