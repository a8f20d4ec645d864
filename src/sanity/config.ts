/** The API version used when `SANITY_API_VERSION` is not set: a fixed date, so behaviour never drifts. */
export const DEFAULT_API_VERSION = '2025-02-19'

/** Where to publish to and pull from. The token is not enumerable: printing the config never shows it. */
export interface SanityConfig {
  projectId: string
  dataset: string
  apiVersion: string
  /** `SANITY_API_HOST`, when set: the client then talks to it with `useProjectHostname: false`. */
  apiHost?: string
  /** `SANITY_API_TOKEN`; not enumerable, so JSON.stringify and util.inspect leave it out. */
  readonly token?: string
}

/** Variables are missing or malformed; the message names them all. */
export class SanityConfigError extends Error {
  override readonly name = 'SanityConfigError'
  constructor(
    readonly missing: readonly string[],
    readonly invalid: readonly string[] = [],
  ) {
    const parts: string[] = []
    if (missing.length > 0)
      parts.push(
        `Set ${missing.join(', ')} in the environment (see README, "Publishing to Sanity").`,
      )
    parts.push(...invalid)
    super(parts.join(' '))
  }
}

/**
 * Read the Sanity settings from the environment: `SANITY_PROJECT_ID`, `SANITY_DATASET`,
 * `SANITY_API_TOKEN` (needed when `requireToken`), `SANITY_API_VERSION`, `SANITY_API_HOST`.
 *
 * `SANITY_API_HOST` may use `http://` only for this machine (`npm run sanity:local`): anywhere
 * else the token would travel unencrypted. The local API decides itself whether it wants a token,
 * so for a host on this machine `requireToken` does not make the token required.
 *
 * @throws {SanityConfigError} naming every missing or malformed variable (never their values).
 */
export function readSanityConfig(
  env: Record<string, string | undefined> = process.env,
  options: { requireToken?: boolean } = {},
): SanityConfig {
  const value = (name: string) => {
    const text = env[name]?.trim()
    return text ? text : undefined
  }
  const invalid: string[] = []
  const apiVersion = value('SANITY_API_VERSION') ?? DEFAULT_API_VERSION
  if (!/^(?:\d{4}-\d{2}-\d{2}|1|X)$/.test(apiVersion.replace(/^v/, '')))
    invalid.push('SANITY_API_VERSION must be a date such as 2025-02-19.')
  const host = value('SANITY_API_HOST')
  const apiHost = host === undefined ? undefined : parseApiHost(host)
  if (typeof apiHost === 'object') invalid.push(apiHost.problem)
  const local = typeof apiHost === 'string' && isLoopbackUrl(apiHost)
  const token = value('SANITY_API_TOKEN')
  if (token !== undefined && !HEADER_VALUE.test(token))
    invalid.push(
      'SANITY_API_TOKEN holds a character an HTTP header cannot carry (a space, a line break, a control or non-ASCII character): copy the token again.',
    )
  const required = ['SANITY_PROJECT_ID', 'SANITY_DATASET']
  if (options.requireToken && !local) required.push('SANITY_API_TOKEN')
  const missing = required.filter((name) => value(name) === undefined)
  if (missing.length > 0 || invalid.length > 0) throw new SanityConfigError(missing, invalid)
  const config: SanityConfig = {
    projectId: value('SANITY_PROJECT_ID') as string,
    dataset: value('SANITY_DATASET') as string,
    apiVersion,
    ...(typeof apiHost === 'string' ? { apiHost } : {}),
  }
  Object.defineProperty(config, 'token', { value: token, enumerable: false })
  return config
}

/** What a token may hold: visible ASCII, as an `Authorization` header carries it. */
const HEADER_VALUE = /^[\x21-\x7e]+$/

/** The origin in `SANITY_API_HOST`, without a trailing slash, or what is wrong with it. */
function parseApiHost(text: string): string | { problem: string } {
  const malformed = {
    problem:
      'SANITY_API_HOST must be an http(s) origin such as http://127.0.0.1:3333 (a valid port, no path, no user or password).',
  }
  if (!/^https?:\/\/[^\s/]+\/?$/i.test(text)) return malformed
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return malformed
  }
  if (url.username !== '' || url.password !== '') return malformed
  if (url.protocol === 'http:' && !isLoopbackUrl(url.origin))
    return {
      problem:
        'SANITY_API_HOST may use http:// only for this machine (127.0.0.1, localhost, [::1]): use https://, so the token does not travel unencrypted.',
    }
  return url.origin
}

/** Whether an origin is on this machine: 127.0.0.0/8, `localhost` or `[::1]`. */
function isLoopbackUrl(origin: string): boolean {
  const { hostname } = new URL(origin)
  return hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname)
}

/** The key of this dataset in `sanity.lock.json`. */
export function datasetKey(config: SanityConfig): string {
  return `${config.projectId}/${config.dataset}`
}
