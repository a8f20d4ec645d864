import { inspect } from 'node:util'
import { readSanityConfig, SanityConfigError } from 'us-russia-g20-story/sanity'
import { describe, expect, it } from 'vitest'
import { safeMessage } from '../src/sanity/client.js'
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
      'SANITY_API_HOST must be an http(s) origin such as http://127.0.0.1:3333 (a valid port, no path, no user or password).',
    )
  })
})

describe('readSanityConfig: where the token may travel', () => {
  const host = (SANITY_API_HOST: string) => () => readSanityConfig({ ...ENV, SANITY_API_HOST })

  it('allows http:// only for this machine, and says to use https otherwise (exit 2)', () => {
    for (const loopback of [
      'http://127.0.0.1:3333',
      'http://127.8.9.10:3333',
      'http://localhost:3333',
      'http://[::1]:3333',
    ])
      expect(host(loopback)).not.toThrow()
    expect(host('https://api.example.com')).not.toThrow()
    for (const remote of [
      'http://example.invalid',
      'http://10.0.0.5:3333',
      'http://127.0.0.1.example.invalid',
    ])
      expect(host(remote)).toThrow(
        /SANITY_API_HOST may use http:\/\/ only for this machine .*: use https:\/\//,
      )
  })

  it('refuses a host that is not a valid URL (a port out of range) or carries credentials', () => {
    for (const bad of ['http://127.0.0.1:99999', 'https://user:pw@api.example.com', 'http://'])
      expect(host(bad)).toThrow(SanityConfigError)
  })

  it('refuses a token an HTTP header cannot carry, without echoing it', () => {
    for (const token of ['sk\u0001secret', 'sk secret', 'sk€secret', 'sk\nsecret']) {
      const read = () => readSanityConfig({ ...ENV, SANITY_API_TOKEN: token })
      expect(read).toThrow(/SANITY_API_TOKEN holds a character an HTTP header cannot carry/)
      expect(read).not.toThrow(/secret/)
    }
  })

  it('needs no token for the local API on this machine: it decides itself whether it wants one', () => {
    const env = { SANITY_PROJECT_ID: 'p', SANITY_DATASET: 'd' }
    expect(() =>
      readSanityConfig(
        { ...env, SANITY_API_HOST: 'http://127.0.0.1:3333' },
        { requireToken: true },
      ),
    ).not.toThrow()
    expect(() =>
      readSanityConfig(
        { ...env, SANITY_API_HOST: 'https://api.example.com' },
        { requireToken: true },
      ),
    ).toThrow(/SANITY_API_TOKEN/)
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

  it('makes server text safe for a terminal: escape sequences and bells become ?', () => {
    const error = new Error('Unauthorized - \u001b]0;pwned\u0007\u001b[2JSession not found')
    expect(safeMessage(error, {})).toBe('Unauthorized - ?]0;pwned??[2JSession not found')
  })

  it('says what to check when the connection fails for a reason of configuration', () => {
    const error = (code: string, message: string) => Object.assign(new Error(message), { code })
    const local = { apiHost: 'http://127.0.0.1:3333' }
    const refused = safeMessage(error('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:3333'), local)
    expect(refused).toContain('connect ECONNREFUSED 127.0.0.1:3333')
    expect(refused).toMatch(/is SANITY_API_HOST right, and is the local API running/)
    expect(safeMessage(error('ENOTFOUND', 'getaddrinfo ENOTFOUND x'), {})).toMatch(
      /SANITY_PROJECT_ID/,
    )
    expect(safeMessage(error('ERR_INVALID_URL', 'Invalid URL'), local)).toMatch(/SANITY_API_HOST/)
    expect(
      safeMessage(
        error('ERR_INVALID_CHAR', 'Invalid character in header content ["authorization"]'),
        {},
      ),
    ).toMatch(/SANITY_API_TOKEN/)
  })
})

describe('printable', () => {
  it('replaces control characters so remote text cannot forge report lines or move the cursor', async () => {
    const { printable } = await import('../src/sanity/printable.js')
    expect(printable('rev\u001b[2J\nforged\tline\u009b')).toBe('rev?[2J?forged?line?')
    expect(printable('Überall — “fine”')).toBe('Überall — “fine”')
  })
})
