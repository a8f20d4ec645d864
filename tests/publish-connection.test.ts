// What publish says when it cannot talk to the dataset: configuration errors fail at once with
// what to check, and nothing the server sends can drive the terminal. Only 127.0.0.1 is contacted.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { publish, type SanityConfig } from 'us-russia-g20-story/sanity'
import { afterEach, describe, expect, it } from 'vitest'
import type { SanityApi } from '../tools/sanity-api/server.js'
import { runScriptAsync, startApi, TEST_TOKEN, tempRepo } from './publish-helpers.js'

let api: SanityApi | undefined
let server: Server | undefined
afterEach(async () => {
  await api?.close()
  api = undefined
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  server = undefined
})

/** A server on 127.0.0.1 that answers every request with `status` and `body` (JSON). */
async function answering(status: number, body: unknown): Promise<string> {
  server = createServer((_req, res) => {
    res.writeHead(status, { 'Content-Type': 'application/json' })
    res.end(JSON.stringify(body))
  })
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

/** A port on 127.0.0.1 where nothing listens (it was free a moment ago). */
async function closedPort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}

/** A config object as a caller may build it, bypassing readSanityConfig's checks. */
function rawConfig(apiHost: string, token?: string): SanityConfig {
  const config = { projectId: 'test', dataset: 'production', apiVersion: '2025-02-19', apiHost }
  Object.defineProperty(config, 'token', { value: token, enumerable: false })
  return config
}

/** A retry policy that counts its waits instead of sleeping. */
function countingRetry() {
  const waits: number[] = []
  return { waits, policy: { sleep: async (ms: number) => void waits.push(ms) } }
}

const ENV = { SANITY_PROJECT_ID: 'test', SANITY_DATASET: 'production' }

describe('publish: configuration errors are not retried', () => {
  it('fails at once on an invalid URL (a port out of range), naming SANITY_API_HOST', async () => {
    const retry = countingRetry()
    const failing = publish({
      ...tempRepo(),
      config: rawConfig('http://127.0.0.1:99999'),
      dryRun: true,
      retry: retry.policy,
    })
    await expect(failing).rejects.toThrow(
      /Could not read the dataset: Invalid URL.*SANITY_API_HOST/,
    )
    expect(retry.waits).toEqual([])
  })

  it('fails at once on a token a header cannot carry, naming SANITY_API_TOKEN and not its value', async () => {
    const started = await startApi()
    api = started.api
    const retry = countingRetry()
    const token = `${TEST_TOKEN}\u0001`
    const error = await publish({
      ...tempRepo(),
      config: rawConfig(api.url, token),
      dryRun: true,
      retry: retry.policy,
    }).then(
      () => undefined,
      (e: Error) => e,
    )
    expect(error?.message).toMatch(/SANITY_API_TOKEN/)
    expect(error?.message).not.toContain(TEST_TOKEN)
    expect(retry.waits).toEqual([])
    expect(api.requests).toHaveLength(0)
  })

  it('a refused connection exits 2 at once, asking whether SANITY_API_HOST is right and the local API runs', async () => {
    const repo = tempRepo('publish-connection-')
    const host = `http://127.0.0.1:${await closedPort()}`
    const run = await runScriptAsync('publish', ['--dry-run', '--root', repo.root], {
      ...ENV,
      SANITY_API_HOST: host,
    })
    expect(run.status).toBe(2)
    expect(run.stderr).not.toMatch(/^retry /m)
    expect(run.stderr).toMatch(
      /^publish: Could not read the dataset: connect ECONNREFUSED .*is SANITY_API_HOST right, and is the local API running \(npm run sanity:local\)\? Nothing was written\.$/m,
    )
  })

  it('an http:// host other than this machine is exit 2 before any request: the token would travel unencrypted', async () => {
    const repo = tempRepo('publish-connection-')
    const run = await runScriptAsync('publish', ['--root', repo.root], {
      ...ENV,
      SANITY_API_TOKEN: TEST_TOKEN,
      // Never contacted: the configuration is refused first.
      SANITY_API_HOST: 'http://cms.example.invalid',
    })
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/SANITY_API_HOST may use http:\/\/ only for this machine/)
    expect(run.stdout).toBe('')
  })
})

describe('publish: server text is made safe for the terminal', () => {
  it('prints a 401 whose message holds escape sequences without them', async () => {
    const host = await answering(401, {
      statusCode: 401,
      error: 'Unauthorized',
      message: '\u001b]0;owned\u0007\u001b[2JSession not found',
    })
    const repo = tempRepo('publish-connection-')
    const run = await runScriptAsync('publish', ['--root', repo.root], {
      ...ENV,
      SANITY_API_TOKEN: TEST_TOKEN,
      SANITY_API_HOST: host,
    })
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('Session not found')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for them is the point
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/)
    expect(`${run.stdout}${run.stderr}`).not.toContain(TEST_TOKEN)
  })
})
