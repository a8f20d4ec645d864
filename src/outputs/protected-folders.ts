import { realpath } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'

/** A folder no output may replace, nor any folder that holds it. */
export interface ProtectedFolder {
  path: string
  /** How a message names it: `the package folder`, `content/`. */
  name: string
  /**
   * Whether folders inside it are off limits too: true for `content/` and `schemas/`, false for
   * the package folder, whose `dist/` is where outputs belong.
   */
  inside: boolean
}

/** The package folder `root`, and its `content/` and `schemas/`. */
export function packageFolders(root: string): ProtectedFolder[] {
  return [
    { path: root, name: 'the package folder', inside: false },
    { path: join(root, 'content'), name: 'content/', inside: true },
    { path: join(root, 'schemas'), name: 'schemas/', inside: true },
  ]
}

/**
 * `path` with every symbolic link resolved, also when its last parts do not exist yet: the
 * nearest existing folder is resolved, and the rest appended. So a link, or a `..`, can never
 * lead an output somewhere a plain path could not.
 */
export async function realPath(path: string): Promise<string> {
  const rest: string[] = []
  let current = resolve(path)
  for (;;) {
    try {
      return join(await realpath(current), ...rest)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      const parent = dirname(current)
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || parent === current) throw error
      rest.unshift(basename(current))
      current = parent
    }
  }
}

/** Whether `path` is `folder` or lies inside it (both resolved). */
function within(path: string, folder: string): boolean {
  const rel = relative(folder, path)
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel))
}

/**
 * Why the real path `target` may not be an output folder, or `null` when nothing stands in the
 * way: it is a protected folder, holds one (`..`, `/`), or lies inside one that is off limits.
 */
export async function protectedReason(
  target: string,
  folders: readonly ProtectedFolder[],
): Promise<string | null> {
  for (const folder of folders) {
    const path = await realPath(folder.path)
    if (path === target) return `it is ${folder.name} (${folder.path})`
    if (within(path, target)) return `it holds ${folder.name} (${folder.path})`
    if (folder.inside && within(target, path)) return `it is inside ${folder.name} (${folder.path})`
  }
  return null
}
