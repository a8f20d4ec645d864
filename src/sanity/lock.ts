import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Diagnostic } from '../diagnostics.js'
import { displayPath } from '../display-path.js'
import { setOwn } from '../json/copy.js'
import { sanityDiagnostic } from './diagnostic.js'

/**
 * `sanity.lock.json`: per `<projectId>/<dataset>`, the `_rev` pull last wrote for each remote id.
 * The records have no prototype, so an id such as `__proto__` or `constructor` is just a key.
 */
export type SanityLock = Record<string, Record<string, string>>

/** The lock file of a repo. */
export function lockPath(root: string): string {
  return join(root, 'sanity.lock.json')
}

/** sanity.lock.json exists but is not what pull writes: nothing may be done until it is fixed. */
export class LockError extends Error {
  override readonly name = 'LockError'
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A record without a prototype, holding the own properties of `from`. */
function bare<T>(from: Record<string, T>): Record<string, T> {
  const record = Object.create(null) as Record<string, T>
  for (const key of Object.keys(from)) setOwn(record, key, from[key])
  return record
}

/**
 * Read the lock; a missing file is an empty lock. Anything but an object of datasets, each an
 * object of ids and revision strings, is damaged: it throws a LockError that says what to do.
 */
export async function readLock(root: string): Promise<SanityLock> {
  let text: string
  try {
    // Stryker disable StringLiteral: without an encoding the Buffer read is parsed as the same UTF-8 text
    text = await readFile(lockPath(root), 'utf8')
    // Stryker restore StringLiteral
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return bare({})
    throw error
  }
  // Text that is no JSON leaves it undefined: damaged, as any other shape.
  let lock: unknown
  try {
    lock = JSON.parse(text)
  } catch {}
  const isRevisions = (revisions: unknown) =>
    isRecord(revisions) && Object.values(revisions).every((rev) => typeof rev === 'string')
  if (!isRecord(lock) || !Object.values(lock).every(isRevisions))
    throw new LockError(
      'sanity.lock.json is damaged (it must be an object of datasets, each an object of ids and revisions): ' +
        'restore it from git, or delete it and pull again.',
    )
  const out = bare<Record<string, string>>({})
  for (const key of Object.keys(lock)) setOwn(out, key, bare(lock[key] as Record<string, string>))
  return out
}

/** Keys sorted, into a record without a prototype. */
function sorted<T>(record: Record<string, T>): Record<string, T> {
  const out = Object.create(null) as Record<string, T>
  for (const key of Object.keys(record).sort()) setOwn(out, key, record[key])
  return out
}

/**
 * The text of the lock with `revisions` (remote id → `_rev`) recorded for one dataset and the
 * `removed` ids taken out; keys sorted. Returns undefined when nothing changes.
 */
export function lockWith(
  lock: SanityLock,
  dataset: string,
  revisions: ReadonlyMap<string, string>,
  removed: readonly string[] = [],
): string | undefined {
  if (revisions.size === 0 && removed.length === 0) return undefined
  const entries = bare(
    Object.hasOwn(lock, dataset) ? (lock[dataset] as Record<string, string>) : {},
  )
  for (const [id, rev] of revisions) setOwn(entries, id, rev)
  for (const id of removed) delete entries[id]
  const next = bare(lock)
  setOwn(next, dataset, sorted(entries))
  return `${JSON.stringify(sorted(next), null, 2)}\n`
}

/**
 * readLock for publish and pull: a damaged lock becomes the `sanity/lock-damaged` diagnostic,
 * placed at the lock file, and `fail` makes it the stage's error (with the LockError as cause),
 * so the command reports it like any other problem. Other read errors pass through.
 */
export async function readLockFor(
  root: string,
  fail: (diagnostic: Diagnostic, options: ErrorOptions) => Error,
): Promise<SanityLock> {
  try {
    return await readLock(root)
  } catch (error) {
    if (!(error instanceof LockError)) throw error
    const file = displayPath(lockPath(root))
    throw fail(sanityDiagnostic('sanity/lock-damaged', error.message, { file }), { cause: error })
  }
}
