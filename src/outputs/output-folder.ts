import { cp, lstat, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { displayPath } from '../display-path.js'
import { packageRoot } from '../package-root.js'
import {
  digest,
  isSystemFile,
  type ManifestFiles,
  manifestText,
  OUTPUT_MANIFEST,
  readManifest,
  unaccounted,
} from './output-manifest.js'
import {
  type ProtectedFolder,
  packageFolders,
  protectedReason,
  realPath,
} from './protected-folders.js'
import { replaceDir } from './swap-dir.js'
import { type OutputFile, OutputPathError, type WriteStats, writeFiles } from './write-files.js'

/**
 * An output folder may not be written: it is a folder the package did not create, holds files it
 * did not write, or is (or holds) the package folder, `content/` or `schemas/`. Nothing was
 * changed; the message says why and what to do. Scripts exit 2 on it.
 */
export class OutputFolderError extends Error {
  override name = 'OutputFolderError'
  constructor(
    /** The folder as it was given. */
    readonly folder: string,
    /** Why it was refused: `it holds notes.txt, which this package did not write`. */
    readonly reason: string,
    advice: string,
  ) {
    super(`Refusing to write ${displayPath(folder)}: ${reason}. Nothing was changed. ${advice}`)
  }
}

/** Where an output may not go, besides this package's own folder, `content/` and `schemas/`. */
export interface OutputFolderOptions {
  /** More folders to keep out of: another package root that is built, the content that is read. */
  protect?: readonly ProtectedFolder[]
}

/** `a, b, c and 2 more`. */
function someOf(paths: readonly string[]): string {
  const shown = paths.slice(0, 3).join(', ')
  return paths.length > 3 ? `${shown} and ${paths.length - 3} more` : shown
}

/** A folder the package may write: its real path, and what the package wrote there before. */
interface Claim {
  real: string
  /** The manifest's list, or `null` when the folder is missing or empty. */
  previous: ManifestFiles | null
}

/** Check that `target` may be written, following the rule in the README ("Output folders"). */
async function claim(target: string, options: OutputFolderOptions): Promise<Claim> {
  const real = await realPath(target)
  const folders = [...packageFolders(packageRoot()), ...(options.protect ?? [])]
  const off = await protectedReason(real, folders)
  if (off !== null)
    throw new OutputFolderError(
      target,
      off,
      'Give the output a folder of its own, such as dist/site.',
    )
  const info = await lstat(real).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null
    throw error
  })
  if (info === null) return { real, previous: null }
  // realPath resolved every link that leads somewhere: a link left here leads nowhere.
  if (info.isSymbolicLink())
    throw new OutputFolderError(target, 'it is a symbolic link that leads nowhere', 'Remove it.')
  if (!info.isDirectory())
    throw new OutputFolderError(target, 'it is not a folder', 'Give a new or empty folder.')
  const manifest = await readManifest(real)
  if (manifest === null) {
    const names = (await readdir(real)).filter((name) => !isSystemFile(name)).sort()
    if (names.length === 0) return { real, previous: null }
    throw new OutputFolderError(
      target,
      `it is not empty (${someOf(names)}) and has no ${OUTPUT_MANIFEST}, so this package did not create it`,
      'Give a new or empty folder, or move what you want to keep out of it and delete it yourself.',
    )
  }
  const { added, changed } = await unaccounted(real, manifest)
  const advice = 'Move your files out of it, or delete the folder yourself, then run again.'
  if (added.length > 0)
    throw new OutputFolderError(
      target,
      `it holds ${someOf(added)}, which this package did not write`,
      advice,
    )
  if (changed.length > 0)
    throw new OutputFolderError(
      target,
      `${someOf(changed)} changed since this package wrote ${changed.length === 1 ? 'it' : 'them'}`,
      advice,
    )
  return { real, previous: manifest }
}

/** Write `files` into a new folder that replaces `real` whole, keeping the files `keep` lists. */
async function writeOutput(
  real: string,
  files: readonly OutputFile[],
  keep: ManifestFiles | null,
): Promise<WriteStats> {
  if (files.some((file) => file.path === OUTPUT_MANIFEST))
    throw new OutputPathError(`Refused to write ${OUTPUT_MANIFEST}: it is the folder's manifest.`)
  return replaceDir(real, async (tmp) => {
    const listed = new Map(keep ?? [])
    if (keep !== null) await cp(real, tmp, { recursive: true, verbatimSymlinks: true })
    const stats = await writeFiles(tmp, files)
    for (const file of files) listed.set(file.path, digest(file.content))
    await writeFile(join(tmp, OUTPUT_MANIFEST), manifestText(listed))
    return stats
  })
}

/**
 * Check, without writing anything, that `target` may be replaced by an output: it is missing,
 * empty, or an output folder of this package holding only what it wrote; and it is not, does not
 * hold, and (for `content/` and `schemas/`) is not inside a protected folder. Paths are compared
 * with every symbolic link resolved.
 *
 * @throws {OutputFolderError} when it may not; nothing was changed.
 */
export async function checkOutputFolder(
  target: string,
  options: OutputFolderOptions = {},
): Promise<void> {
  await claim(target, options)
}

/**
 * Replace the output folder `target` whole with `files`, after {@link checkOutputFolder}'s check:
 * the new folder is written beside it and renamed into place, with a manifest listing each file
 * and its SHA-256, by which the next run recognises the folder as its own.
 *
 * @throws {OutputFolderError} when `target` may not be replaced; nothing was changed.
 */
export async function replaceOutputFolder(
  target: string,
  files: Iterable<OutputFile>,
  options: OutputFolderOptions = {},
): Promise<WriteStats> {
  const { real } = await claim(target, options)
  return writeOutput(real, [...files], null)
}

/**
 * Add `files` to the output folder `target`, keeping what the package wrote there before (a file
 * of the same path is replaced). The folder is swapped in whole, as {@link replaceOutputFolder}
 * does, after the same check.
 *
 * @throws {OutputFolderError} when `target` may not be written; nothing was changed.
 */
export async function addToOutputFolder(
  target: string,
  files: Iterable<OutputFile>,
  options: OutputFolderOptions = {},
): Promise<WriteStats> {
  const { real, previous } = await claim(target, options)
  return writeOutput(real, [...files], previous)
}
