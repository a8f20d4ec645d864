import { describe, expect, it } from 'vitest'
import {
  backoffMs,
  DEFAULT_RETRY_POLICY,
  isTransient,
  retryAfterMs,
  withRetry,
} from '../src/sanity/retry.js'

function httpError(statusCode: number, headers: Record<string, string> = {}) {
  return Object.assign(new Error(`HTTP ${statusCode}`), { statusCode, response: { headers } })
}

/** A clock that only moves when the code under test sleeps. */
function fakeClock() {
  const waits: number[] = []
  return { waits, sleep: async (ms: number) => void waits.push(ms) }
}

describe('isTransient', () => {
  it('retries 429, 5xx and dropped connections, not other client errors', () => {
    for (const status of [429, 500, 502, 503, 504])
      expect(isTransient(httpError(status))).toBe(true)
    for (const status of [400, 401, 403, 404, 409])
      expect(isTransient(httpError(status))).toBe(false)
    expect(isTransient(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBe(
      true,
    )
    expect(isTransient(new TypeError('x is not a function'))).toBe(false)
  })

  it('does not retry configuration errors, nor a connection nobody answers', () => {
    const error = (code: string, message: string) => Object.assign(new TypeError(message), { code })
    // A port out of range; a token with a character a header cannot carry.
    expect(isTransient(error('ERR_INVALID_URL', 'Invalid URL'))).toBe(false)
    expect(
      isTransient(
        error('ERR_INVALID_CHAR', 'Invalid character in header content ["authorization"]'),
      ),
    ).toBe(false)
    expect(isTransient(error('ERR_INVALID_HTTP_TOKEN', 'Header name must be a valid token'))).toBe(
      false,
    )
    // Nothing listens there, or the host name is unknown: retrying only delays the hint.
    expect(isTransient(error('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1'))).toBe(false)
    expect(isTransient(error('ENOTFOUND', 'getaddrinfo ENOTFOUND x.invalid'))).toBe(false)
    for (const code of ['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'UND_ERR_SOCKET'])
      expect(isTransient(error(code, 'dropped'))).toBe(true)
  })
})

describe('backoff', () => {
  it('honours Retry-After in seconds and as an HTTP date', () => {
    expect(retryAfterMs(httpError(429, { 'retry-after': '2' }))).toBe(2000)
    const now = Date.parse('2024-01-01T00:00:00Z')
    expect(
      retryAfterMs(httpError(503, { 'retry-after': 'Mon, 01 Jan 2024 00:00:05 GMT' }), now),
    ).toBe(5000)
    expect(retryAfterMs(httpError(503))).toBeUndefined()
  })

  it('grows exponentially with full jitter, capped', () => {
    const policy = {
      ...DEFAULT_RETRY_POLICY,
      baseDelayMs: 100,
      maxDelayMs: 1000,
      random: () => 0.5,
    }
    expect([0, 1, 2, 3, 4, 5].map((n) => backoffMs(n, httpError(503), policy))).toEqual([
      50, 100, 200, 400, 500, 500,
    ])
    expect(backoffMs(0, httpError(503), { ...policy, random: () => 0 })).toBe(0)
    expect(backoffMs(0, httpError(429, { 'retry-after': '60' }), policy)).toBe(1000)
  })
})

describe('withRetry', () => {
  it('waits as Retry-After says, then succeeds', async () => {
    const clock = fakeClock()
    let calls = 0
    const result = await withRetry(
      async () => {
        calls += 1
        if (calls === 1) throw httpError(429, { 'retry-after': '3' })
        return 'ok'
      },
      { policy: { sleep: clock.sleep } },
    )
    expect(result).toBe('ok')
    expect(clock.waits).toEqual([3000])
  })

  it('gives up after the bounded number of retries and throws the last error', async () => {
    const clock = fakeClock()
    let calls = 0
    const failing = withRetry(
      async () => {
        calls += 1
        throw httpError(503)
      },
      { policy: { sleep: clock.sleep, retries: 4, random: () => 1, baseDelayMs: 10 } },
    )
    await expect(failing).rejects.toMatchObject({ statusCode: 503 })
    expect(calls).toBe(5)
    expect(clock.waits).toEqual([10, 20, 40, 80])
  })

  it('does not retry an error that is not transient', async () => {
    const clock = fakeClock()
    let calls = 0
    await expect(
      withRetry(
        async () => {
          calls += 1
          throw httpError(409)
        },
        { policy: { sleep: clock.sleep } },
      ),
    ).rejects.toMatchObject({ statusCode: 409 })
    expect(calls).toBe(1)
    expect(clock.waits).toEqual([])
  })

  it('stops early when beforeRetry finds the work already done', async () => {
    const clock = fakeClock()
    let calls = 0
    const result = await withRetry(
      async () => {
        calls += 1
        throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })
      },
      { policy: { sleep: clock.sleep }, beforeRetry: async () => ({ done: 'applied' }) },
    )
    expect(result).toBe('applied')
    expect(calls).toBe(1)
  })
})
