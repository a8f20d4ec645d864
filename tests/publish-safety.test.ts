import { PublishError, publish } from 'us-russia-g20-story/sanity'
import { afterEach, describe, expect, it } from 'vitest'
import type { SanityApi } from '../tools/sanity-api/server.js'
import {
  FAST_RETRY,
  mutateRequests,
  readJson,
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

async function publishedOnce() {
  const started = await startApi()
  api = started.api
  const repo = tempRepo()
  const options = { ...repo, config: started.config, retry: FAST_RETRY }
  expect((await publish(options)).status).toBe('published')
  return { api: started.api, options }
}

describe('publish never clobbers an editor', () => {
  it('reports an editor change as a conflict, does not overwrite it, and still writes the rest', async () => {
    const { api, options } = await publishedOnce()
    const edited = api.editorEdit(QUOTE, (doc) => ({ ...doc, occasion: 'edited in Studio' }))
    const { writeFileSync, readFileSync } = await import('node:fs')
    const file = `${options.contentDir}/quotes/${QUOTE}.json`
    writeFileSync(file, readFileSync(file, 'utf8').replace('"direct"', '"partial"'))
    const person = `${options.contentDir}/people/person-sergei-lavrov.json`
    writeFileSync(
      person,
      readFileSync(person, 'utf8').replace('"Sergei Lavrov"', '"Sergei  Lavrov"'),
    )

    const report = await publish(options)
    expect(report.status).toBe('incomplete')
    expect(report.conflicts).toEqual([QUOTE])
    expect(report.plan.find((r) => r.id === QUOTE)?.action).toBe('conflict')
    expect(api.get(QUOTE)).toEqual(edited)
    expect(report.written).toEqual(['person-sergei-lavrov'])
    expect(api.get('person-sergei-lavrov')?.name).toBe('Sergei  Lavrov')
  })

  it('overwrites the editor change with --force, guarded by ifRevisionID', async () => {
    const { api, options } = await publishedOnce()
    const edited = api.editorEdit(QUOTE, (doc) => ({ ...doc, occasion: 'edited in Studio' }))
    const before = mutateRequests(api).length
    const report = await publish({ ...options, force: true })
    expect(report.status).toBe('published')
    expect(report.written).toEqual([QUOTE])
    // The local quote has no `occasion`: the patch unsets what the editor added.
    const local = readJson(`${options.contentDir}/quotes/${QUOTE}.json`)
    expect(local.occasion).toBeUndefined()
    expect(api.get(QUOTE)).toMatchObject(local)
    expect(api.get(QUOTE)).not.toHaveProperty('occasion')
    expect(api.get(QUOTE)?._rev).not.toBe(edited._rev)
    expect(mutateRequests(api).slice(before)).toHaveLength(1)
  })

  it('a dry run reads but sends no mutation, and needs no token', async () => {
    const started = await startApi()
    api = started.api
    const repo = tempRepo()
    const { SANITY_API_TOKEN: _, ...withoutToken } = api.env()
    const report = await publish({ ...repo, env: withoutToken, dryRun: true, retry: FAST_RETRY })
    expect(report.status).toBe('planned')
    expect(report.plan.every((r) => r.action === 'create')).toBe(true)
    expect(mutateRequests(api)).toHaveLength(0)
    expect(api.requests.every((r) => r.method === 'GET' || r.path.includes('/data/query/'))).toBe(
      true,
    )
    expect(storedContent(api)).toHaveLength(0)
  })

  it('publishes nothing when the content is invalid', async () => {
    const started = await startApi()
    api = started.api
    const repo = tempRepo()
    const { writeFileSync } = await import('node:fs')
    writeFileSync(
      `${repo.contentDir}/people/person-bad.json`,
      '{"_id": "person-bad", "_type": "person"}\n',
    )
    const report = await publish({ ...repo, config: started.config })
    expect(report.status).toBe('invalid')
    expect(report.validation.problems.some((p) => p.file.endsWith('person-bad.json'))).toBe(true)
    expect(api.requests).toHaveLength(0)
  })

  it.each([
    // Sanity's create treats a trailing dot as a prefix: each publish made one more `person-x.<random>`.
    'person-x.',
    // Sanity refuses an empty path segment: the whole transaction failed.
    'person..x',
  ])('publishes nothing for the id "%s", which Sanity rewrites or refuses', async (id) => {
    const started = await startApi()
    api = started.api
    const repo = tempRepo()
    const { writeFileSync } = await import('node:fs')
    writeFileSync(
      `${repo.contentDir}/people/person-x.json`,
      `${JSON.stringify({ _id: id, _type: 'person', name: 'X', slug: { _type: 'slug', current: 'x' } })}\n`,
    )
    for (let run = 0; run < 2; run += 1) {
      const report = await publish({ ...repo, config: started.config, retry: FAST_RETRY })
      expect(report.status).toBe('invalid')
      expect(report.validation.problems).toContainEqual(
        expect.objectContaining({ severity: 'error', rule: 'schema/pattern', documentId: id }),
      )
    }
    expect(api.requests).toHaveLength(0)
    expect(storedContent(api)).toHaveLength(0)
  })

  it('names every missing variable and never asks for the token on a dry run', async () => {
    await expect(publish({ env: {} })).rejects.toThrow(
      /SANITY_PROJECT_ID, SANITY_DATASET, SANITY_API_TOKEN/,
    )
    await expect(publish({ env: {}, dryRun: true })).rejects.toThrow(
      /Set SANITY_PROJECT_ID, SANITY_DATASET in/,
    )
  })
})

describe('publish with a damaged sanity.lock.json', () => {
  it('fails with a PublishError placed at the lock, writing nothing to the dataset', async () => {
    const started = await startApi()
    api = started.api
    const repo = tempRepo()
    const { writeFileSync } = await import('node:fs')
    writeFileSync(`${repo.root}/sanity.lock.json`, '{"p/d": "not an object"}')
    const failed = publish({ ...repo, config: started.config, retry: FAST_RETRY })
    await expect(failed).rejects.toBeInstanceOf(PublishError)
    await expect(failed).rejects.toMatchObject({
      diagnostics: [
        { rule: 'sanity/lock-damaged', file: expect.stringMatching(/sanity\.lock\.json$/) },
      ],
    })
    expect(mutateRequests(started.api)).toEqual([])
  })
})
