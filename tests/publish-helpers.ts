// Helpers shared by the publish and pull tests. Not a test file itself.
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'
import { publish, readSanityConfig, type SanityConfig } from 'us-russia-g20-story/sanity'
import {
  type SanityApi,
  type SanityApiOptions,
  startSanityApi,
} from '../tools/sanity-api/server.js'
import { compiledCommand, PACKAGE_ROOT } from './build-helpers.js'

/** The token the tests use: distinctive, so a grep for it finds every leak. */
export const TEST_TOKEN = 'skTEST-8f3c1d9e-never-print-me-4b7a'

/** Retries without waiting, so fault tests run fast; the backoff itself is tested in publish-retry. */
export const FAST_RETRY = { sleep: async () => {}, retries: 3 }

/** A temp repo: a copy of content/ (never the real one). */
export function tempRepo(prefix = 'publish-test-'): { root: string; contentDir: string } {
  const root = mkdtempSync(join(tmpdir(), prefix))
  cpSync(join(PACKAGE_ROOT, 'content'), join(root, 'content'), { recursive: true })
  return { root, contentDir: join(root, 'content') }
}

/** Make `root` a git repo with everything committed. */
export function gitInit(root: string): void {
  const git = (...args: string[]) => {
    const run = spawnSync('git', args, { cwd: root, encoding: 'utf8' })
    if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr}`)
    return run.stdout
  }
  git('init', '-q')
  gitCommitAll(root, 'content')
}

/** Commit everything in `root` (as a user commits the sanity.lock.json a publish or pull wrote). */
export function gitCommitAll(root: string, message = 'commit'): void {
  for (const args of [
    ['add', '-A'],
    ['commit', '-q', '--allow-empty', '-m', message],
  ]) {
    const run = spawnSync(
      'git',
      ['-c', 'user.email=t@example.invalid', '-c', 'user.name=test', ...args],
      { cwd: root, encoding: 'utf8' },
    )
    if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr}`)
  }
}

/** `git diff` and untracked files of `root`, as one text; empty means nothing changed. */
export function gitChanges(root: string): string {
  const diff = spawnSync('git', ['diff'], { cwd: root, encoding: 'utf8' }).stdout
  const status = spawnSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' }).stdout
  return `${diff}${status}`
}

/** A local API with a token, and the config that points at it. */
export async function startApi(
  options: SanityApiOptions = {},
): Promise<{ api: SanityApi; config: SanityConfig }> {
  const api = await startSanityApi({ token: TEST_TOKEN, ...options })
  return { api, config: readSanityConfig(api.env()) }
}

/**
 * A temp repo under git, published to a fresh local API. The caller closes `api`. `total` is the
 * number of content files.
 */
export async function publishedRepo(prefix = 'pull-test-') {
  const started = await startApi()
  const repo = tempRepo(prefix)
  gitInit(repo.root)
  const options = { ...repo, config: started.config, retry: FAST_RETRY }
  const published = await publish(options)
  if (published.status !== 'published') throw new Error(`publish: ${published.status}`)
  // Publish recorded the revisions it wrote in sanity.lock.json; a user commits that with it.
  gitCommitAll(repo.root, 'publish')
  return { api: started.api, options, total: countFiles(repo.contentDir) }
}

/** Mutations the server received (in mutate requests, whatever their status). */
export function mutateRequests(api: SanityApi) {
  return api.requests.filter((r) => r.path.includes('/data/mutate/'))
}

/** The stored documents of our types (published and drafts), without assets. */
export function storedContent(api: SanityApi) {
  return api.documents().filter((d) => !d._type.startsWith('sanity.'))
}

/** The number of content files under `dir`. */
export function countFiles(dir: string): number {
  return readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.json')).length
}

/** A content file's parsed JSON. */
export function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
}

/**
 * Run a compiled script as a child process without blocking this one (the local API answers
 * from this process, so spawnSync would deadlock).
 */
export function runScriptAsync(
  name: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...compiledCommand(name), ...args], {
      cwd: PACKAGE_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', ...env },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => {
      stdout += chunk
    })
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    child.on('error', reject)
    child.on('close', (status) => resolve({ status, stdout, stderr }))
  })
}

/** Every file under `dir` whose bytes contain `needle`. */
export function filesContaining(dir: string, needle: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => {
      try {
        return readFileSync(join(dir, file)).includes(needle)
      } catch {
        return false
      }
    })
}

function crc32(bytes: Buffer): number {
  let crc = ~0
  for (const byte of bytes) {
    crc ^= byte
    for (let k = 0; k < 8; k += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1))
  }
  return ~crc >>> 0
}

/** A real, tiny PNG of the given size (grey pixels), generated for the test. */
export function testPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 0, 0, 0, 0], 8)
  const rows = Buffer.alloc((width + 1) * height, 0x80)
  for (let y = 0; y < height; y += 1) rows[y * (width + 1)] = 0
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}
