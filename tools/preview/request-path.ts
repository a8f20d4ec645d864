import { join, posix, sep } from 'node:path'

/** A request path resolved to a file under the site root, or the reason it was refused. */
export type ResolvedPath =
  | { ok: true; file: string; trailingSlash: boolean }
  | { ok: false; status: 400; reason: string }

/**
 * Map a URL path (`/articles/x/`) to a path under `root`, refusing anything that could escape it:
 * `..` segments (also percent-encoded, `%2e%2e`), encoded slashes or backslashes, NUL bytes and
 * malformed escapes. Refusing beats normalising: a request with `..` in it is never legitimate
 * for a generated site, so it gets a 400 instead of a guess.
 */
export function resolveRequestPath(root: string, urlPath: string): ResolvedPath {
  const refuse = (reason: string): ResolvedPath => ({ ok: false, status: 400, reason })
  if (!urlPath.startsWith('/')) return refuse('the path must start with /')
  const segments: string[] = []
  // Stryker disable next-line MethodExpression: without the slice, the first segment is empty, and joining drops it
  for (const raw of urlPath.slice(1).split('/')) {
    let segment: string
    try {
      segment = decodeURIComponent(raw)
    } catch {
      return refuse('the path has a malformed %-escape')
    }
    if (segment.includes('\0')) return refuse('the path contains a NUL byte')
    if (segment.includes('/') || segment.includes('\\'))
      return refuse('the path contains an encoded slash or a backslash')
    if (segment === '..' || segment === '.') return refuse('the path contains a dot segment')
    segments.push(segment)
  }
  // Stryker disable MethodExpression: join ignores the empty segments that the slice and the filter drop
  const relative = posix.join('/', ...segments).slice(1)
  const file = join(root, ...relative.split('/').filter(Boolean))
  // Stryker restore MethodExpression
  // Belt and braces: after the checks above this cannot fail, but a server must never rely on one.
  // Stryker disable next-line all: unreachable by construction (see above), so no input can tell its mutants apart
  if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep))
    // Stryker disable next-line all: unreachable, as above
    return refuse('the path leaves the site root')
  return { ok: true, file, trailingSlash: urlPath.endsWith('/') }
}
