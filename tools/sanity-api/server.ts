/**
 * A local stand-in for the part of Sanity's HTTP API that @sanity/client uses: mutate, query,
 * doc and image upload, with tokens, transactions, perspectives and injectable faults. It listens
 * on 127.0.0.1 only and keeps everything in memory. Used by tests, `npm run bench` and
 * `npm run sanity:local`. Hardened although it is a test tool: bodies are limited (413) and
 * requests are authorized before a body is read, and only its own host name and origin are served
 * (a web page cannot use it through DNS rebinding or a cross-origin POST).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { ApiError, httpError } from './errors.js'
import { FaultQueue } from './faults.js'
import { type ApiState, DATA_BODY_LIMIT, findEndpoint, type Reply } from './routes.js'
import { copy, now, randomId, Store } from './store.js'
import type {
  Fault,
  RecordedRequest,
  SanityApi,
  SanityApiOptions,
  SanityDocument,
} from './types.js'

export type {
  Fault,
  FaultMatch,
  RecordedRequest,
  SanityApi,
  SanityApiOptions,
  SanityDocument,
} from './types.js'

const HOST = '127.0.0.1'

/** Start the local API; resolves once it is listening. Close it with `api.close()`. */
export async function startSanityApi(options: SanityApiOptions = {}): Promise<SanityApi> {
  const projectId = options.projectId ?? 'test'
  const dataset = options.dataset ?? 'production'
  const token = options.token
  const faults = new FaultQueue()
  const requests: RecordedRequest[] = []
  let url = ''
  const state: ApiState = {
    store: new Store(options.documents),
    projectId,
    dataset,
    baseUrl: () => url,
    files: new Map(),
    usedTransactionIds: new Set(),
    writeLock: Promise.resolve(),
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // Only a bug in this server gets here; answer so the client does not hang.
      if (!res.headersSent)
        send(res, {
          status: 500,
          json: { statusCode: 500, error: 'Internal Server Error', message: String(error) },
        })
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET'
    const requestUrl = new URL(req.url ?? '/', `http://${HOST}`)
    const record: RecordedRequest = {
      method,
      path: requestUrl.pathname,
      query: Object.fromEntries(requestUrl.searchParams),
      status: 0,
      bytesIn: 0,
      bytesOut: 0,
      mutations: 0,
    }
    requests.push(record)
    let reply: Reply
    try {
      // Everything that can refuse the request is checked before its body is read.
      checkHost(req, url)
      const endpoint = findEndpoint(state, {
        method,
        url: requestUrl,
        authenticated: authenticate(req, token),
      })
      if (endpoint.write) checkOrigin(req, url)
      const body = await readBody(req, options.maxBodyBytes ?? endpoint.maxBodyBytes)
      record.bytesIn = body.length
      record.mutations = countMutations(requestUrl.pathname, body)
      const fault = faults.take(method, requestUrl.pathname)
      if (fault && 'delayMs' in fault) await sleep(fault.delayMs)
      if (fault && 'drop' in fault && !fault.afterCommit) return drop(req.socket, record)
      if (fault && 'status' in fault) throw faultError(fault)
      reply = await endpoint.run(body)
      // The lost acknowledgement: the work is done, the answer never arrives.
      if (fault && 'drop' in fault) return drop(req.socket, record)
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      reply = { status: error.status, json: error.body, headers: error.headers }
    }
    record.status = reply.status
    record.bytesOut = send(
      res,
      reply,
      method === 'HEAD',
      !req.complete && !bodyWillFit(req, options),
    )
    options.onRequest?.(record)
  }

  /** Close the connection without a response, as a crashed proxy or a cut network would. */
  function drop(socket: Socket, record: RecordedRequest): void {
    socket.destroy()
    options.onRequest?.(record)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, HOST, () => resolve())
  })
  url = `http://${HOST}:${(server.address() as AddressInfo).port}`

  return {
    url,
    requests,
    env: () => ({
      SANITY_PROJECT_ID: projectId,
      SANITY_DATASET: dataset,
      SANITY_API_HOST: url,
      ...(token ? { SANITY_API_TOKEN: token } : {}),
    }),
    documents: () => state.store.all().map(copy),
    get: (id) => {
      const doc = state.store.get(id)
      return doc && copy(doc)
    },
    editorEdit: (id, change) => {
      const doc = state.store.get(id)
      if (!doc) throw new Error(`editorEdit: no document "${id}" is stored`)
      const edited: SanityDocument = {
        ...change(copy(doc)),
        _id: id,
        _rev: randomId(),
        _updatedAt: now(),
      }
      state.store.put(edited)
      return copy(edited)
    },
    fault: (f: Fault) => faults.add(f),
    clearFaults: () => faults.clear(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        // Keep-alive sockets from the client would otherwise hold close() open.
        server.closeAllConnections()
      }),
  }
}

/**
 * The request body, refused with 413 as soon as it is known to pass `limit`: by its
 * `Content-Length` before a byte is read, or while it streams in without one.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  if (Number(req.headers['content-length'] ?? 0) > limit) return Promise.reject(tooLarge(limit))
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) return void chunks.push(chunk)
      req.off('data', onData)
      req.pause()
      reject(tooLarge(limit))
    }
    req.on('data', onData)
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function tooLarge(limit: number): ApiError {
  return httpError(413, `Request body exceeds limit of ${limit} bytes`)
}

/**
 * Whether the unread rest of a refused request's body is small enough for Node to read and drop
 * after the answer, keeping the connection. A larger or unannounced one closes the connection, so
 * nobody can make the server read without end.
 */
function bodyWillFit(req: IncomingMessage, options: SanityApiOptions): boolean {
  const length = req.headers['content-length']
  return length !== undefined && Number(length) <= (options.maxBodyBytes ?? DATA_BODY_LIMIT)
}

/** The `Host` values this server answers to: its own address, by IP or as localhost. */
function ownHosts(url: string): string[] {
  const { port } = new URL(url)
  return [`${HOST}:${port}`, `localhost:${port}`]
}

/**
 * Refuse a request addressed to another host name. A page can point its own domain at 127.0.0.1
 * (DNS rebinding) and so reach this server as "same origin"; its `Host` header still names that
 * domain.
 */
function checkHost(req: IncomingMessage, url: string): void {
  if (!ownHosts(url).includes(req.headers.host ?? ''))
    throw httpError(403, `This server answers only to ${ownHosts(url).join(' or ')}`)
}

/**
 * Refuse a write sent by a page of another origin. Browsers send a cross-origin POST with a
 * "simple" content type without asking first; its `Origin` header says where it comes from.
 * Tools (@sanity/client in Node, curl) send no `Origin`.
 */
function checkOrigin(req: IncomingMessage, url: string): void {
  const origin = req.headers.origin
  if (origin === undefined) return
  if (!ownHosts(url).some((host) => origin === `http://${host}`))
    throw httpError(403, 'Writes from pages of other origins are refused')
}

/**
 * Without a configured token every request is allowed. With one, a request that sends a
 * different token is refused outright (401), and one that sends none is anonymous.
 */
function authenticate(req: IncomingMessage, token: string | undefined): boolean {
  if (token === undefined) return true
  const header = req.headers.authorization
  if (header === undefined) return false
  if (header !== `Bearer ${token}`)
    throw httpError(401, 'Session not found: the token is not valid for this project')
  return true
}

function countMutations(path: string, body: Buffer): number {
  if (!/\/data\/mutate\//.test(path)) return 0
  try {
    const mutations = (JSON.parse(body.toString('utf8')) as { mutations?: unknown }).mutations
    return Array.isArray(mutations) ? mutations.length : 0
  } catch {
    return 0
  }
}

function faultError(fault: Fault & { status: number }): ApiError {
  if (fault.status === 429) {
    const seconds = 'retryAfterSeconds' in fault ? (fault.retryAfterSeconds ?? 1) : 1
    return httpError(429, 'API rate limit exceeded', { 'Retry-After': String(seconds) })
  }
  return httpError(fault.status, 'Injected server fault')
}

/** Write the reply, closing the connection after it when `close`; returns the bytes in its body. */
function send(res: ServerResponse, reply: Reply, headOnly = false, close = false): number {
  const isJson = 'json' in reply
  const body = isJson ? Buffer.from(JSON.stringify(reply.json)) : reply.bytes
  res.writeHead(reply.status, {
    'Content-Type': isJson ? 'application/json; charset=utf-8' : reply.contentType,
    'Content-Length': String(body.length),
    ...(isJson ? reply.headers : {}),
    ...(close ? { Connection: 'close' } : {}),
  })
  res.end(headOnly ? undefined : body)
  return headOnly ? 0 : body.length
}
