// The core of `sanity:pull` as a function: files and remote documents in, a plan out; no I/O.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Diagnostic } from '../src/diagnostics.js'
import { publishedId } from '../src/sanity/canonical.js'
import { formatContentFile } from '../src/sanity/content-file.js'
import type { FetchedDocument } from '../src/sanity/plan.js'
import { type ChangedDocument, findCauses } from '../src/sanity/pull-blame.js'
import {
  type LocalFile,
  type PullPlanInput,
  planPull,
  TYPE_FOLDERS,
} from '../src/sanity/pull-plan.js'
import type { ValidationReport } from '../src/validator/validate.js'
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

describe('validateContent given files in memory', () => {
  it('reports for files in memory what validate reports for them on disk', async () => {
    const { validate, validateContent } = await import('../src/validator/validate.js')
    const dir = join(PACKAGE_ROOT, 'tests', 'fixtures', 'invalid')
    const names = readdirSync(dir).filter(
      (n) => /^0[0-4]\d-.*\.json$/.test(n) && !n.includes('.expected.'),
    )
    expect(names.length).toBeGreaterThan(10)
    const onDisk = await validate(names.map((n) => join(dir, n)))
    const { report: inMemory } = await validateContent({
      files: names.map((n) => ({ file: join(dir, n), content: readFileSync(join(dir, n)) })),
    })
    expect(inMemory.problems).toEqual(onDisk.problems)
    expect(inMemory.problems.length).toBeGreaterThan(10)
  })
})

describe('planPull: every write, removal and refusal, exactly', () => {
  const slugOf = (id: string) => publishedId(id).replace(/[^a-z0-9]+/g, '-')
  const doc = (id: string, name: string, extra: Record<string, unknown> = {}) =>
    ({
      _id: id,
      _type: 'person',
      name,
      slug: { _type: 'slug', current: slugOf(id) },
      _rev: `rev-${name}`,
      _createdAt: '2024-01-01T00:00:00Z',
      ...extra,
    }) as FetchedDocument
  const plan = (
    local: LocalFile[],
    remote: FetchedDocument[],
    extra: Partial<PullPlanInput> = {},
  ) => planPull({ root: ROOT, contentDir: CONTENT, local, remote, ...extra })

  it('writes new and changed documents where they belong, and counts the unchanged', async () => {
    const local = [
      localFile('people/person-a.json', person('person-a', 'A')),
      localFile('elsewhere/odd-name.json', person('person-b', 'B')),
    ]
    const result = await plan(local, [
      doc('drafts.person-c', 'C'),
      doc('person-a', 'A'),
      doc('person-b', 'B2'),
    ])
    expect(result).toStrictEqual({
      writes: [
        {
          id: 'person-b',
          remoteId: 'person-b',
          rev: 'rev-B2',
          path: join(CONTENT, 'elsewhere/odd-name.json'),
          file: 'content/elsewhere/odd-name.json',
          text: person('person-b', 'B2'),
          change: 'updated',
        },
        {
          id: 'person-c',
          remoteId: 'drafts.person-c',
          rev: 'rev-C',
          path: join(CONTENT, 'people/person-c.json'),
          file: 'content/people/person-c.json',
          text: person('person-c', 'C'),
          change: 'created',
        },
      ],
      removals: [],
      kept: [],
      unchanged: 1,
      refused: [],
      problems: [],
      invalid: [],
    })
  })

  it('puts each type in its folder, and a type it does not know in other/', async () => {
    expect([...TYPE_FOLDERS]).toEqual([
      ['article', 'articles'],
      ['person', 'people'],
      ['organization', 'organizations'],
      ['quote', 'quotes'],
      ['photo', 'photos'],
    ])
    const pentagon = {
      _id: 'organization-pentagon',
      _type: 'organization',
      name: 'Pentagon',
      slug: { _type: 'slug', current: 'pentagon' },
      _rev: 'r',
    }
    const organization = await plan([], [pentagon])
    expect(organization.writes.map((w) => w.file)).toEqual([
      'content/organizations/organization-pentagon.json',
    ])
    const result = await plan([], [{ _id: 'thing-x', _type: 'thing', _rev: 'r' }])
    expect(result.writes.map((w) => w.file)).toEqual(['content/other/thing-x.json'])
    expect(result.problems.map((p) => [p.rule, p.causes])).toEqual([
      [
        'document/unknown-type',
        [{ id: 'thing-x', file: 'content/other/thing-x.json', change: 'created' }],
      ],
    ])
    expect(result.invalid).toEqual(['thing-x'])
  })

  it('leaves out of a photo only the image its binary gives, and keeps every other image', async () => {
    const asset = { _type: 'reference', _ref: 'image-abc-10x10-png' }
    const photo = (image?: unknown) =>
      ({
        _id: 'photo-p',
        _type: 'photo',
        alt: 'Alt',
        caption: 'Caption',
        _rev: 'r',
        ...(image === undefined ? {} : { image }),
      }) as FetchedDocument
    const imageOf = async (image: unknown, photoAssets?: ReadonlyMap<string, string>) => {
      const result = await plan([], [photo(image)], { photoAssets })
      return (JSON.parse(result.writes[0]?.text ?? '{}') as { image?: unknown }).image
    }
    const binary = new Map([['photo-p', 'image-abc-10x10-png']])
    expect(await imageOf({ _type: 'image', asset }, binary)).toBeUndefined()
    expect(
      await imageOf({ _type: 'image', asset }, new Map([['photo-p', 'image-other-1x1-png']])),
    ).toEqual({ _type: 'image', asset })
    expect(await imageOf({ _type: 'image', asset })).toEqual({ _type: 'image', asset })
    expect(await imageOf(undefined, binary)).toBeUndefined()
    // No binary, and an image without an asset reference: the editor's field is kept, not dropped.
    const imported = { _type: 'image', _sanityAsset: 'image@file://./images/p.png' }
    expect(await imageOf(imported)).toEqual(imported)
    expect(await imageOf({ _type: 'image' })).toEqual({ _type: 'image' })
    expect(await imageOf({ _type: 'image' }, binary)).toEqual({ _type: 'image' })
    // Only a photo's: another type keeps its image, even one that is the asset of a binary.
    const person = await plan([], [doc('person-p', 'P', { image: { _type: 'image', asset } })], {
      photoAssets: new Map([['person-p', asset._ref]]),
    })
    expect(JSON.parse(person.writes[0]?.text ?? '{}').image).toEqual({ _type: 'image', asset })
  })

  it('refuses a draft of a draft or of a version, by its remote id, and writes the rest', async () => {
    const result = await plan(
      [],
      [
        doc('drafts.drafts.person-x', 'X'),
        doc('drafts.versions.v.person-y', 'Y'),
        doc('drafts.person-z', 'Z'),
      ],
    )
    const problem = (id: string) => ({
      severity: 'error',
      rule: 'pull/draft-id',
      message: `${id} is not a draft of a document content/ can hold: its published id, ${publishedId(id)}, is itself a draft or version id. Delete it in the CMS.`,
      documentId: id,
      file: '',
      line: 1,
      column: 1,
      pointer: '',
      causes: [],
    })
    expect(result.problems).toStrictEqual([
      problem('drafts.drafts.person-x'),
      problem('drafts.versions.v.person-y'),
    ])
    expect(result.invalid).toEqual(['drafts.drafts.person-x', 'drafts.versions.v.person-y'])
    expect(result.writes.map((w) => w.remoteId)).toEqual(['drafts.person-z'])
    // Published ids that merely start like one are documents like any other.
    const plain = await plan([], [doc('versions.person-v', 'V'), doc('draftsman', 'D')])
    expect(plain.problems.map((p) => [p.rule, p.documentId])).toEqual([
      ['document/dotted-id', 'versions.person-v'],
    ])
    expect(plain.invalid).toEqual([])
    expect(plain.writes.map((w) => w.id)).toEqual(['versions.person-v', 'draftsman'])
  })

  it('a document that has a file goes first: a new one never takes its path, even with --force', async () => {
    // person-b's file is named as person-a's would be.
    const local = [localFile('people/person-a.json', person('person-b', 'B'))]
    const remote = [doc('person-a', 'A'), doc('person-b', 'B2')]
    for (const force of [false, true]) {
      const result = await plan(local, remote, { force })
      expect(result.writes.map((w) => [w.id, w.file, w.change])).toEqual([
        ['person-b', 'content/people/person-a.json', 'updated'],
      ])
      expect(result.refused).toEqual([
        { id: 'person-a', file: 'content/people/person-a.json', reason: 'other-document' },
      ])
    }
  })

  it('a file with uncommitted changes is refused, unless --force', async () => {
    const local = [localFile('people/person-a.json', person('person-a', 'A'))]
    const dirty = (path: string) => path === join(CONTENT, 'people/person-a.json')
    const refused = await plan(local, [doc('person-a', 'A2')], { isDirty: dirty })
    expect(refused.writes).toEqual([])
    expect(refused.refused).toEqual([
      { id: 'person-a', file: 'content/people/person-a.json', reason: 'uncommitted' },
    ])
    const forced = await plan(local, [doc('person-a', 'A2')], { isDirty: dirty, force: true })
    expect(forced.writes.map((w) => w.id)).toEqual(['person-a'])
    expect(forced.refused).toEqual([])
    // An unchanged document is no refusal, dirty or not.
    const same = await plan(local, [doc('person-a', 'A')], { isDirty: dirty })
    expect([same.unchanged, same.refused]).toEqual([1, []])
  })

  it('a document gone from the dataset: kept, removed with --prune, refused when dirty unless --force', async () => {
    const local = [
      localFile('people/person-a.json', person('person-a', 'A')),
      localFile('people/person-gone.json', person('person-gone', 'G')),
      // A second file of the same id: not the document's file, so never removed.
      localFile('people/zz-copy.json', person('person-gone', 'G')),
    ]
    const remote = [doc('person-a', 'A')]
    const gone = join(CONTENT, 'people/person-gone.json')
    const kept = await plan(local, remote)
    expect([kept.kept, kept.removals, kept.refused]).toEqual([
      [{ id: 'person-gone', file: 'content/people/person-gone.json' }],
      [],
      [],
    ])
    const pruned = await plan(local, remote, { prune: true })
    expect([pruned.kept, pruned.removals, pruned.refused]).toEqual([
      [],
      [{ id: 'person-gone', path: gone, file: 'content/people/person-gone.json' }],
      [],
    ])
    const isDirty = (path: string) => path === gone
    const dirty = await plan(local, remote, { prune: true, isDirty })
    expect([dirty.kept, dirty.removals, dirty.refused]).toEqual([
      [],
      [],
      [{ id: 'person-gone', file: 'content/people/person-gone.json', reason: 'uncommitted' }],
    ])
    const forced = await plan(local, remote, { prune: true, isDirty, force: true })
    expect(forced.removals.map((r) => r.id)).toEqual(['person-gone'])
  })

  it('a file written over with another document is replaced, not removed', async () => {
    const local = [localFile('people/person-a.json', person('person-old', 'Old'))]
    const result = await plan(local, [doc('person-a', 'A')], { prune: true, force: true })
    expect(result.writes.map((w) => [w.id, w.file, w.change])).toEqual([
      ['person-a', 'content/people/person-a.json', 'created'],
    ])
    expect([result.removals, result.kept]).toEqual([[], []])
  })

  it('reports warnings of the documents it writes, not those content/ has already', async () => {
    const old = doc('person.old', 'Old')
    const { _rev, _createdAt, ...oldContent } = old
    const local = [localFile('people/person.old.json', formatContentFile(oldContent))]
    const result = await plan(local, [old, doc('person.new', 'New')])
    expect(result.problems).toStrictEqual([
      {
        severity: 'warning',
        rule: 'document/dotted-id',
        message: expect.stringContaining('person.new'),
        documentId: 'person.new',
        file: 'content/people/person.new.json',
        line: 2,
        column: 10,
        pointer: '/_id',
        causes: [{ id: 'person.new', file: 'content/people/person.new.json', change: 'created' }],
      },
    ])
    expect(result.invalid).toEqual([])
  })

  it('lists each document that causes an error once, sorted', async () => {
    const result = await plan(
      [],
      [
        doc('person-z', 'Z', { name: 1 }),
        doc('person-y', 'Y', { name: 2, role: 3 }),
        doc('drafts.drafts.x', 'X'),
      ],
    )
    expect(result.problems.map((p) => [p.documentId, p.rule, p.pointer])).toEqual([
      ['drafts.drafts.x', 'pull/draft-id', ''],
      ['person-y', 'schema/type', '/name'],
      ['person-y', 'schema/type', '/role'],
      ['person-z', 'schema/type', '/name'],
    ])
    expect(result.invalid).toEqual(['drafts.drafts.x', 'person-y', 'person-z'])
    // Sorted, whatever order the problems come in.
    const later = await plan([], [doc('drafts.drafts.x', 'X'), doc('ant', 'A', { name: 1 })])
    expect(later.problems.map((p) => p.documentId)).toEqual(['drafts.drafts.x', 'ant'])
    expect(later.invalid).toEqual(['ant', 'drafts.drafts.x'])
  })

  it('validates the files in path order, kept and written alike, so problems come in that order', async () => {
    const local = [
      localFile('people/person-m.json', person('person-m', 'M')),
      localFile('people/person-z.json', '{'),
    ]
    const result = await plan(local, [
      doc('person-m', 'M'),
      doc('person-a', 'A', { name: 1 }),
      doc('person-q', 'Q', { name: 1 }),
    ])
    expect(result.problems.map((p) => [p.file, p.rule])).toEqual([
      ['content/people/person-a.json', 'schema/type'],
      ['content/people/person-q.json', 'schema/type'],
      ['content/people/person-z.json', 'json/syntax'],
    ])
  })

  it('blames a removal on the document it removes, and a change on the document linked to it', async () => {
    const quoteFile = (speaker: string) =>
      formatContentFile({
        _id: 'quote-q',
        _type: 'quote',
        text: 'Words',
        kind: 'paraphrase',
        speaker: { _type: 'reference', _ref: speaker },
      })
    const local = [
      localFile('people/person-a.json', person('person-a', 'A')),
      localFile('quotes/quote-q.json', quoteFile('person-a')),
    ]
    const removed = await plan(local, [JSON.parse(quoteFile('person-a'))], { prune: true })
    expect(removed.problems.map((p) => [p.rule, p.file, p.causes])).toEqual([
      [
        'reference/dangling',
        'content/quotes/quote-q.json',
        [{ id: 'person-a', file: 'content/people/person-a.json', change: 'removed' }],
      ],
    ])
    expect(removed.invalid).toEqual(['person-a'])
  })
})

describe('findCauses: each way a problem is blamed', () => {
  const problem = (
    file: string,
    pointer: string,
    documentId: string | null,
    extra: Partial<Diagnostic> = {},
  ): Diagnostic => ({
    severity: 'error',
    rule: 'reference/dangling',
    message: 'a problem',
    file,
    line: 1,
    column: 1,
    pointer,
    documentId,
    ...extra,
  })
  const change = (
    id: string,
    kind: 'created' | 'updated' | 'removed',
    before?: unknown,
    after?: unknown,
  ): ChangedDocument => ({
    id,
    cause: { id, file: `content/${id}.json`, change: kind },
    before,
    after,
  })
  const cause = (id: string, kind: string) => ({ id, file: `content/${id}.json`, change: kind })
  const never = async (): Promise<ValidationReport> => {
    throw new Error('content/ need not be validated')
  }
  const blamed = async (
    problems: Diagnostic[],
    changes: ChangedDocument[],
    value: unknown,
    baseline = never,
  ) =>
    (await findCauses(problems, changes, new Map([['content/a.json', value]]), baseline)).map(
      ([p, causes]) => [p, causes.map((c) => `${c.id} ${c.change}`)],
    )

  it('a warning is blamed only on the written document it is in, without validating content/', async () => {
    const warning = (file: string) => problem(file, '', 'x', { severity: 'warning' })
    const changes = [change('a', 'updated', {}, {}), change('b', 'removed', {})]
    expect(
      await blamed([warning('content/a.json'), warning('content/c.json')], changes, {}),
    ).toEqual([
      [warning('content/a.json'), ['a updated']],
      [warning('content/c.json'), []],
    ])
  })

  it('a removed document is never the document a problem is in', async () => {
    const results = await findCauses(
      [problem('content/b.json', '', 'b')],
      [change('b', 'removed', {}), change('c', 'updated', {}, {})],
      new Map(),
      async () => ({ valid: true, documents: 0, problems: [] }),
    )
    // Not b's own problem: linked to nothing, so blamed on every change.
    expect(results[0]?.[1]).toEqual([cause('b', 'removed'), cause('c', 'updated')])
  })

  it('a reference at the top of the document, or on the way to the pointer, names its target', async () => {
    const doc = { _ref: 'top', list: [{ _ref: 'mid', inner: { deep: { _ref: 'low' } } }] }
    const changes = [
      change('top', 'updated', {}),
      change('mid', 'updated', {}),
      change('low', 'updated', {}),
      change('off', 'updated', {}),
    ]
    const none = async (): Promise<ValidationReport> => ({
      valid: true,
      documents: 0,
      problems: [],
    })
    const at = async (pointer: string) =>
      (await blamed([problem('content/a.json', pointer, 'a')], changes, doc, none))[0]?.[1]
    // Everything under the pointer counts, and every _ref on the way there.
    expect(await at('')).toEqual(['top updated', 'mid updated', 'low updated'])
    expect(await at('/list/0')).toEqual(['top updated', 'mid updated', 'low updated'])
    expect(await at('/list/0/_ref')).toEqual(['top updated', 'mid updated'])
    expect(await at('/list/0/inner/deep/_ref')).toEqual([
      'top updated',
      'mid updated',
      'low updated',
    ])
    // A pointer past what is there stops where the document stops.
    expect(await at('/list/0/inner/deep/_ref/more')).toEqual([
      'top updated',
      'mid updated',
      'low updated',
    ])
    expect(await at('/list/5')).toEqual(['top updated', 'mid updated', 'low updated'])
    // A value that is not an object has no _ref, and nothing under it.
    const scalar = await blamed(
      [problem('content/a.json', '/n/x', 'a')],
      [change('q', 'updated', {}), change('r', 'updated', { s: { _ref: 'a' } })],
      { n: 'text', m: null, o: { _ref: 5 } },
      none,
    )
    expect(scalar[0]?.[1]).toEqual(['r updated'])
    // A pointer through null stops there too.
    const throughNull = await blamed(
      [problem('content/a.json', '/m/x', 'a')],
      [change('q', 'updated', {}), change('r', 'updated', { s: { _ref: 'a' } })],
      { n: 'text', m: null, o: { _ref: 5 } },
      none,
    )
    expect(throughNull[0]?.[1]).toEqual(['r updated'])
  })

  it('without a reference at the pointer: changes linked either way, before or after', async () => {
    const none = async (): Promise<ValidationReport> => ({
      valid: true,
      documents: 0,
      problems: [],
    })
    const value = { _id: 'a', text: 'x', other: { _ref: 'out' } }
    const changes = [
      change('out', 'updated', {}),
      change('before', 'updated', { r: { _ref: 'a' } }, {}),
      change('after', 'created', undefined, { r: [{ _ref: 'a' }] }),
      change('unrelated', 'updated', { r: { _ref: 'z' } }, { r: { _ref: 'z' } }),
    ]
    const results = await blamed([problem('content/a.json', '/text', 'a')], changes, value, none)
    expect(results[0]?.[1]).toEqual(['out updated', 'before updated', 'after created'])
    // A problem of no document is linked only by its own references.
    const orphan = await blamed([problem('content/a.json', '/text', null)], changes, value, none)
    expect(orphan[0]?.[1]).toEqual(['out updated'])
  })

  it('a problem content/ already has is the same file, rule, pointer and message', async () => {
    const known = problem('content/a.json', '/x', 'a')
    const baseline = async (): Promise<ValidationReport> => ({
      valid: false,
      documents: 1,
      problems: [known],
    })
    const variants = [
      known,
      { ...known, line: 9, column: 9, documentId: 'other' },
      { ...known, file: 'content/b.json' },
      { ...known, rule: 'reference/wrong-type' as const },
      { ...known, pointer: '/y' },
      { ...known, message: 'another' },
      // The same characters, split between the fields differently.
      { ...known, file: 'content/a.jsonr', rule: 'eference/dangling' as never },
    ]
    const results = await blamed(variants, [change('c', 'updated', {})], {}, baseline)
    expect(results.map(([, causes]) => causes)).toEqual([
      [],
      [],
      ['c updated'],
      ['c updated'],
      ['c updated'],
      ['c updated'],
      ['c updated'],
    ])
  })
})
