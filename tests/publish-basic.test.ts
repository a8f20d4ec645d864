import { publish } from 'us-russia-g20-story/sanity'
import { afterEach, describe, expect, it } from 'vitest'
import type { SanityApi } from '../tools/sanity-api/server.js'
import {
  countFiles,
  FAST_RETRY,
  mutateRequests,
  startApi,
  storedContent,
  tempRepo,
} from './publish-helpers.js'

let api: SanityApi | undefined
afterEach(async () => {
  await api?.close()
  api = undefined
})

describe('publish', () => {
  it('creates every document on the first run, then makes zero mutations on the second', async () => {
    const started = await startApi()
    api = started.api
    const repo = tempRepo()
    const first = await publish({ ...repo, config: started.config, retry: FAST_RETRY })
    expect(first.status).toBe('published')
    const total = countFiles(repo.contentDir)
    expect(first.plan.filter((r) => r.action === 'create')).toHaveLength(total)
    expect(first.written).toHaveLength(total)
    expect(storedContent(api)).toHaveLength(total)
    for (const doc of storedContent(api)) expect(doc.contentHash).toMatch(/^[0-9a-f]{64}$/)

    const before = mutateRequests(api).length
    const second = await publish({ ...repo, config: started.config, retry: FAST_RETRY })
    expect(second.status).toBe('published')
    expect(second.plan.every((r) => r.action === 'unchanged')).toBe(true)
    expect(second.mutations).toBe(0)
    expect(mutateRequests(api).length).toBe(before)
  })
})
