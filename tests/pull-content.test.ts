import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { publish, pull } from 'us-russia-g20-story/sanity'
import { afterEach, describe, expect, it } from 'vitest'
import { formatContentFile } from '../src/sanity/content-file.js'
import type { SanityApi } from '../tools/sanity-api/server.js'
import {
  FAST_RETRY,
  gitChanges,
  gitInit,
  publishedRepo as publishedRepoFor,
  readJson,
  startApi,
  tempRepo,
} from './publish-helpers.js'

let api: SanityApi | undefined
afterEach(async () => {
  await api?.close()
  api = undefined
})

const QUOTE = 'quote-lavrov-farce'
const quoteFile = (contentDir: string) => join(contentDir, 'quotes', `${QUOTE}.json`)

/** A published repo whose API is closed after the test. */
async function publishedRepo() {
  const published = await publishedRepoFor('pull-test-')
  api = published.api
  return published
}

describe('pull', () => {
  it('round trip: publish, then pull changes no file (git diff is empty)', async () => {
    const { options, total } = await publishedRepo()
    const report = await pull(options)
    expect(report).toMatchObject({
      status: 'ok',
      created: [],
      updated: [],
      deleted: [],
      refused: [],
      problems: [],
    })
    expect(report.unchanged).toBe(total)
    expect(gitChanges(options.root)).toBe('')
  })

  it("writes an editor's change in the repo format, records its revision, and the next publish is no conflict", async () => {
    const { api, options } = await publishedRepo()
    // Studio may send keys in any order; the file must not depend on it.
    const edited = api.editorEdit(QUOTE, (doc) => {
      const { _id, _type, via: _, ...rest } = doc
      return { via: 'according to a Russian foreign ministry statement', ...rest, _type, _id }
    })
    const report = await pull(options)
    expect(report.status).toBe('ok')
    expect(report.updated).toEqual([{ id: QUOTE, file: `content/quotes/${QUOTE}.json` }])
    const text = readFileSync(quoteFile(options.contentDir), 'utf8')
    expect(text).toBe(formatContentFile(JSON.parse(text)))
    expect(JSON.parse(text)).not.toHaveProperty('contentHash')
    expect(JSON.parse(text)).not.toHaveProperty('_rev')
    expect(JSON.parse(text).via).toBe('according to a Russian foreign ministry statement')
    expect(readJson(join(options.root, 'sanity.lock.json'))).toMatchObject({
      'test/production': { [QUOTE]: edited._rev },
    })

    const next = await publish(options)
    expect(next.conflicts).toEqual([])
    expect(next.status).toBe('published')
    // The content already matches; the update only records this repo's hash of it.
    expect(next.plan.find((r) => r.id === QUOTE)?.action).toBe('update')
    expect(api.get(QUOTE)?.via).toBe('according to a Russian foreign ministry statement')

    // A local change on top of the pulled revision publishes without --force.
    writeFileSync(quoteFile(options.contentDir), text.replace('"direct"', '"partial"'))
    const third = await publish(options)
    expect(third.status).toBe('published')
    expect(api.get(QUOTE)?.kind).toBe('partial')
  })

  it('refuses to overwrite a file with uncommitted changes, unless --force', async () => {
    const { api, options } = await publishedRepo()
    api.editorEdit(QUOTE, (doc) => ({ ...doc, via: 'edited in Studio' }))
    const local = readFileSync(quoteFile(options.contentDir), 'utf8').replace(
      '"direct"',
      '"partial"',
    )
    writeFileSync(quoteFile(options.contentDir), local)
    const lock = join(options.root, 'sanity.lock.json')
    const lockBefore = readFileSync(lock, 'utf8')
    const refused = await pull(options)
    expect(refused.status).toBe('incomplete')
    expect(refused.refused).toEqual([
      { id: QUOTE, file: `content/quotes/${QUOTE}.json`, reason: 'uncommitted' },
    ])
    expect(readFileSync(quoteFile(options.contentDir), 'utf8')).toBe(local)
    // The refused document's revision is not recorded: it did not come in.
    expect(readFileSync(lock, 'utf8')).toBe(lockBefore)

    const forced = await pull({ ...options, force: true })
    expect(forced.status).toBe('ok')
    expect(readJson(quoteFile(options.contentDir)).via).toBe('edited in Studio')
  })

  it('outside a git repository, says so and treats files as clean', async () => {
    const started = await startApi()
    api = started.api
    const repo = tempRepo('pull-nogit-')
    const options = { ...repo, config: started.config, retry: FAST_RETRY }
    await publish(options)
    api.editorEdit(QUOTE, (doc) => ({ ...doc, via: 'edited in Studio' }))
    const report = await pull(options)
    expect(report.notes.join()).toMatch(/not in a git repository/)
    expect(report.updated.map((f) => f.id)).toEqual([QUOTE])
  })

  it('reports an invalid remote document by id and pointer, and writes nothing, not even with --force', async () => {
    const { api, options } = await publishedRepo()
    api.editorEdit(QUOTE, (doc) => ({ ...doc, kind: 'rumour' }))
    api.editorEdit('person-sergei-lavrov', (doc) => ({
      ...doc,
      role: 'Russian Foreign Minister (edited)',
    }))
    const report = await pull({ ...options, force: true })
    expect(report.status).toBe('invalid')
    expect(report.invalid).toEqual([QUOTE])
    expect(report.problems).toContainEqual(
      expect.objectContaining({ severity: 'error', documentId: QUOTE, pointer: '/kind' }),
    )
    expect(report.updated).toEqual([])
    expect(gitChanges(options.root)).toBe('')
  })

  it('creates files for new documents in their type folder; reports deleted ones and removes them only with --prune', async () => {
    const first = await publishedRepo()
    const options = first.options
    // A person nobody references, deleted in Studio, and a new one made there (another API
    // holds the new state).
    const extra = join(options.contentDir, 'people', 'person-extra.json')
    writeFileSync(
      extra,
      '{"_id":"person-extra","_type":"person","name":"Extra","slug":{"_type":"slug","current":"extra"}}\n',
    )
    gitInit(options.root)
    expect((await publish(options)).status).toBe('published')
    const docs = first.api.documents().filter((d) => d._id !== 'person-extra')
    docs.push({
      _id: 'person-new-editor',
      _type: 'person',
      name: 'New Person',
      slug: { _type: 'slug', current: 'new-person' },
    })
    await first.api.close()
    const next = await startApi({ documents: docs })
    api = next.api
    const config = next.config
    const report = await pull({ ...options, config })
    expect(report.created).toEqual([
      { id: 'person-new-editor', file: 'content/people/person-new-editor.json' },
    ])
    expect(report.deleted).toEqual([
      { id: 'person-extra', file: 'content/people/person-extra.json', removed: false },
    ])
    expect(existsSync(extra)).toBe(true)

    const pruned = await pull({ ...options, config, prune: true })
    expect(pruned.deleted).toEqual([
      { id: 'person-extra', file: 'content/people/person-extra.json', removed: true },
    ])
    expect(existsSync(extra)).toBe(false)
  })
})
