import { createClient, type SanityClient } from '@sanity/client'
import type { SanityConfig } from './config.js'

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
 * (an echoed header, a URL), is replaced, and long bodies are cut.
 */
export function safeMessage(error: unknown, config: Pick<SanityConfig, 'token'>): string {
  const raw = error instanceof Error ? error.message : String(error)
  const line = raw.split('\n')[0] ?? ''
  const named = config.token ? line.split(config.token).join('[token]') : line
  const redacted = named.replace(/(bearer\s+)[^\s"',;]+/gi, '$1[token]')
  return redacted.length > 300 ? `${redacted.slice(0, 299)}…` : redacted
}
