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
  const required = ['SANITY_PROJECT_ID', 'SANITY_DATASET']
  if (options.requireToken) required.push('SANITY_API_TOKEN')
  const missing = required.filter((name) => value(name) === undefined)
  const invalid: string[] = []
  const apiVersion = value('SANITY_API_VERSION') ?? DEFAULT_API_VERSION
  if (!/^(?:\d{4}-\d{2}-\d{2}|1|X)$/.test(apiVersion.replace(/^v/, '')))
    invalid.push('SANITY_API_VERSION must be a date such as 2025-02-19.')
  const apiHost = value('SANITY_API_HOST')
  if (apiHost !== undefined && !/^https?:\/\/[^\s/]+\/?$/.test(apiHost))
    invalid.push('SANITY_API_HOST must be an http(s) origin such as http://127.0.0.1:3333.')
  if (missing.length > 0 || invalid.length > 0) throw new SanityConfigError(missing, invalid)
  const config: SanityConfig = {
    projectId: value('SANITY_PROJECT_ID') as string,
    dataset: value('SANITY_DATASET') as string,
    apiVersion,
    ...(apiHost ? { apiHost: apiHost.replace(/\/$/, '') } : {}),
  }
  Object.defineProperty(config, 'token', { value: value('SANITY_API_TOKEN'), enumerable: false })
  return config
}

/** The key of this dataset in `sanity.lock.json`. */
export function datasetKey(config: SanityConfig): string {
  return `${config.projectId}/${config.dataset}`
}
