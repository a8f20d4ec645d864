import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { OutputFile } from '../output-file.js'

export type { OutputFile }

/** What {@link writeFiles} wrote. */
export interface WriteStats {
  files: number
  /** HTML files: the pages of a site. */
  pages: number
  bytes: number
}

/** A renderer handed the build a file it must not write; the message says which and why. */
export class OutputPathError extends Error {
  override name = 'OutputPathError'
}

/** Why `path` may not be written under an output folder, or `null` when it is safe. */
export function unsafePathReason(path: string): string | null {
  if (typeof path !== 'string' || path === '') return 'it is empty'
  if (path.includes('\0')) return 'it contains a NUL character'
  if (path.includes('\\')) return 'it contains a backslash; use / between folders'
  if (path.startsWith('/')) return 'it is absolute; make it relative to the output folder'
  const bad = path
    .split('/')
    .find((segment) => segment === '' || segment === '.' || segment === '..')
  if (bad !== undefined) return `it has a "${bad}" segment; give a plain relative path`
  return null
}

/**
 * Write `files` under `dir`, creating folders as needed. Every path is checked first, so a
 * renderer bug can never write outside `dir`; duplicate paths are refused rather than overwritten.
 */
export async function writeFiles(dir: string, files: Iterable<OutputFile>): Promise<WriteStats> {
  const seen = new Set<string>()
  const stats: WriteStats = { files: 0, pages: 0, bytes: 0 }
  for (const file of files) {
    const reason = unsafePathReason(file.path)
    if (reason)
      throw new OutputPathError(`Refused to write ${JSON.stringify(file.path)}: ${reason}.`)
    if (seen.has(file.path))
      throw new OutputPathError(`Two files have the path ${file.path}; each must be unique.`)
    if (typeof file.content !== 'string' && !(file.content instanceof Uint8Array))
      throw new OutputPathError(`${file.path} has no content: give a string or a Uint8Array.`)
    seen.add(file.path)
    const target = join(dir, ...file.path.split('/'))
    await mkdir(dirname(target), { recursive: true })
    await writeFile(target, file.content)
    stats.files += 1
    stats.bytes +=
      typeof file.content === 'string' ? Buffer.byteLength(file.content) : file.content.byteLength
    if (file.path.endsWith('.html')) stats.pages += 1
  }
  return stats
}
