import { createReadStream } from 'node:fs'
import { readFile, realpath, stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join, sep } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { contentType } from './content-types.js'
import { resolveRequestPath } from './request-path.js'

/** The only address the preview server listens on: it must never be reachable from elsewhere. */
export const HOST = '127.0.0.1'

/** Port `npm start` uses unless `PORT` says otherwise. */
export const DEFAULT_PORT = 4321

/** Options of {@link startStaticServer}. */
export interface StaticServerOptions {
  /** The folder to serve. It is looked up on every request, so it may be swapped while serving. */
  root: string
  /** TCP port; 0 picks a free one. Default {@link DEFAULT_PORT}. */
  port?: number
}

/** A running static server. */
export interface StaticServer {
  /** `http://127.0.0.1:<port>/` */
  url: string
  port: number
  /** Stop listening and drop open connections. */
  close(): Promise<void>
}

const COMMON_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // A preview must always show the latest build.
  'Cache-Control': 'no-store',
} as const

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

function plainPage(title: string, detail: string): string {
  return `<!doctype html>\n<html lang="en"><meta charset="utf-8"><title>${escapeHtml(title)}</title>\n<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(detail)}</p>\n</html>\n`
}

function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body
  res.writeHead(status, {
    ...COMMON_HEADERS,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(bytes.byteLength),
    ...headers,
  })
  res.end(req.method === 'HEAD' ? undefined : bytes)
}

async function isInside(root: string, file: string): Promise<boolean> {
  // Resolve symlinks on both sides, so a link inside the site cannot point outside it.
  const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)])
  return realFile === realRoot || realFile.startsWith(realRoot + sep)
}

async function notFound(req: IncomingMessage, res: ServerResponse, root: string): Promise<void> {
  // The site's own 404 page when it has one; a plain one otherwise.
  const page = await readFile(join(root, '404.html')).catch(() => null)
  send(req, res, 404, page ?? plainPage('404 Not found', `Nothing at ${req.url ?? '/'}.`))
}

async function statOrNull(path: string) {
  return stat(path).catch(() => null)
}

async function handle(req: IncomingMessage, res: ServerResponse, root: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(req, res, 405, plainPage('405 Method not allowed', 'Use GET or HEAD.'), {
      Allow: 'GET, HEAD',
    })
    return
  }
  const target = req.url ?? '/'
  const queryAt = target.search(/[?#]/)
  const path = queryAt === -1 ? target : target.slice(0, queryAt)
  const query = queryAt === -1 ? '' : target.slice(queryAt)
  const resolved = resolveRequestPath(root, path)
  if (!resolved.ok) {
    send(req, res, 400, plainPage('400 Bad request', `Refused: ${resolved.reason}.`))
    return
  }
  let file = resolved.file
  let info = await statOrNull(file)
  if (info?.isDirectory()) {
    if (!resolved.trailingSlash) {
      // Relative links in an index page only work under the folder's own URL. One leading slash
      // only: `//host/` in Location would send the browser to another site.
      const location = `/${path.replace(/^\/+/, '')}/${query}`
      send(req, res, 301, plainPage('301 Moved', `See ${location}`), { Location: location })
      return
    }
    file = join(file, 'index.html')
    info = await statOrNull(file)
  } else if (resolved.trailingSlash) {
    info = null
  }
  if (!info?.isFile() || !(await isInside(root, file))) {
    await notFound(req, res, root)
    return
  }
  res.writeHead(200, {
    ...COMMON_HEADERS,
    'Content-Type': contentType(file),
    'Content-Length': String(info.size),
    'Last-Modified': info.mtime.toUTCString(),
  })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  await pipeline(createReadStream(file), res)
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, HOST, () => {
      server.off('error', reject)
      resolve((server.address() as AddressInfo).port)
    })
  })
}

/**
 * Serve the files under `root` on http://127.0.0.1:`port`/ (never on other interfaces): GET and
 * HEAD only, `index.html` for folders (`/x` redirects to `/x/`), the site's `404.html` for what is
 * missing, 400 for paths that try to leave the root.
 * Rejects with the listen error (for example `EADDRINUSE`) when the port is taken.
 */
export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const { root } = options
  const server = createServer((req, res) => {
    handle(req, res, root).catch(() => {
      if (res.headersSent) res.destroy()
      else send(req, res, 500, plainPage('500 Server error', 'The file could not be read.'))
    })
  })
  const port = await listen(server, options.port ?? DEFAULT_PORT)
  return {
    url: `http://${HOST}:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
