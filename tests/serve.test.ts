import { mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type StaticServer, startStaticServer } from '../tools/preview/static-server.js'
import { tempDir, writeTree } from './build-helpers.js'

/** Send `request` byte for byte (no client normalises `..` away) and return the raw response. */
function raw(port: number, request: string, host = '127.0.0.1'): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port }, () => socket.write(request))
    const chunks: Buffer[] = []
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')))
    socket.on('error', reject)
  })
}

const get = (port: number, path: string, method = 'GET') =>
  raw(port, `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`)

const status = (response: string) => Number(response.split(' ')[1])
const header = (response: string, name: string) =>
  new RegExp(`^${name}: (.*)\\r$`, 'im').exec(response)?.[1]
const body = (response: string) => response.slice(response.indexOf('\r\n\r\n') + 4)

let base: string
let root: string
let server: StaticServer

beforeAll(async () => {
  base = tempDir('serve-test-')
  root = join(base, 'site')
  writeTree(base, {
    'secret.txt': 'TOP SECRET',
    'site/index.html': '<h1>home</h1>',
    'site/404.html': '<h1>custom not found</h1>',
    'site/articles/index.html': '<h1>articles</h1>',
    'site/articles/story/index.html': '<h1>story</h1>',
    'site/empty/readme.txt': 'no index here',
    'site/style.css': 'h1{}',
    'site/app.js': 'void 0',
    'site/data.json': '{}',
    'site/notes.txt': 'plain',
    'site/logo.svg': '<svg/>',
    'site/blob.xyz': 'bytes',
    'site/café.html': '<p>unicode path</p>',
  })
  writeFileSync(join(root, 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]))
  symlinkSync(join(base, 'secret.txt'), join(root, 'link-out.txt'))
  server = await startStaticServer({ root, port: 0 })
})

afterAll(async () => {
  await server?.close()
  rmSync(base, { recursive: true, force: true })
})

describe('static server', () => {
  it('listens on 127.0.0.1 only', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`)
    // Other loopback addresses reach a server bound to all interfaces, but not this one.
    await expect(raw(server.port, 'GET / HTTP/1.0\r\n\r\n', '127.0.0.2')).rejects.toThrow(
      /ECONNREFUSED/,
    )
    await expect(raw(server.port, 'GET / HTTP/1.0\r\n\r\n', '::1')).rejects.toThrow(
      /ECONNREFUSED|EADDRNOTAVAIL/,
    )
  })

  it.each([
    ['/style.css', 'text/css; charset=utf-8'],
    ['/app.js', 'text/javascript; charset=utf-8'],
    ['/data.json', 'application/json; charset=utf-8'],
    ['/notes.txt', 'text/plain; charset=utf-8'],
    ['/logo.svg', 'image/svg+xml'],
    ['/photo.png', 'image/png'],
    ['/blob.xyz', 'application/octet-stream'],
    ['/caf%C3%A9.html', 'text/html; charset=utf-8'],
  ])('serves %s as %s', async (path, type) => {
    const response = await get(server.port, path)
    expect(status(response)).toBe(200)
    expect(header(response, 'Content-Type')).toBe(type)
    expect(header(response, 'X-Content-Type-Options')).toBe('nosniff')
  })

  it('serves bytes unchanged, with their length', async () => {
    const response = await get(server.port, '/photo.png')
    expect(header(response, 'Content-Length')).toBe('4')
    expect([...Buffer.from(body(response), 'latin1')]).toEqual([0x89, 0x50, 0x4e, 0x47])
  })

  it('serves index.html for / and for folders', async () => {
    expect(body(await get(server.port, '/'))).toBe('<h1>home</h1>')
    expect(body(await get(server.port, '/articles/'))).toBe('<h1>articles</h1>')
    const story = await get(server.port, '/articles/story/?utm=x')
    expect(status(story)).toBe(200)
    expect(body(story)).toBe('<h1>story</h1>')
  })

  it('redirects a folder without its trailing slash, keeping the query', async () => {
    const response = await get(server.port, '/articles/story?x=1')
    expect(status(response)).toBe(301)
    expect(header(response, 'Location')).toBe('/articles/story/?x=1')
  })

  it('never redirects to another host (//host/ in Location)', async () => {
    const response = await get(server.port, '//articles')
    expect(status(response)).toBe(301)
    expect(header(response, 'Location')).toBe('/articles/')
  })

  it("answers 404 with the site's 404 page", async () => {
    for (const path of ['/nope', '/articles/nope/', '/empty/', '/style.css/', '/index.html/x']) {
      const response = await get(server.port, path)
      expect(status(response), path).toBe(404)
      expect(body(response), path).toBe('<h1>custom not found</h1>')
    }
  })

  it.each([
    '/../secret.txt',
    '/articles/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/.%2e/secret.txt',
    '/..%2fsecret.txt',
    '/articles%2f..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%00',
    '/index.html%00.png',
    '/%E0%A4%A',
    '/./index.html',
  ])('refuses the traversal attempt %s with 400', async (path) => {
    const response = await get(server.port, path)
    expect(status(response)).toBe(400)
    expect(response).not.toContain('TOP SECRET')
  })

  it('refuses a request that is not a path (absolute-form target)', async () => {
    expect(status(await get(server.port, 'http://example.com/secret.txt'))).toBe(400)
  })

  it('does not follow a symlink out of the site', async () => {
    const response = await get(server.port, '/link-out.txt')
    expect(status(response)).toBe(404)
    expect(response).not.toContain('TOP SECRET')
  })

  it('answers HEAD with the headers of GET and no body', async () => {
    const getResponse = await get(server.port, '/style.css')
    const head = await get(server.port, '/style.css', 'HEAD')
    expect(status(head)).toBe(200)
    expect(header(head, 'Content-Type')).toBe('text/css; charset=utf-8')
    expect(header(head, 'Content-Length')).toBe(header(getResponse, 'Content-Length'))
    expect(body(head)).toBe('')
    const missing = await get(server.port, '/nope', 'HEAD')
    expect(status(missing)).toBe(404)
    expect(body(missing)).toBe('')
  })

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('refuses %s with 405', async (method) => {
    const response = await get(server.port, '/index.html', method)
    expect(status(response)).toBe(405)
    expect(header(response, 'Allow')).toBe('GET, HEAD')
  })

  it('answers a plain 404 page when the site has none, escaping the path', async () => {
    const other = tempDir('serve-test-')
    writeTree(other, { 'index.html': 'x' })
    const bare = await startStaticServer({ root: other, port: 0 })
    try {
      const response = await get(bare.port, '/%3Cscript%3E')
      expect(status(response)).toBe(404)
      expect(header(response, 'Content-Type')).toBe('text/html; charset=utf-8')
      expect(body(response)).toContain('404 Not found')
      expect(body(response)).not.toContain('<script>')
    } finally {
      await bare.close()
      rmSync(other, { recursive: true, force: true })
    }
  })

  it('serves the new folder after the root is swapped by rename', async () => {
    const other = tempDir('serve-test-')
    const site = join(other, 'site')
    writeTree(other, { 'site/index.html': 'old', 'next/index.html': 'new' })
    const swapped = await startStaticServer({ root: site, port: 0 })
    try {
      expect(body(await get(swapped.port, '/'))).toBe('old')
      renameSync(site, join(other, 'previous'))
      renameSync(join(other, 'next'), site)
      expect(body(await get(swapped.port, '/'))).toBe('new')
    } finally {
      await swapped.close()
      rmSync(other, { recursive: true, force: true })
    }
  })

  it('answers 404 while nothing has been built yet', async () => {
    const other = tempDir('serve-test-')
    mkdirSync(join(other, 'dist'))
    const empty = await startStaticServer({ root: join(other, 'dist', 'site'), port: 0 })
    try {
      expect(status(await get(empty.port, '/'))).toBe(404)
    } finally {
      await empty.close()
      rmSync(other, { recursive: true, force: true })
    }
  })

  it('rejects with EADDRINUSE when the port is taken', async () => {
    await expect(startStaticServer({ root, port: server.port })).rejects.toMatchObject({
      code: 'EADDRINUSE',
    })
  })
})
