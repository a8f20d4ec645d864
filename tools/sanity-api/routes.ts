import { imageAsset } from './assets.js'
import { ApiError, httpError, invalidRequest, MutationFailure } from './errors.js'
import { applyMutations, type MutationResult } from './mutations.js'
import { choosePerspective, paramsFromSearch, runQuery, view } from './query.js'
import { copy, now, randomId, type Store } from './store.js'
import type { SanityDocument } from './types.js'

/** What a handler answers: JSON, or bytes with their content type. */
export type Reply =
  | { status: number; json: unknown; headers?: Record<string, string> }
  | { status: number; bytes: Buffer; contentType: string }

/** What is known of a request before its body is read. */
export interface RouteTarget {
  method: string
  url: URL
  /** The request carried the configured token (always true when no token is configured). */
  authenticated: boolean
}

export interface RouteRequest extends RouteTarget {
  body: Buffer
}

/** Sanity's limit on a data request's body ("Request body exceeds limit of 4000000 bytes"). */
export const DATA_BODY_LIMIT = 4_000_000

/** The local API's limit on an uploaded image: enough for any photo, small enough for memory. */
export const IMAGE_BODY_LIMIT = 32 * 1024 * 1024

/** The endpoint a request goes to, found and authorized before its body is read. */
export interface Endpoint {
  /** Writes data: needs the token when one is configured, and is refused to other origins. */
  write: boolean
  /** The largest body this endpoint takes. */
  maxBodyBytes: number
  run(body: Buffer): Promise<Reply>
}

/** Server-wide state the handlers share. */
export interface ApiState {
  store: Store
  projectId: string
  dataset: string
  baseUrl(): string
  /** Uploaded image bytes by asset path, served back at the asset's `url`. */
  files: Map<string, { bytes: Buffer; mimeType: string }>
  usedTransactionIds: Set<string>
  /** Serializes writes, so two concurrent transactions cannot commit over each other. */
  writeLock: Promise<unknown>
}

interface Route {
  pattern: RegExp
  methods: string[]
  /** Needs the token when one is configured. */
  write: boolean
  maxBodyBytes: number
  handle(state: ApiState, request: RouteRequest, match: string[]): Promise<Reply>
}

const ROUTES: Route[] = [
  {
    pattern: /^\/v([^/]+)\/data\/mutate\/([^/]+)$/,
    methods: ['POST'],
    write: true,
    maxBodyBytes: DATA_BODY_LIMIT,
    handle: mutate,
  },
  {
    pattern: /^\/v([^/]+)\/data\/query\/([^/]+)$/,
    methods: ['GET', 'POST'],
    write: false,
    maxBodyBytes: DATA_BODY_LIMIT,
    handle: query,
  },
  {
    pattern: /^\/v([^/]+)\/data\/doc\/([^/]+)\/(.+)$/,
    methods: ['GET'],
    write: false,
    maxBodyBytes: DATA_BODY_LIMIT,
    handle: getDocuments,
  },
  {
    pattern: /^\/v([^/]+)\/assets\/images\/([^/]+)$/,
    methods: ['POST'],
    write: true,
    maxBodyBytes: IMAGE_BODY_LIMIT,
    handle: uploadImage,
  },
  {
    pattern: /^\/(images\/[^/]+\/[^/]+\/[^/]+)$/,
    methods: ['GET', 'HEAD'],
    write: false,
    maxBodyBytes: DATA_BODY_LIMIT,
    handle: serveImage,
  },
]

/**
 * Find the endpoint of a request and check its method, dataset and token, all before the body is
 * read: a request that will be refused never gets its body buffered.
 */
export function findEndpoint(state: ApiState, target: RouteTarget): Endpoint {
  for (const candidate of ROUTES) {
    const match = candidate.pattern.exec(target.url.pathname)
    if (!match) continue
    if (!candidate.methods.includes(target.method)) {
      throw httpError(
        405,
        `${target.method} is not allowed here: use ${candidate.methods.join(' or ')}`,
      )
    }
    if (candidate.write && !target.authenticated) {
      throw httpError(
        401,
        'This request needs a token with write access: send Authorization: Bearer <token>',
      )
    }
    const dataset = candidate.pattern === ROUTES[4]?.pattern ? undefined : match[2]
    if (dataset !== undefined && decodeURIComponent(dataset) !== state.dataset) {
      throw httpError(
        404,
        `Dataset "${decodeURIComponent(dataset)}" not found (this server has "${state.dataset}")`,
      )
    }
    return {
      write: candidate.write,
      maxBodyBytes: candidate.maxBodyBytes,
      run: (body) => candidate.handle(state, { ...target, body }, match),
    }
  }
  throw httpError(404, `No such endpoint: ${target.method} ${target.url.pathname}`)
}

function parseJson(body: Buffer): unknown {
  if (body.length === 0) return undefined
  try {
    return JSON.parse(body.toString('utf8'))
  } catch {
    throw invalidRequest('The request body is not valid JSON')
  }
}

function flag(url: URL, name: string): boolean {
  return url.searchParams.get(name) === 'true'
}

/** Run `work` after every earlier write has finished. */
function exclusive<T>(state: ApiState, work: () => Promise<T>): Promise<T> {
  const result = state.writeLock.then(work, work)
  state.writeLock = result.catch(() => undefined)
  return result
}

/** Anonymous reads see published documents only: ids with a path (`drafts.x`) are private. */
function readable(state: ApiState, request: RouteRequest): SanityDocument[] {
  const all = state.store.all()
  return request.authenticated ? all : all.filter((doc) => !doc._id.includes('.'))
}

async function mutate(state: ApiState, request: RouteRequest): Promise<Reply> {
  const body = parseJson(request.body) as Record<string, unknown> | undefined
  if (!body || !Array.isArray(body.mutations)) {
    throw invalidRequest('The body must be {"mutations": [...]}')
  }
  const { url } = request
  const dryRun = flag(url, 'dryRun') || body.dryRun === true
  const givenId = url.searchParams.get('transactionId') ?? body.transactionId
  return exclusive(state, async () => {
    if (typeof givenId === 'string' && state.usedTransactionIds.has(givenId)) {
      throw new ApiError(409, {
        error: {
          description: `Transaction ID "${givenId}" has already been used in this dataset`,
          type: 'conflictError',
        },
      })
    }
    const transactionId = typeof givenId === 'string' ? givenId : randomId()
    const working = state.store.begin()
    let results: MutationResult[]
    try {
      results = await applyMutations(body.mutations as unknown[], {
        working,
        transactionId,
        time: now(),
        autoGenerateArrayKeys: flag(url, 'autoGenerateArrayKeys'),
        selectIds: async (groq, params) =>
          idsOf(await runQuery(groq, params, [...working.values()])),
      })
    } catch (error) {
      throw error instanceof MutationFailure ? error.toApiError() : error
    }
    if (!dryRun) {
      state.store.commit(working)
      state.usedTransactionIds.add(transactionId)
    }
    return { status: 200, json: mutationResponse(transactionId, results, url) }
  })
}

function idsOf(result: unknown): string[] {
  const items = Array.isArray(result) ? result : [result]
  return items.flatMap((item) =>
    typeof item === 'object' && item !== null && typeof (item as { _id?: unknown })._id === 'string'
      ? [(item as { _id: string })._id]
      : [],
  )
}

/** `{transactionId, results}`, with ids and documents only when asked for. */
function mutationResponse(transactionId: string, results: MutationResult[], url: URL): unknown {
  const withDocuments = flag(url, 'returnDocuments')
  return {
    transactionId,
    results: results.map(({ id, operation, document }) =>
      withDocuments ? { id, operation, document } : { id, operation },
    ),
    ...(flag(url, 'returnIds') ? { documentIds: results.map((r) => r.id) } : {}),
  }
}

async function query(state: ApiState, request: RouteRequest, match: string[]): Promise<Reply> {
  const { url } = request
  const started = performance.now()
  let groq: unknown
  let params: Record<string, unknown>
  if (request.method === 'POST') {
    const body = parseJson(request.body) as { query?: unknown; params?: unknown } | undefined
    groq = body?.query
    params =
      typeof body?.params === 'object' && body.params !== null
        ? (body.params as Record<string, unknown>)
        : {}
  } else {
    groq = url.searchParams.get('query') ?? undefined
    params = paramsFromSearch(url.searchParams)
  }
  if (typeof groq !== 'string' || groq.trim() === '') {
    throw httpError(400, 'Missing query: send ?query=<GROQ> or a POST body {"query": ...}')
  }
  const perspective = choosePerspective(
    match[1] as string,
    url.searchParams.get('perspective') ?? undefined,
  )
  const result = await runQuery(groq, params, view(readable(state, request), perspective))
  const ms = Math.round(performance.now() - started)
  const withQuery = url.searchParams.get('returnQuery') !== 'false'
  return { status: 200, json: { ms, ...(withQuery ? { query: groq } : {}), result } }
}

async function getDocuments(
  state: ApiState,
  request: RouteRequest,
  match: string[],
): Promise<Reply> {
  const ids = (match[3] as string).split(',').map((id) => decodeURIComponent(id))
  const visible = new Map(readable(state, request).map((doc) => [doc._id, doc]))
  const excludeContent = flag(request.url, 'excludeContent')
  const documents: unknown[] = []
  const omitted: Array<{ id: string; reason: 'existence' | 'permission' }> = []
  for (const id of ids) {
    const doc = visible.get(id)
    if (doc)
      documents.push(
        excludeContent ? { _id: doc._id, _type: doc._type, _rev: doc._rev } : copy(doc),
      )
    else omitted.push({ id, reason: state.store.get(id) ? 'permission' : 'existence' })
  }
  return { status: 200, json: { documents, omitted } }
}

async function uploadImage(state: ApiState, request: RouteRequest): Promise<Reply> {
  const filename = request.url.searchParams.get('filename') ?? undefined
  const asset = imageAsset(request.body, {
    baseUrl: state.baseUrl(),
    projectId: state.projectId,
    dataset: state.dataset,
    filename,
  })
  return exclusive(state, async () => {
    // The same bytes are the same asset: answer with the one already stored.
    const existing = state.store.get(asset._id)
    if (existing) return { status: 200, json: { document: copy(existing) } }
    const time = now()
    const stored = { ...asset, _rev: randomId(), _createdAt: time, _updatedAt: time }
    state.store.put(stored)
    state.files.set(asset.path as string, {
      bytes: request.body,
      mimeType: asset.mimeType as string,
    })
    return { status: 200, json: { document: copy(stored) } }
  })
}

async function serveImage(
  state: ApiState,
  _request: RouteRequest,
  match: string[],
): Promise<Reply> {
  const file = state.files.get(match[1] as string)
  if (!file) throw httpError(404, `No uploaded image at /${match[1]}`)
  return { status: 200, bytes: file.bytes, contentType: file.mimeType }
}
