import { inspect } from 'node:util'
import { readSanityConfig, SanityConfigError } from 'us-russia-g20-story'
import { describe, expect, it } from 'vitest'
import { safeMessage } from '../src/publish/client.js'
import { TEST_TOKEN } from './publish-helpers.js'

const ENV = {
  SANITY_PROJECT_ID: 'abc123',
  SANITY_DATASET: 'production',
  SANITY_API_TOKEN: TEST_TOKEN,
}

describe('readSanityConfig', () => {
  it('reads the variables, with a fixed default API version', () => {
    const config = readSanityConfig(ENV, { requireToken: true })
    expect(config).toEqual({ projectId: 'abc123', dataset: 'production', apiVersion: '2025-02-19' })
    expect(config.token).toBe(TEST_TOKEN)
    const hosted = readSanityConfig({
      ...ENV,
      SANITY_API_HOST: 'http://127.0.0.1:3333/',
      SANITY_API_VERSION: '2024-01-01',
    })
    expect(hosted).toMatchObject({ apiHost: 'http://127.0.0.1:3333', apiVersion: '2024-01-01' })
  })

  it('keeps the token out of JSON, inspection and spreading', () => {
    const config = readSanityConfig(ENV)
    expect(JSON.stringify(config)).not.toContain(TEST_TOKEN)
    expect(inspect(config, { depth: 5 })).not.toContain(TEST_TOKEN)
    expect(JSON.stringify({ ...config })).not.toContain(TEST_TOKEN)
  })

  it('names every missing variable, and the token only when writing', () => {
    const error = (() => {
      try {
        readSanityConfig({ SANITY_DATASET: ' ' }, { requireToken: true })
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(SanityConfigError)
    expect((error as SanityConfigError).missing).toEqual([
      'SANITY_PROJECT_ID',
      'SANITY_DATASET',
      'SANITY_API_TOKEN',
    ])
    expect(() => readSanityConfig({ SANITY_PROJECT_ID: 'p', SANITY_DATASET: 'd' })).not.toThrow()
  })

  it('rejects a malformed API version or host, without echoing values', () => {
    expect(() => readSanityConfig({ ...ENV, SANITY_API_VERSION: 'latest' })).toThrow(
      'SANITY_API_VERSION must be a date such as 2025-02-19.',
    )
    expect(() => readSanityConfig({ ...ENV, SANITY_API_HOST: 'ftp://x/y' })).toThrow(
      'SANITY_API_HOST must be an http(s) origin such as http://127.0.0.1:3333.',
    )
  })
})

describe('safeMessage', () => {
  it('replaces the token and any bearer credential, keeps one line, and cuts long bodies', () => {
    const error = new Error(
      `GET-request to http://x/?t=${TEST_TOKEN} failed: Authorization: Bearer sk-other\nstack`,
    )
    const message = safeMessage(error, { token: TEST_TOKEN })
    expect(message).toBe('GET-request to http://x/?t=[token] failed: Authorization: Bearer [token]')
    expect(safeMessage(new Error('x'.repeat(500)), {}).length).toBe(300)
  })
})

describe('printable', () => {
  it('replaces control characters so remote text cannot forge report lines or move the cursor', async () => {
    const { printable } = await import('../src/publish/printable.js')
    expect(printable('rev\u001b[2J\nforged\tline\u009b')).toBe('rev?[2J?forged?line?')
    expect(printable('Überall — “fine”')).toBe('Überall — “fine”')
  })
})
