import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'

/** A content file as it is on disk now. */
export interface ContentFileBytes {
  /** Absolute path (or as `contentDir` was given). */
  path: string
  bytes: Uint8Array
}

/**
 * Every `.json` file under `contentDir`, sorted, skipping dot-folders and node_modules as `validate`
 * does; none when the folder does not exist. What pull and import check a new content set against.
 */
export async function readContentFiles(contentDir: string): Promise<ContentFileBytes[]> {
  const names = await readdir(contentDir, { recursive: true }).catch(() => [] as string[])
  const files: ContentFileBytes[] = []
  for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
    if (name.split(/[\\/]/).some((part) => part.startsWith('.') || part === 'node_modules'))
      continue
    const path = join(contentDir, name)
    files.push({ path, bytes: new Uint8Array(await readFile(path)) })
  }
  return files
}
