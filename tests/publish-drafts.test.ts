import { readFileSync, writeFileSync } from 'node:fs'
import { publish, pull } from 'us-russia-g20-story/sanity'
import { afterEach, describe, expect, it } from 'vitest'
import type { SanityApi } from '../tools/sanity-api/server.js'
import {
  countFiles,
  FAST_RETRY,
  gitChanges,
  gitInit,
  startApi,
  storedContent,
  tempRepo,
} from './publish-helpers.js'

let api: SanityApi | undefined
afterEach(async () => {
  await api?.close()
  api = undefined
})

const QUOTE = 'quote-lavrov-farce'

describe('publish --drafts', () => {
  it('writes drafts.<id> with weak references to unpublished documents, and pull --drafts takes them off', async () => {
    const started = await startApi()
    api = started.api
    const repo = tempRepo()
    const total = countFiles(repo.contentDir)
    const report = await publish({
      ...repo,
      config: started.config,
      drafts: true,
      retry: FAST_RETRY,
    })
    expect(report.status).toBe('published')
    const stored = storedContent(api)
    expect(stored).toHaveLength(total)
    expect(stored.every((d) => d._id.startsWith('drafts.'))).toBe(true)
    expect(api.get(`drafts.${QUOTE}`)?.speaker).toEqual({
      _type: 'reference',
      _ref: 'person-sergei-lavrov',
      _weak: true,
      _strengthenOnPublish: { type: 'person' },
    })

    gitInit(repo.root)
    const pulled = await pull({ ...repo, config: started.config, drafts: true, retry: FAST_RETRY })
    expect(pulled).toMatchObject({ status: 'ok', created: [], updated: [], invalid: [] })
    expect(pulled.unchanged).toBe(total)
    expect(gitChanges(repo.root)).toBe('')

    const again = await publish({
      ...repo,
      config: started.config,
      drafts: true,
      retry: FAST_RETRY,
    })
    expect(again.mutations).toBe(0)
  })

  it('keeps references to published documents strong', async () => {
    const { api, publishDrafts } = await publishedThenQuoteChanged()
    const report = await publishDrafts()
    // Only the changed quote gets a draft: the others are the same as their published versions.
    expect(report.plan.filter((r) => r.action === 'create').map((r) => r.id)).toEqual([
      `drafts.${QUOTE}`,
    ])
    expect(report.plan.filter((r) => r.action === 'unchanged')).toHaveLength(report.plan.length - 1)
    expect(api.documents().filter((d) => d._id.startsWith('drafts.'))).toHaveLength(1)
    expect(api.get(`drafts.${QUOTE}`)?.speaker).toEqual({
      _type: 'reference',
      _ref: 'person-sergei-lavrov',
    })
    expect(api.get(QUOTE)?.kind).toBe('direct')
    expect(api.get(`drafts.${QUOTE}`)?.kind).toBe('partial')
  })

  it("does not hide an editor's change to the published version behind a new draft", async () => {
    const { api, publishDrafts } = await publishedThenQuoteChanged((api) =>
      api.editorEdit(QUOTE, (doc) => ({ ...doc, via: 'edited in Studio' })),
    )
    const report = await publishDrafts()
    expect(report.status).toBe('incomplete')
    expect(report.conflicts).toEqual([`drafts.${QUOTE}`])
    expect(api.get(`drafts.${QUOTE}`)).toBeUndefined()
    expect(api.get(QUOTE)?.via).toBe('edited in Studio')

    const forced = await publishDrafts({ force: true })
    expect(forced.status).toBe('published')
    expect(api.get(`drafts.${QUOTE}`)?.kind).toBe('partial')
  })
})

/**
 * Publish the content (published versions), let `editor` change the dataset, then change the
 * quote here (`direct` → `partial`); `publishDrafts` then publishes with --drafts.
 */
async function publishedThenQuoteChanged(editor: (api: SanityApi) => void = () => undefined) {
  const started = await startApi()
  api = started.api
  const repo = tempRepo()
  await publish({ ...repo, config: started.config, retry: FAST_RETRY })
  editor(started.api)
  const file = `${repo.contentDir}/quotes/${QUOTE}.json`
  writeFileSync(file, readFileSync(file, 'utf8').replace('"direct"', '"partial"'))
  const publishDrafts = (extra: { force?: boolean } = {}) =>
    publish({ ...repo, config: started.config, drafts: true, retry: FAST_RETRY, ...extra })
  return { api: started.api, publishDrafts }
}
