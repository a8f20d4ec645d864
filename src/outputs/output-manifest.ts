import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * The file that marks a folder as an output this package wrote. No `.json` extension, so that
 * nothing that globs `*.json` in an output folder (the validator, a ninjs consumer) picks it up.
 */
export const OUTPUT_MANIFEST = '.output-manifest'

/** Names the manifest as this package's, so a look-alike file of another tool is not taken for it. */
const GENERATOR = 'us-russia-g20-story'

/** File managers' own metadata: never anyone's work, so it does not stop a replace. */
const SYSTEM_FILES = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini'])

/** Whether `name` is a file manager's metadata file, which is nobody's work. */
export function isSystemFile(name: string): boolean {
  return SYSTEM_FILES.has(name)
}

/** What an output folder holds, by the package's account: posix path → SHA-256 of the bytes. */
export type ManifestFiles = ReadonlyMap<string, string>

/** The SHA-256 of `content`, in hex. */
export function digest(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex')
}

/** The manifest's text for a folder holding `files`. */
export function manifestText(files: ManifestFiles): string {
  const sorted = Object.fromEntries([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  const manifest = {
    generator: GENERATOR,
    about:
      'This folder is an output of npm run build or npm run render, and is replaced whole on the next run. ' +
      'A file that is not listed here, or that was changed, stops that replace: keep your own files elsewhere.',
    files: sorted,
  }
  return `${JSON.stringify(manifest, null, 2)}\n`
}

/**
 * The files the manifest in `dir` lists, or `null` when `dir` has no manifest of this package
 * (missing, unreadable, not JSON, or another tool's).
 */
export async function readManifest(dir: string): Promise<ManifestFiles | null> {
  let parsed: unknown
  try {
    parsed = JSON.parse(await readFile(join(dir, OUTPUT_MANIFEST), 'utf8'))
  } catch {
    return null
  }
  const { generator, files } = (parsed ?? {}) as { generator?: unknown; files?: unknown }
  if (generator !== GENERATOR || typeof files !== 'object' || files === null) return null
  const entries = Object.entries(files)
  if (!entries.every(([, hash]) => typeof hash === 'string')) return null
  return new Map(entries as [string, string][])
}

/** What an output folder holds beyond its manifest's account. */
export interface Unaccounted {
  /** Files and folders the manifest does not list (posix paths). */
  added: string[]
  /** Listed files whose bytes differ from what was written, or that are no longer plain files. */
  changed: string[]
}

/**
 * Compare `dir` with `files`, its manifest's list: what is there that the package did not write,
 * and what it wrote that has been changed since. A listed file that is missing is no loss, and
 * not reported. Symbolic links are never followed: one is reported, not read.
 */
export async function unaccounted(dir: string, files: ManifestFiles): Promise<Unaccounted> {
  const folders = new Set<string>()
  for (const path of files.keys()) {
    const parts = path.split('/')
    for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join('/'))
  }
  const result: Unaccounted = { added: [], changed: [] }
  const pending = ['']
  for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
    const entries = await readdir(join(dir, ...folder.split('/')), { withFileTypes: true })
    for (const entry of entries) {
      const path = folder === '' ? entry.name : `${folder}/${entry.name}`
      if (path === OUTPUT_MANIFEST || isSystemFile(entry.name)) continue
      if (entry.isDirectory() && folders.has(path)) pending.push(path)
      else if (!files.has(path)) result.added.push(path)
      else if (!entry.isFile()) result.changed.push(path)
      else if (digest(await readFile(join(dir, ...path.split('/')))) !== files.get(path))
        result.changed.push(path)
    }
  }
  result.added.sort()
  result.changed.sort()
  return result
}
