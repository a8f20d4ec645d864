import { isAbsolute, relative } from 'node:path'

/**
 * A path as the user would type it (as `validate` prints it): relative to `from` when it is below
 * it, else as given. The folder itself stays as given, since an empty path names nothing.
 */
export function displayPath(path: string, from: string = process.cwd()): string {
  const rel = relative(from, path)
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path
}
