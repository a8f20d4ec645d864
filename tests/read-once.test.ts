/**
 * Content is read once: what is validated is what is used. Every file read goes through a
 * stand-in for node:fs/promises and node:fs (small files are read synchronously) that counts the
 * reads of each path, and can serve a file's first read and its later reads differently (an edit
 * made between validation and use). A second read of a content file would be counted, and an edit
 * it brought in would be used unvalidated. The test's own reads go around the stand-in.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { build } from '../src/exports/render.js'
import { publish, pull } from '../src/exports/sanity.js'
import { loadContent } from '../src/index.js'
import { PACKAGE_ROOT } from './build-helpers.js'
import { FAST_RETRY, publishedRepo, startApi } from './publish-helpers.js'

/** Reads of each absolute path, through readFile, readFileSync or open(…, 'r'). */
const reads = new Map<string, number>()
/** What a path's second and later reads give instead of its bytes: an edit made after the first. */
const later = new Map<string, string>()

/** Count a read of `path`; its bytes, or the edit made after its first read. */
function countedRead<T>(path: unknown, rest: unknown[], read: () => T): T | string | Buffer {
  const key = resolve(String(path))
  const n = (reads.get(key) ?? 0) + 1
  reads.set(key, n)
  const edit = later.get(key)
  if (n === 1 || edit === undefined) return read()
  const bytes = Buffer.from(edit)
  return typeof rest[0] === 'string' || (rest[0] as { encoding?: string })?.encoding
    ? bytes.toString('utf8')
    : bytes
}

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>()
  const readFile = (async (path: unknown, ...rest: unknown[]) =>
    countedRead(path, rest, () =>
      (fs.readFile as (...a: unknown[]) => unknown)(path, ...rest),
    )) as typeof fs.readFile
  const open = (async (path: unknown, flags?: unknown, ...rest: unknown[]) => {
    if (flags === undefined || flags === 'r') {
      const key = resolve(String(path))
      reads.set(key, (reads.get(key) ?? 0) + 1)
    }
    return (fs.open as (...a: unknown[]) => unknown)(path, flags, ...rest)
  }) as typeof fs.open
  return { ...fs, default: { ...fs, readFile, open }, readFile, open }
})

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>()
  const readFileSync = ((path: unknown, ...rest: unknown[]) =>
    countedRead(path, rest, () =>
      (fs.readFileSync as (...a: unknown[]) => unknown)(path, ...rest),
    )) as typeof fs.readFileSync
  return { ...fs, default: { ...fs, readFileSync }, readFileSync }
})

/** The test's own reads, not counted. */
const { readFileSync } = await vi.importActual<typeof import('node:fs')>('node:fs')

const CONTENT = join(PACKAGE_ROOT, 'content')
const QUOTE = 'quotes/quote-baerbock-one-g20-member.json'
const dirs: string[] = []

function tempRoot(): { root: string; contentDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'read-once-'))
  dirs.push(root)
  cpSync(CONTENT, join(root, 'content'), { recursive: true })
  return { root, contentDir: join(root, 'content') }
}

function contentFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.json'))
    .map((f) => join(dir, f))
}

/** The quote's file with its text changed: still schema-valid, but no longer the article's words. */
function misquoted(contentDir: string): string {
  const quote = JSON.parse(readFileSync(join(contentDir, QUOTE), 'utf8'))
  return `${JSON.stringify({ ...quote, text: `${quote.text} and more` }, null, 2)}\n`
}

beforeEach(() => {
  reads.clear()
  later.clear()
})
afterEach(() => later.clear())
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

describe('content is read once', () => {
  it('loadContent reads each file once', async () => {
    const { contentDir } = tempRoot()
    await loadContent(contentDir)
    const files = contentFiles(contentDir)
    expect(files.length).toBeGreaterThan(20)
    expect(files.filter((f) => reads.get(f) !== 1)).toEqual([])
  })

  it('build reads each file once', async () => {
    const { root, contentDir } = tempRoot()
    const result = await build({ root, contentDir, outDir: join(root, 'out') })
    expect(result.ok).toBe(true)
    expect(contentFiles(contentDir).filter((f) => reads.get(f) !== 1)).toEqual([])
  })

  it('publish reads each file once', async () => {
    const { api, config } = await startApi()
    try {
      const { root, contentDir } = tempRoot()
      const report = await publish({ root, contentDir, config, dryRun: true, retry: FAST_RETRY })
      expect(report.status).toBe('planned')
      expect(contentFiles(contentDir).filter((f) => reads.get(f) !== 1)).toEqual([])
    } finally {
      await api.close()
    }
  })

  it('pull reads each file once, and validates the set it would leave in memory', async () => {
    const { api, options } = await publishedRepo('read-once-pull-')
    try {
      reads.clear()
      const report = await pull(options)
      expect(report.status).toBe('ok')
      const files = contentFiles(options.contentDir)
      expect(files.filter((f) => reads.get(f) !== 1)).toEqual([])
    } finally {
      await api.close()
    }
  })
})

describe('an edit made after validation is never used unvalidated', () => {
  it('loadContent returns the quote as validated, not as edited after', async () => {
    const { contentDir } = tempRoot()
    const before = JSON.parse(readFileSync(join(contentDir, QUOTE), 'utf8'))
    later.set(join(contentDir, QUOTE), misquoted(contentDir))
    const content = await loadContent(contentDir)
    expect(content.quotes.find((q) => q._id === before._id)?.text).toBe(before.text)
  })

  it('build renders the quote as validated, not as edited after', async () => {
    const { root, contentDir } = tempRoot()
    const edited = misquoted(contentDir)
    later.set(join(contentDir, QUOTE), edited)
    const result = await build({ root, contentDir, outDir: join(root, 'out') })
    expect(result.ok).toBe(true)
    const dataset = readFileSync(join(root, 'out', 'sanity', 'dataset.ndjson'), 'utf8')
    expect(dataset).not.toContain(JSON.parse(edited).text)
  })
})
