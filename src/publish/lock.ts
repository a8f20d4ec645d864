import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from '../write-atomic.js'

/** `sanity.lock.json`: per `<projectId>/<dataset>`, the `_rev` pull last wrote for each remote id. */
export type SanityLock = Record<string, Record<string, string>>

/** The lock file of a repo. */
export function lockPath(root: string): string {
  return join(root, 'sanity.lock.json')
}

/** Read the lock; a missing file is an empty lock. A damaged one throws with what to do. */
export async function readLock(root: string): Promise<SanityLock> {
  let text: string
  try {
    text = await readFile(lockPath(root), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {}
    throw error
  }
  try {
    const lock = JSON.parse(text) as unknown
    if (typeof lock !== 'object' || lock === null || Array.isArray(lock)) throw new Error()
    return lock as SanityLock
  } catch {
    throw new Error(
      'sanity.lock.json is not a JSON object: restore it from git, or delete it and pull again.',
    )
  }
}

/** Record `revisions` (remote id → `_rev`) for one dataset, keys sorted, written atomically. */
export async function recordBase(
  root: string,
  dataset: string,
  revisions: Readonly<Record<string, string>>,
  removed: readonly string[] = [],
): Promise<void> {
  if (Object.keys(revisions).length === 0 && removed.length === 0) return
  const lock = await readLock(root)
  const entries = { ...lock[dataset], ...revisions }
  for (const id of removed) delete entries[id]
  const sorted = (record: Record<string, unknown>) =>
    Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((key) => [key, record[key]]),
    )
  const next = sorted({ ...lock, [dataset]: sorted(entries) })
  await writeFileAtomic(lockPath(root), `${JSON.stringify(next, null, 2)}\n`)
}
