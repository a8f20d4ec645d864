/** How requests are retried. Every field has a default; tests pass a fake `sleep` and `random`. */
export interface RetryPolicy {
  /** Retries after the first attempt. Default 5. */
  retries: number
  /** Backoff base: attempt n waits up to base·2ⁿ. Default 500 ms. */
  baseDelayMs: number
  /** No single wait is longer, Retry-After included. Default 30 s. */
  maxDelayMs: number
  sleep: (ms: number) => Promise<void>
  /** A number in [0, 1) for the jitter. */
  random: () => number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  retries: 5,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
}

const RETRIED_STATUSES = new Set([429, 500, 502, 503, 504])

/** The HTTP status of a client error, or `undefined` when there was no response. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode
  return typeof status === 'number' ? status : undefined
}

/**
 * Error codes of requests that got no (complete) response for a reason that may pass: a reset or
 * dropped connection, a timeout, a temporary DNS failure. A refused connection and an unknown host
 * are not among them: they mean a wrong `SANITY_API_HOST` or a local API that is not running, and
 * retrying would only delay saying so. Neither are Node's `ERR_*` codes (an invalid URL, a header
 * character), which are configuration errors.
 */
const TRANSIENT_CODES = new Set([
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
])

/**
 * Whether a failed request may succeed when sent again: 429, 5xx gateway and server errors, and
 * requests whose connection dropped, reset or timed out (see TRANSIENT_CODES).
 */
export function isTransient(error: unknown): boolean {
  const status = statusOf(error)
  return status === undefined ? isNetworkError(error) : RETRIED_STATUSES.has(status)
}

function isNetworkError(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string') return TRANSIENT_CODES.has(code)
  // Errors without a code, as some HTTP layers wrap a dropped connection.
  return /socket hang up|ECONNRESET|EPIPE|network|timed? ?out|aborted/i.test(error.message)
}

/** Seconds (or an HTTP date) from a response's `Retry-After` header, as milliseconds. */
export function retryAfterMs(error: unknown, now: number = Date.now()): number | undefined {
  const headers = (error as { response?: { headers?: Record<string, unknown> } } | null)?.response
    ?.headers
  const value = headers?.['retry-after']
  const text = Array.isArray(value) ? value[0] : value
  if (typeof text !== 'string' && typeof text !== 'number') return undefined
  const seconds = Number(text)
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000
  const date = Date.parse(String(text))
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/**
 * How long to wait before retry number `attempt` (0-based): what `Retry-After` asks for when the
 * server sent one, else "full jitter" exponential backoff, so many clients do not retry in step.
 */
export function backoffMs(attempt: number, error: unknown, policy: RetryPolicy): number {
  const asked = retryAfterMs(error)
  if (asked !== undefined) return Math.min(asked, policy.maxDelayMs)
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt)
  return Math.round(policy.random() * ceiling)
}

/** What {@link withRetry} tells its caller before it waits for another attempt. */
export interface RetryEvent {
  attempt: number
  delayMs: number
  error: unknown
}

/**
 * Run `request` until it succeeds, fails with an error that is not transient, or has used up
 * `policy.retries`. The last error is thrown. `beforeRetry` may end the loop early with a value,
 * which is how a mutation whose acknowledgement was lost is found to have been applied.
 */
export async function withRetry<T>(
  request: () => Promise<T>,
  options: {
    policy?: Partial<RetryPolicy>
    onRetry?: (event: RetryEvent) => void
    beforeRetry?: (error: unknown) => Promise<{ done: T } | undefined>
  } = {},
): Promise<T> {
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.policy }
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await request()
    } catch (error) {
      if (!isTransient(error) || attempt >= policy.retries) throw error
      const delayMs = backoffMs(attempt, error, policy)
      options.onRetry?.({ attempt: attempt + 1, delayMs, error })
      await policy.sleep(delayMs)
      const settled = await options.beforeRetry?.(error)
      if (settled) return settled.done
    }
  }
}
