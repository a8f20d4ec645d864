import { createClient, type SanityClient } from '@sanity/client'
import { sentence } from '../messages.js'
import type { SanityConfig } from './config.js'
import { printable } from './printable.js'

/**
 * A @sanity/client for `config`, with the client's own retries off: `retry.ts` retries every
 * request itself, and two layers of retries would multiply the attempts and ignore Retry-After.
 */
export function createSanityClient(config: SanityConfig): SanityClient {
  return createClient({
    projectId: config.projectId,
    dataset: config.dataset,
    apiVersion: config.apiVersion,
    token: config.token,
    useCdn: false,
    perspective: 'raw',
    maxRetries: 0,
    ignoreBrowserTokenWarning: true,
    ...(config.apiHost ? { apiHost: config.apiHost, useProjectHostname: false } : {}),
  })
}

/**
 * The one-line message of an error from the client, safe to print: the token, if it ever appears
 * (an echoed header, a URL), is replaced; control characters (escape sequences in a server's
 * error text) are filtered as dataset text is; long bodies are cut. A connection that failed for
 * a reason of configuration gets a hint at what to check.
 */
export function safeMessage(
  error: unknown,
  config: Pick<SanityConfig, 'token' | 'apiHost'>,
): string {
  const raw = error instanceof Error ? error.message : String(error)
  const line = raw.split('\n')[0] ?? ''
  const named = config.token ? line.split(config.token).join('[token]') : line
  const redacted = printable(named.replace(/(bearer\s+)[^\s"',;]+/gi, '$1[token]'))
  const cut = redacted.length > 300 ? `${redacted.slice(0, 299)}…` : redacted
  const hint = connectionHint(error, config)
  return hint ? `${sentence(cut)} ${hint}` : cut
}

/** What to check when a request failed before it reached Sanity, by the error's code. */
function connectionHint(error: unknown, config: Pick<SanityConfig, 'apiHost'>): string | undefined {
  const code = (error as { code?: unknown } | null)?.code
  const host = config.apiHost ? 'SANITY_API_HOST' : 'SANITY_PROJECT_ID'
  switch (code) {
    case 'ECONNREFUSED':
      return config.apiHost
        ? 'Nothing answered: is SANITY_API_HOST right, and is the local API running (npm run sanity:local)?'
        : 'The connection was refused: check the network and any proxy.'
    case 'ENOTFOUND':
      return `The host name is unknown: is ${host} right?`
    case 'ERR_INVALID_URL':
      return `${host} does not make a valid URL: check it (a port is at most 65535).`
    case 'ERR_INVALID_CHAR':
    case 'ERR_INVALID_HTTP_TOKEN':
      return 'A header holds a character HTTP does not allow: copy SANITY_API_TOKEN again.'
    default:
      return undefined
  }
}
