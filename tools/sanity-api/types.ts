/** A stored document: any JSON object with Sanity's system fields. */
export interface SanityDocument {
  _id: string
  _type: string
  _rev?: string
  _createdAt?: string
  _updatedAt?: string
  [field: string]: unknown
}

/** One request as the server saw it, in arrival order. */
export interface RecordedRequest {
  method: string
  /** URL path without the query string, e.g. `/v2025-02-19/data/mutate/production`. */
  path: string
  /** Query-string parameters; a repeated name keeps its last value. */
  query: Record<string, string>
  /** The status sent; 0 when the connection was dropped without a response. */
  status: number
  bytesIn: number
  bytesOut: number
  /** Mutations in a mutate request's body (0 for every other request, and for one refused before its body was read). */
  mutations: number
}

/** Which requests a fault applies to; every field that is given must match. */
export interface FaultMatch {
  method?: string
  /** Tested against the URL path (no query string). */
  path?: RegExp
}

/**
 * A fault for the next matching request(s), `times` of them (default 1).
 * Status and plain drop faults answer before anything is applied. `{drop: true, afterCommit: true}`
 * applies a mutation first and then drops the connection: the lost-acknowledgement case.
 * `delayMs` holds the response that long and then answers normally.
 */
export type Fault = { match?: FaultMatch; times?: number } & (
  | { status: 429; retryAfterSeconds?: number }
  | { status: 500 | 502 | 503 }
  | { drop: true; afterCommit?: boolean }
  | { delayMs: number }
)

export interface SanityApiOptions {
  /** Default 'test'. */
  projectId?: string
  /** Default 'production'. Requests for any other dataset get 404. */
  dataset?: string
  /**
   * When set, writes need `Authorization: Bearer <token>`, and drafts are hidden from reads without
   * it. Without one, any request from this machine may write (pages of other origins may not).
   */
  token?: string
  /** Initial state; system fields that are missing are filled in. */
  documents?: SanityDocument[]
  /**
   * Largest request body taken, in bytes; a larger one gets 413 before it is read. Default: as
   * Sanity, 4,000,000 for the data endpoints and IMAGE_BODY_LIMIT for image uploads.
   */
  maxBodyBytes?: number
  /** Port on 127.0.0.1; default 0 (any free port). */
  port?: number
  /** Called once each request is answered (or dropped), e.g. to log it. */
  onRequest?: (request: RecordedRequest) => void
}

export interface SanityApi {
  /** `http://127.0.0.1:<port>` */
  url: string
  /** SANITY_PROJECT_ID, SANITY_DATASET, SANITY_API_HOST and, with a token, SANITY_API_TOKEN. */
  env(): Record<string, string>
  /** Every stored document, drafts and assets too, with system fields; copies. */
  documents(): SanityDocument[]
  get(id: string): SanityDocument | undefined
  /** Change a stored document as Studio would: new `_rev` and `_updatedAt`. */
  editorEdit(id: string, change: (doc: SanityDocument) => SanityDocument): SanityDocument
  requests: RecordedRequest[]
  fault(f: Fault): void
  clearFaults(): void
  close(): Promise<void>
}
