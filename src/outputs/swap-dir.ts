import { randomBytes } from 'node:crypto'
import { mkdir, readdir, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** The hidden sibling names a swap of `target` uses, so leftovers can be recognised and removed. */
function siblingPattern(target: string): RegExp {
  const name = basename(target).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`^\\.${name}\\.(?:tmp|old)-(\\d+)-[0-9a-f]+$`)
}

function siblingPath(target: string, kind: 'tmp' | 'old'): string {
  const id = `${process.pid}-${randomBytes(4).toString('hex')}`
  return join(dirname(target), `.${basename(target)}.${kind}-${id}`)
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Remove temporary siblings of `target` left by a build that was killed mid-way.
 * Folders of a process that is still running are left alone: it may be building right now.
 */
export async function removeLeftovers(target: string): Promise<string[]> {
  const pattern = siblingPattern(target)
  const names = await readdir(dirname(target)).catch(() => [] as string[])
  const removed: string[] = []
  for (const name of names) {
    const pid = pattern.exec(name)?.[1]
    if (pid === undefined || isAlive(Number(pid))) continue
    await rm(join(dirname(target), name), { recursive: true, force: true })
    removed.push(name)
  }
  return removed
}

/**
 * Replace the folder `target` with a new one that `fill` writes.
 *
 * `fill` writes into a hidden temporary folder beside `target` (same file system, so renames are
 * cheap and atomic). Only when it has finished is the old folder renamed aside and the new one
 * renamed into place, then the old one deleted. If `fill` throws, `target` is left exactly as it
 * was and the temporary folder is removed. Nothing else in the parent folder is touched.
 */
export async function replaceDir<T>(target: string, fill: (dir: string) => Promise<T>): Promise<T> {
  await mkdir(dirname(target), { recursive: true })
  await removeLeftovers(target)
  const tmp = siblingPath(target, 'tmp')
  await mkdir(tmp)
  let result: T
  try {
    result = await fill(tmp)
  } catch (error) {
    await rm(tmp, { recursive: true, force: true })
    throw error
  }
  const old = siblingPath(target, 'old')
  let hadOld = false
  try {
    hadOld = await moveAside(target, old)
    await rename(tmp, target)
  } catch (error) {
    // Put the old folder back so a failed swap still leaves the last good output.
    if (hadOld) await rename(old, target).catch(() => undefined)
    await rm(tmp, { recursive: true, force: true })
    throw error
  }
  if (hadOld) await rm(old, { recursive: true, force: true })
  return result
}

/** Rename `from` to `to`; false when there was nothing to move (first build). */
async function moveAside(from: string, to: string): Promise<boolean> {
  try {
    await rename(from, to)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw error
  }
}
