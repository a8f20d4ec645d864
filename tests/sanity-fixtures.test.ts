/**
 * Numbered publish and pull fixtures (tests/fixtures/sanity/NNN-name.json): a repo's content and
 * files, a dataset on the local API and the faults it injects, and the diagnostics the stage
 * reports (NNN-name.expected.json): in its report (publish `failures`, pull `problems`) or on the
 * error that stopped it. Each `publish/*`, `pull/*` and `sanity/*` rule of RULES has one; see
 * validate-fixtures.test.ts. Traffic goes to the local API on 127.0.0.1 only.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, isAbsolute, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Diagnostic, RULES } from 'us-russia-g20-story'
import { PublishError, PullError, publish, pull } from 'us-russia-g20-story/sanity'
import { afterAll, describe, expect, it } from 'vitest'
import type { Fault, SanityDocument } from '../tools/sanity-api/server.js'
import { FAST_RETRY, startApi } from './publish-helpers.js'

const DIR = fileURLToPath(new URL('./fixtures/sanity/', import.meta.url))

interface SanityFixture {
  stage: 'publish' | 'pull'
  /** The repo's content files: path under content/ → document. */
  content: Record<string, unknown>
  /** Other files of the repo, by path from its root, as text. */
  files?: Record<string, string>
  /** The dataset's documents before the stage runs. */
  dataset?: SanityDocument[]
  /** Faults the local API injects; `path` is a regular expression's source. */
  faults?: { method?: string; path: string; status: 500 | 502 | 503; times?: number }[]
  options?: { maxTransactionBytes?: number; concurrency?: number; drafts?: boolean }
}

const fixtures = readdirSync(DIR)
  .filter((name) => /^\d{3}-.*\.json$/.test(name) && !name.endsWith('.expected.json'))
  .sort()
  .map((name) => ({
    name,
    fixture: JSON.parse(readFileSync(join(DIR, name), 'utf8')) as SanityFixture,
    expected: JSON.parse(
      readFileSync(join(DIR, name.replace(/\.json$/, '.expected.json')), 'utf8'),
    ) as { problems: Diagnostic[] },
  }))

const roots: string[] = []
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true })
})

function writeRepo(fixture: SanityFixture): { root: string; contentDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'sanity-fixture-'))
  roots.push(root)
  const contentDir = join(root, 'content')
  const write = (path: string, text: string) => {
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, text)
  }
  for (const [path, document] of Object.entries(fixture.content))
    write(join(contentDir, path), `${JSON.stringify(document, null, 2)}\n`)
  for (const [path, text] of Object.entries(fixture.files ?? {})) write(join(root, path), text)
  return { root, contentDir }
}

/** What the stage reports, with files named from the repo root (temp folders differ per run). */
async function run(fixture: SanityFixture): Promise<Diagnostic[]> {
  const { api, config } = await startApi({ documents: fixture.dataset ?? [] })
  try {
    for (const { path, ...fault } of fixture.faults ?? [])
      api.fault({ ...fault, match: { ...fault, path: new RegExp(path) } } as Fault)
    const repo = writeRepo(fixture)
    const options = { ...repo, config, retry: FAST_RETRY, ...fixture.options }
    let problems: readonly Diagnostic[]
    try {
      problems =
        fixture.stage === 'publish'
          ? (await publish(options)).problems
          : (await pull(options)).problems
    } catch (error) {
      if (!(error instanceof PublishError || error instanceof PullError)) throw error
      problems = error.diagnostics
    }
    return problems.map((p) => ({ ...p, file: fromRoot(repo.root, p.file) }))
  } finally {
    await api.close()
  }
}

function fromRoot(root: string, file: string): string {
  if (file === '') return file
  const path = isAbsolute(file) ? file : join(process.cwd(), file)
  return relative(root, path).split(sep).join('/')
}

describe('numbered publish and pull fixtures', () => {
  it.each(fixtures)('$name', async ({ fixture, expected }) => {
    const problems = await run(fixture)
    expect(problems).toEqual(expected.problems)
    for (const problem of problems) {
      expect(problem.severity).toBe(RULES[problem.rule].severity)
      expect(problem.message).not.toMatch(/skTEST/)
    }
  })
})
