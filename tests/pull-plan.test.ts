// The core of `sanity:pull` as a function: files and remote documents in, a plan out; no I/O.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Diagnostic } from '../src/diagnostics.js'
import { formatContentFile } from '../src/publish/content-file.js'
import type { FetchedDocument } from '../src/publish/plan.js'
import { type ChangedDocument, findCauses } from '../src/publish/pull-blame.js'
import { type LocalFile, planPull } from '../src/publish/pull-plan.js'
import type { ValidationReport } from '../src/validate.js'
import { PACKAGE_ROOT } from './build-helpers.js'

const ROOT = '/repo'
const CONTENT = '/repo/content'

/** The package's content files, as if they were in /repo/content. */
function packageFiles(): LocalFile[] {
  const dir = join(PACKAGE_ROOT, 'content')
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({
      path: join(CONTENT, name),
      bytes: new Uint8Array(readFileSync(join(dir, name))),
    }))
}

/** The documents of those files, as the dataset holds them after a publish. */
function remoteOf(files: readonly LocalFile[]): FetchedDocument[] {
  return files.map((file) => ({
    ...(JSON.parse(Buffer.from(file.bytes).toString('utf8')) as FetchedDocument),
    _rev: 'rev-1',
  }))
}

const person = (id: string, name: string) =>
  formatContentFile({ _id: id, _type: 'person', name, slug: { _type: 'slug', current: id } })
const localFile = (name: string, text: string): LocalFile => ({
  path: join(CONTENT, name),
  bytes: new TextEncoder().encode(text),
})

describe('planPull', () => {
  it('plans nothing for a dataset that matches content/', async () => {
    const local = packageFiles()
    const plan = await planPull({ root: ROOT, contentDir: CONTENT, local, remote: remoteOf(local) })
    expect(plan.writes).toEqual([])
    expect(plan.problems).toEqual([])
    expect(plan.unchanged).toBe(local.length)
  })

  it("blames nobody for content/'s own error, and still refuses to leave content/ invalid", async () => {
    const local = packageFiles()
    const remote = remoteOf(local).map((doc) =>
      doc._id === 'person-vladimir-putin' ? { ...doc, role: 'Edited in Studio' } : doc,
    )
    // An uncommitted edit in progress: a trailing comma.
    local.push(localFile('people/person-broken.json', '{"_id": "person-broken",}\n'))
    const plan = await planPull({ root: ROOT, contentDir: CONTENT, local, remote })
    expect(plan.writes.map((w) => w.id)).toEqual(['person-vladimir-putin'])
    expect(plan.problems).toEqual([
      expect.objectContaining({
        rule: 'json/syntax',
        file: 'content/people/person-broken.json',
        causes: [],
      }),
    ])
    expect(plan.invalid).toEqual([])
    // A file that does not parse is no deleted document: --prune never removes it.
    const pruned = await planPull({ root: ROOT, contentDir: CONTENT, local, remote, prune: true })
    expect(pruned.removals).toEqual([])
  })

  it('never writes a new document over a committed file that holds another _id, nor two documents to one path', async () => {
    const local = packageFiles()
    // A file named for one id holding another (committed, so not dirty).
    local.push(localFile('people/person-a.json', person('person-b', 'B')))
    const remote = [
      ...remoteOf(local),
      { ...(JSON.parse(person('person-a', 'A')) as FetchedDocument), _rev: 'r' },
    ]
    const refused = await planPull({ root: ROOT, contentDir: CONTENT, local, remote })
    expect(refused.refused).toEqual([
      { id: 'person-a', file: 'content/people/person-a.json', reason: 'other-document' },
    ])
    expect(refused.writes).toEqual([])
    // With --force a file of another document may be overwritten, but person-b keeps its file.
    const changed = remote.map((doc) => (doc._id === 'person-b' ? { ...doc, name: 'B2' } : doc))
    const forced = await planPull({
      root: ROOT,
      contentDir: CONTENT,
      local,
      remote: changed,
      force: true,
    })
    expect(forced.writes.map((w) => [w.id, w.file])).toEqual([
      ['person-b', 'content/people/person-a.json'],
    ])
    expect(forced.refused.map((r) => r.id)).toEqual(['person-a'])
  })
})

describe('findCauses', () => {
  const problem = (file: string, pointer: string, documentId: string): Diagnostic => ({
    severity: 'error',
    rule: 'reference/dangling',
    message: 'a problem',
    file,
    line: 1,
    column: 1,
    pointer,
    documentId,
  })
  const change = (id: string, change: 'updated' | 'removed', before: unknown, after?: unknown) =>
    ({
      id,
      cause: { id, file: `content/${id}.json`, change },
      before,
      after,
    }) satisfies ChangedDocument
  const none = async (): Promise<ValidationReport> => ({ valid: true, documents: 0, problems: [] })
  const article = {
    _id: 'a',
    body: [{ markDefs: [{ _type: 'quotation', quote: { _ref: 'q' } }] }],
    speaker: { _ref: 'p' },
  }
  const values = new Map<string, unknown>([['content/a.json', article]])

  it('blames the document the pull writes, when the problem is in it', async () => {
    const changes = [change('a', 'updated', {}, article), change('q', 'updated', {})]
    const [[, causes] = []] = await findCauses(
      [problem('content/a.json', '', 'a')],
      changes,
      values,
      none,
    )
    expect(causes?.map((c) => c.id)).toEqual(['a'])
  })

  it('blames the reference at the pointer: on the way to it, or inside it', async () => {
    const changes = [change('q', 'updated', {}), change('p', 'removed', {})]
    const results = await findCauses(
      [
        problem('content/a.json', '/speaker/_ref', 'a'),
        problem('content/a.json', '/body/0/markDefs/0', 'a'),
      ],
      changes,
      values,
      none,
    )
    expect(results.map(([, causes]) => causes.map((c) => `${c.id} ${c.change}`))).toEqual([
      ['p removed'],
      ['q updated'],
    ])
  })

  it('otherwise blames the changes linked to the document by a reference, else every change', async () => {
    const quote = { _id: 'q', _type: 'quote' }
    const quoteValues = new Map<string, unknown>([['content/q.json', quote]])
    const linked = await findCauses(
      [problem('content/q.json', '/text', 'q')],
      [change('x', 'updated', {}), change('a', 'updated', { speaker: { _ref: 'q' } }, {})],
      quoteValues,
      none,
    )
    expect(linked[0]?.[1].map((c) => c.id)).toEqual(['a'])
    const unlinked = await findCauses(
      [problem('content/q.json', '/text', 'q')],
      [change('x', 'updated', {}), change('y', 'updated', {})],
      quoteValues,
      none,
    )
    expect(unlinked[0]?.[1].map((c) => c.id)).toEqual(['x', 'y'])
  })

  it('blames nobody for a problem content/ already has, and validates content/ only when needed', async () => {
    let baselines = 0
    const before = problem('content/a.json', '/speaker/_ref', 'a')
    const baseline = async (): Promise<ValidationReport> => {
      baselines += 1
      return { valid: false, documents: 1, problems: [before] }
    }
    const own = await findCauses(
      [problem('content/a.json', '', 'a')],
      [change('a', 'updated', {}, article)],
      values,
      baseline,
    )
    expect(own[0]?.[1].map((c) => c.id)).toEqual(['a'])
    expect(baselines).toBe(0)
    const results = await findCauses(
      [problem('content/a.json', '/body', 'a'), { ...before }],
      [change('p', 'removed', {})],
      values,
      baseline,
    )
    expect(results.map(([, causes]) => causes.map((c) => c.id))).toEqual([['p'], []])
    expect(baselines).toBe(1)
  })
})

describe('validateFiles', () => {
  it('reports for files in memory what validate reports for them on disk', async () => {
    const { validate, validateFiles } = await import('../src/validate.js')
    const dir = join(PACKAGE_ROOT, 'tests', 'fixtures', 'invalid')
    const names = readdirSync(dir).filter(
      (n) => /^0[0-4]\d-.*\.json$/.test(n) && !n.includes('.expected.'),
    )
    expect(names.length).toBeGreaterThan(10)
    const onDisk = await validate(names.map((n) => join(dir, n)))
    const inMemory = await validateFiles(
      names.map((n) => ({ file: join(dir, n), content: readFileSync(join(dir, n)) })),
    )
    expect(inMemory.problems).toEqual(onDisk.problems)
    expect(inMemory.problems.length).toBeGreaterThan(10)
  })
})
