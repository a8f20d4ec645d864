import { randomBytes } from 'node:crypto'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** A hidden temporary name beside `path`, so the rename into place stays on one file system. */
function temporaryBeside(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
}

/**
 * Write `text` to `path` atomically: a temporary file beside it, then one rename, so a reader
 * (or a crash) sees the old file or the new one, never half of one.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const temp = temporaryBeside(path)
  try {
    await writeFile(temp, text)
    await rename(temp, path)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}

/**
 * Write several files so that a failure part-way changes none of them: every new text goes to a
 * temporary file beside its target first, and only when all are on disk are they renamed into
 * place (a rename does not fail for want of space).
 */
export async function writeFilesAtomic(
  files: readonly { path: string; text: string }[],
): Promise<void> {
  const staged: { temp: string; path: string }[] = []
  try {
    for (const { path, text } of files) {
      await mkdir(dirname(path), { recursive: true })
      const temp = temporaryBeside(path)
      staged.push({ temp, path })
      await writeFile(temp, text)
    }
  } catch (error) {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })))
    throw error
  }
  for (const { temp, path } of staged) await rename(temp, path)
}
