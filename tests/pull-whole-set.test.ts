// `sanity:pull` writes a whole, valid content set, or nothing: the defects of issue 9, §2.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { publish, pull } from 'us-russia-g20-story/sanity'
import { afterEach, describe, expect, it } from 'vitest'
import type { SanityApi, SanityDocument } from '../tools/sanity-api/server.js'
import {
  gitChanges,
  publishedRepo as publishedRepoFor,
  readJson,
  runScriptAsync,
  startApi,
} from './publish-helpers.js'

let api: SanityApi | undefined
afterEach(async () => {
  await api?.close()
  api = undefined
})

const ON_THE_MOVE = 'quote-russian-foreign-ministry-on-the-move'
const ARTICLE = 'article-first-top-level-us-russia-meeting-after-ukraine-war'
const LAVROV = 'person-sergei-lavrov'
const PUTIN = 'person-vladimir-putin'
const articleFile = `content/articles/${ARTICLE}.json`

/** A published repo whose API is closed after the test. */
async function publishedRepo() {
  const published = await publishedRepoFor('pull-set-')
  api = published.api
  return published
}

/**
 * Replace the API by one holding its documents and a new person (an editor made it in Studio),
 * whose `_id` may be anything.
 */
async function remoteAddsPerson(current: SanityApi, id: string) {
  const documents: SanityDocument[] = [
    ...current.documents(),
    { _id: id, _type: 'person', name: 'New Person', slug: { _type: 'slug', current: 'new-p' } },
  ]
  await current.close()
  api = undefined
  const next = await startApi({ documents })
  api = next.api
  return next
}

/** `value` wrapped in `depth` arrays, built without recursion. */
function nested(depth: number, value: unknown = 'x'): unknown {
  let result = value
  for (let i = 0; i < depth; i++) result = [result]
  return result
}

describe('pull validates the content set it would leave, and writes all of it or nothing', () => {
  it("an editor's change to a quote's text that an article quotes: nothing is written, exit 1, and the quote is blamed", async () => {
    const { api, options } = await publishedRepo()
    api.editorEdit(ON_THE_MOVE, (doc) => ({ ...doc, text: 'On the move' }))
    const report = await pull(options)
    expect(report.status).toBe('invalid')
    // Nothing written: content/ and sanity.lock.json are as committed after the publish.
    expect(gitChanges(options.root)).toBe('')
    const problem = report.problems.find((p) => p.rule === 'quote/not-verbatim')
    expect(problem).toMatchObject({ severity: 'error' })
    expect(problem?.causes).toEqual([
      { id: ON_THE_MOVE, file: `content/quotes/${ON_THE_MOVE}.json`, change: 'updated' },
    ])
    expect(report.invalid).toEqual([ON_THE_MOVE])

    const cli = await runScriptAsync('pull', ['--root', options.root], api.env())
    expect(cli.status).toBe(1)
    expect(cli.stderr).toContain(`content/quotes/${ON_THE_MOVE}.json`)
    expect(cli.stderr).toMatch(new RegExp(`caused by the CMS's change to ${ON_THE_MOVE}`))
    expect(cli.stderr).toContain('Nothing was written')
    expect(gitChanges(options.root)).toBe('')
  })

  it('--prune does not remove a person or a quote the article still references', async () => {
    const first = await publishedRepo()
    const options = first.options
    const docs = first.api.documents().filter((d) => d._id !== LAVROV && d._id !== ON_THE_MOVE)
    await first.api.close()
    const next = await startApi({ documents: docs })
    api = next.api
    const report = await pull({ ...options, config: next.config, prune: true, force: true })
    expect(report.status).toBe('invalid')
    expect(gitChanges(options.root)).toBe('')
    const dangling = report.problems.filter((p) => p.rule === 'reference/dangling')
    expect(dangling.map((p) => p.documentId)).toContain(ARTICLE)
    // Each dangling reference is blamed on the one deletion it is about.
    for (const problem of dangling) expect(problem.causes).toHaveLength(1)
    const causes = new Set(dangling.flatMap((p) => p.causes.map((c) => `${c.id} ${c.change}`)))
    expect([...causes].sort()).toEqual([`${LAVROV} removed`, `${ON_THE_MOVE} removed`])
    expect(report.deleted.filter((f) => f.removed)).toEqual([])
  })

  it('a remote `_type` change on an existing id is refused when it leaves content/ invalid', async () => {
    const { api, options } = await publishedRepo()
    api.editorEdit(ON_THE_MOVE, (doc) => ({
      _id: doc._id,
      _type: 'person',
      name: 'Moving Person',
      slug: { _type: 'slug', current: 'moving-person' },
    }))
    const report = await pull(options)
    expect(report.status).toBe('invalid')
    expect(gitChanges(options.root)).toBe('')
    const wrongType = report.problems.find((p) => p.rule === 'reference/wrong-type')
    expect(wrongType).toMatchObject({ documentId: ARTICLE, file: articleFile })
    expect(wrongType?.causes.map((c) => c.id)).toEqual([ON_THE_MOVE])
  })

  it('a remote document nested deeper than the limit is reported by its id and not written', async () => {
    const { api, options } = await publishedRepo()
    api.editorEdit(PUTIN, (doc) => ({ ...doc, role: nested(70) }))
    const report = await pull(options)
    expect(report.status).toBe('invalid')
    expect(report.problems).toContainEqual(
      expect.objectContaining({
        rule: 'json/max-depth',
        documentId: PUTIN,
        file: `content/people/${PUTIN}.json`,
      }),
    )
    expect(report.invalid).toEqual([PUTIN])
    expect(gitChanges(options.root)).toBe('')
  })

  it('3,000 levels of nesting: no stack overflow; the document is reported by id and the others are still checked', async () => {
    const { api, options } = await publishedRepo()
    api.editorEdit(PUTIN, (doc) => ({ ...doc, role: nested(3000) }))
    api.editorEdit(LAVROV, (doc) => ({ ...doc, name: 42 }))
    const report = await pull(options)
    expect(report.status).toBe('invalid')
    expect(report.problems).toContainEqual(
      expect.objectContaining({ rule: 'json/max-depth', documentId: PUTIN }),
    )
    expect(report.problems).toContainEqual(
      expect.objectContaining({ documentId: LAVROV, pointer: '/name' }),
    )
    expect(report.invalid).toEqual([LAVROV, PUTIN])
    expect(gitChanges(options.root)).toBe('')
  })

  it('3,000 levels of nesting in a remote document: publish reports that id and writes the others', async () => {
    const { api, options } = await publishedRepo()
    api.editorEdit(PUTIN, (doc) => ({ ...doc, role: nested(3000) }))
    const person = join(options.contentDir, 'people', `${LAVROV}.json`)
    writeFileSync(person, readFileSync(person, 'utf8').replace('"Sergei Lavrov"', '"S. Lavrov"'))
    const report = await publish(options)
    expect(report.conflicts).toEqual([PUTIN])
    expect(report.written).toEqual([LAVROV])
  })

  it('a new remote document whose path holds an uncommitted file with another id is refused; with --prune --force it is written and kept', async () => {
    const { api, options } = await publishedRepo()
    const path = join(options.contentDir, 'people', 'person-new-editor.json')
    const local = `${JSON.stringify({
      _id: 'person-local-work',
      _type: 'person',
      name: 'Local Work',
      slug: { _type: 'slug', current: 'local-work' },
    })}\n`
    writeFileSync(path, local)
    const next = await remoteAddsPerson(api, 'person-new-editor')
    const report = await pull({ ...options, config: next.config })
    expect(report.refused).toEqual([
      {
        id: 'person-new-editor',
        file: 'content/people/person-new-editor.json',
        reason: 'other-document',
      },
    ])
    expect(report.status).toBe('incomplete')
    expect(readFileSync(path, 'utf8')).toBe(local)

    const forced = await pull({ ...options, config: next.config, prune: true, force: true })
    expect(forced.status).toBe('ok')
    expect(readJson(path)._id).toBe('person-new-editor')
  })

  it('a `__proto__` key in a remote document is rejected as validate rejects it, not dropped', async () => {
    const { api, options } = await publishedRepo()
    api.editorEdit(PUTIN, (doc) => ({ ...doc, ['__proto__']: { polluted: true } }))
    const report = await pull(options)
    expect(report.status).toBe('invalid')
    expect(report.problems).toContainEqual(
      expect.objectContaining({ rule: 'json/proto-key', documentId: PUTIN, pointer: '/__proto__' }),
    )
    expect(gitChanges(options.root)).toBe('')
  })

  it('a document whose `_id` is `__proto__` is written and recorded in sanity.lock.json', async () => {
    const { api, options } = await publishedRepo()
    const next = await remoteAddsPerson(api, '__proto__')
    const report = await pull({ ...options, config: next.config })
    expect(report.status).toBe('ok')
    expect(readJson(join(options.contentDir, 'people', '__proto__.json')).name).toBe('New Person')
    const lock = readJson(join(options.root, 'sanity.lock.json'))['test/production'] as object
    expect(Object.hasOwn(lock, '__proto__')).toBe(true)
    expect(Object.getOwnPropertyDescriptor(lock, '__proto__')?.value).toBe(
      next.api.get('__proto__')?._rev,
    )
  })

  it('--drafts: the remote id drafts.drafts.x does not become a local document drafts.x', async () => {
    const { api, options } = await publishedRepo()
    const next = await remoteAddsPerson(api, 'drafts.drafts.person-odd')
    const report = await pull({ ...options, config: next.config, drafts: true })
    expect(report.status).toBe('invalid')
    expect(report.problems).toContainEqual(
      expect.objectContaining({ documentId: 'drafts.drafts.person-odd', rule: 'pull/draft-id' }),
    )
    expect(gitChanges(options.root)).toBe('')
  })

  it('a damaged sanity.lock.json is noticed before any content file is written', async () => {
    const { api, options } = await publishedRepo()
    api.editorEdit(PUTIN, (doc) => ({ ...doc, role: 'Edited in Studio' }))
    for (const damaged of ['{ "test/production": ', '{"test/production": {"x": 5}}', '[]']) {
      writeFileSync(join(options.root, 'sanity.lock.json'), damaged)
      await expect(pull(options)).rejects.toThrow(/sanity\.lock\.json/)
      expect(readJson(join(options.contentDir, 'people', `${PUTIN}.json`)).role).toBe('President')
    }
  })
})
