import { STATUS_CODES } from 'node:http'
import type { GroqSyntaxError } from 'groq-js'

/** An answer other than 2xx, in one of the body shapes @sanity/client parses into its message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP ${status}`)
  }
}

/** `{statusCode, error, message}`: the client's message becomes `<error> - <message>`. */
export function httpError(
  status: number,
  message: string,
  headers: Record<string, string> = {},
): ApiError {
  return new ApiError(
    status,
    { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message },
    headers,
  )
}

/** One failed mutation inside a transaction, as Sanity lists it under `error.items`. */
export interface MutationErrorItem {
  description: string
  type: string
  id?: string
  [detail: string]: unknown
}

/**
 * A whole transaction refused because of one mutation. The client's message is
 * `The mutation(s) failed: <description>` followed by each item's description.
 */
export class MutationFailure extends Error {
  constructor(
    readonly status: number,
    readonly item: MutationErrorItem,
    public index = 0,
  ) {
    super(item.description)
  }

  toApiError(): ApiError {
    return new ApiError(this.status, {
      error: {
        description: `The mutation(s) failed: ${this.item.description}`,
        items: [{ error: this.item, index: this.index }],
        type: 'mutationError',
      },
    })
  }
}

/** A request body Sanity would refuse as malformed (400, `type: 'validationError'`). */
export function invalidRequest(description: string): ApiError {
  return new ApiError(400, { error: { description, type: 'validationError' } })
}

/** The client turns `queryParseError` into a code frame with a caret under `start..end`. */
export function queryParseError(query: string, error: GroqSyntaxError): ApiError {
  return new ApiError(400, {
    error: {
      description: error.message,
      query,
      start: error.position,
      end: error.position + 1,
      type: 'queryParseError',
    },
  })
}
