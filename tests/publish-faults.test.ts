import { readFileSync, writeFileSync } from 'node:fs'
import { publish } from 'us-russia-g20-story/sanity'
import { afterEach, describe, expect, it } from 'vitest'
import type { SanityApi } from '../tools/sanity-api/server.js'
import { countFiles, mutateRequests, startApi, storedContent, tempRepo } from './publish-helpers.js'

let api: SanityApi | undefined
afterEach(async () => {
  await api?.close()
  api = undefined
})

const MUTATE = { method: 'POST', path: /\/data\/mutate\// }

/** A retry policy whose waits are recorded instead of slept. */
function recordingRetry(retries = 3) {
  const waits: number[] = []
  return { waits, policy: { retries, sleep: async (ms: number) => void waits.push(ms) } }
}

async function setUp() {
  const started = await startApi()
  api = started.api
  const repo = tempRepo()
  return { api: started.api, repo, total: countFiles(repo.contentDir), config: started.config }
}

describe('publish recovers from transient faults', () => {
  it('waits as Retry-After says on a 429 and then writes everything', async () => {
    const { api, repo, total, config } = await setUp()
    api.fault({ match: MUTATE, status: 429, retryAfterSeconds: 2 })
    const retry = recordingRetry()
    const report = await publish({ ...repo, config, retry: retry.policy })
    expect(report.status).toBe('published')
    expect(retry.waits).toContain(2000)
    expect(mutateRequests(api).map((r) => r.status)).toEqual([429, 200])
    expect(storedContent(api)).toHaveLength(total)
  })

  it('retries 503 responses, on reads and on writes', async () => {
    const { api, repo, total, config } = await setUp()
    api.fault({ match: { path: /\/data\/query\// }, status: 503 })
    api.fault({ match: MUTATE, status: 503, times: 2 })
    const retry = recordingRetry()
    const report = await publish({ ...repo, config, retry: retry.policy })
    expect(report.status).toBe('published')
    expect(retry.waits).toHaveLength(3)
    expect(mutateRequests(api).map((r) => r.status)).toEqual([503, 503, 200])
    expect(storedContent(api)).toHaveLength(total)
  })

  it('retries a connection dropped before the server applied anything', async () => {
    const { api, repo, total, config } = await setUp()
    api.fault({ match: MUTATE, drop: true })
    const report = await publish({ ...repo, config, retry: recordingRetry().policy })
    expect(report.status).toBe('published')
    expect(report.recovered).toEqual([])
    expect(mutateRequests(api).map((r) => r.status)).toEqual([0, 200])
    expect(storedContent(api)).toHaveLength(total)
  })

  it('treats a lost acknowledgement as done after checking the dataset, without writing twice', async () => {
    const { api, repo, total, config } = await setUp()
    api.fault({ match: MUTATE, drop: true, afterCommit: true })
    const report = await publish({ ...repo, config, retry: recordingRetry().policy })
    expect(report.status).toBe('published')
    expect(report.recovered).toHaveLength(total)
    expect(mutateRequests(api)).toHaveLength(1)
    expect(storedContent(api)).toHaveLength(total)
  })

  it('recovers a lost acknowledgement of an update (the retried patch would fail ifRevisionID)', async () => {
    const { api, repo, config } = await setUp()
    await publish({ ...repo, config, retry: recordingRetry().policy })
    const file = `${repo.contentDir}/quotes/quote-lavrov-farce.json`
    writeFileSync(file, readFileSync(file, 'utf8').replace('"direct"', '"partial"'))
    api.fault({ match: MUTATE, drop: true, afterCommit: true })
    const report = await publish({ ...repo, config, retry: recordingRetry().policy })
    expect(report).toMatchObject({
      status: 'published',
      recovered: ['quote-lavrov-farce'],
      failures: [],
    })
    expect(api.get('quote-lavrov-farce')?.kind).toBe('partial')
  })
})

describe('a failure midway', () => {
  it('reports the failed transaction by document id; a re-run completes the rest without duplicates', async () => {
    const { api, repo, total, config } = await setUp()
    const retry = recordingRetry(2)
    // Two transactions go through, the third fails on every attempt, the rest go through.
    api.fault({ match: MUTATE, delayMs: 0, times: 2 })
    api.fault({ match: MUTATE, status: 500, times: 3 })
    const first = await publish({
      ...repo,
      config,
      retry: retry.policy,
      concurrency: 1,
      maxTransactionBytes: 4096,
    })
    expect(first.status).toBe('incomplete')
    expect(first.failures.length).toBeGreaterThan(0)
    const failed = first.failures.map((f) => f.documentId as string)
    expect(failed.length).toBeGreaterThan(0)
    expect(first.failures[0]?.message).toMatch(/500|Internal/)
    for (const id of failed) expect(api.get(id)).toBeUndefined()
    expect(first.written.length + failed.length).toBe(total)
    expect(first.written.length).toBeGreaterThan(0)

    const second = await publish({
      ...repo,
      config,
      retry: retry.policy,
      maxTransactionBytes: 4096,
    })
    expect(second.status).toBe('published')
    expect(second.written.sort()).toEqual([...failed].sort())
    expect(second.plan.filter((r) => r.action === 'unchanged')).toHaveLength(first.written.length)
    const ids = storedContent(api).map((d) => d._id)
    expect(ids).toHaveLength(total)
    expect(new Set(ids).size).toBe(total)
  })
})

describe('ifRevisionID', () => {
  it('an editor change that lands between plan and write fails that update instead of being overwritten', async () => {
    const { api, repo, config } = await setUp()
    await publish({ ...repo, config, retry: recordingRetry().policy })
    const file = `${repo.contentDir}/quotes/quote-lavrov-farce.json`
    writeFileSync(file, readFileSync(file, 'utf8').replace('"direct"', '"partial"'))
    api.fault({ match: MUTATE, delayMs: 300 })
    const before = mutateRequests(api).length
    const running = publish({ ...repo, config, retry: recordingRetry().policy })
    while (mutateRequests(api).length === before) await new Promise((r) => setTimeout(r, 5))
    const edited = api.editorEdit('quote-lavrov-farce', (doc) => ({
      ...doc,
      via: 'edited in Studio',
    }))
    const report = await running
    expect(report.status).toBe('incomplete')
    expect(report.failures.map((f) => [f.rule, f.documentId, f.file])).toEqual([
      [
        'publish/transaction-failed',
        'quote-lavrov-farce',
        expect.stringMatching(/quotes\/quote-lavrov-farce\.json$/),
      ],
    ])
    expect(
      mutateRequests(api)
        .slice(before)
        .map((r) => r.status),
    ).toEqual([409])
    expect(api.get('quote-lavrov-farce')).toEqual(edited)
  })
})
