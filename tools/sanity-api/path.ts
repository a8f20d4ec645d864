import { invalidRequest } from './errors.js'

/** One step of a patch path: a field name, an array index, or an array item by `_key`. */
export type Segment = string | number | { _key: string }

const SEGMENT =
  /^(?:\.?([A-Za-z_][A-Za-z0-9_-]*)|\[(-?\d+)\]|\[\s*_key\s*==\s*(?:"([^"]*)"|'([^']*)')\s*\])/

/**
 * Parse the path syntax patches use: `title`, `body[0].children`, `body[_key=="a1"]`, `tags[-1]`.
 * Anything else (wildcards, ranges, filters) is refused rather than guessed at.
 */
export function parsePath(path: string): Segment[] {
  const segments: Segment[] = []
  let rest = path.trim()
  while (rest.length > 0) {
    const match = SEGMENT.exec(rest)
    if (!match || (segments.length === 0 && match[0].startsWith('.'))) {
      throw invalidRequest(`Unsupported patch path "${path}" near "${rest}"`)
    }
    const [whole, name, index, keyDouble, keySingle] = match
    if (name !== undefined) segments.push(name)
    else if (index !== undefined) segments.push(Number(index))
    else segments.push({ _key: (keyDouble ?? keySingle) as string })
    rest = rest.slice(whole.length)
  }
  if (segments.length === 0) throw invalidRequest(`Empty patch path`)
  return segments
}

type Container = Record<string, unknown> | unknown[]

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The array index a segment names in `array`, or -1. */
function indexIn(array: unknown[], segment: Segment): number {
  if (typeof segment === 'number') return segment < 0 ? array.length + segment : segment
  if (typeof segment === 'string') return -1
  return array.findIndex((item) => isObject(item) && item._key === segment._key)
}

function child(container: unknown, segment: Segment): unknown {
  if (Array.isArray(container)) return container[indexIn(container, segment)]
  if (isObject(container) && typeof segment === 'string') return container[segment]
  return undefined
}

/** The value at `segments`, or undefined. */
export function getAt(root: unknown, segments: Segment[]): unknown {
  return segments.reduce<unknown>((value, segment) => child(value, segment), root)
}

/**
 * The container that holds the last segment, creating missing objects on the way (as Sanity's
 * `set` does for field paths). Returns undefined when the path runs through a non-container.
 */
function parentOf(root: Container, segments: Segment[], create: boolean): Container | undefined {
  let current: unknown = root
  for (const segment of segments.slice(0, -1)) {
    let next = child(current, segment)
    if (next === undefined && create && isObject(current) && typeof segment === 'string') {
      next = {}
      current[segment] = next
    }
    if (!isObject(next) && !Array.isArray(next)) return undefined
    current = next
  }
  return current as Container
}

/** Set the value at `segments` (mutates `root`); an array item that does not exist is left alone. */
export function setAt(root: Container, segments: Segment[], value: unknown): void {
  const parent = parentOf(root, segments, true)
  const last = segments[segments.length - 1] as Segment
  if (Array.isArray(parent)) {
    const index = indexIn(parent, last)
    if (index >= 0 && index < parent.length) parent[index] = value
  } else if (parent && typeof last === 'string') parent[last] = value
}

/** Remove the value at `segments` (mutates `root`). */
export function unsetAt(root: Container, segments: Segment[]): void {
  const parent = parentOf(root, segments, false)
  const last = segments[segments.length - 1] as Segment
  if (Array.isArray(parent)) {
    const index = indexIn(parent, last)
    if (index >= 0 && index < parent.length) parent.splice(index, 1)
  } else if (parent && typeof last === 'string') delete parent[last]
}

/** Insert `items` before or after the array item at `segments`, or in place of it. */
export function insertAt(
  root: Container,
  segments: Segment[],
  position: 'before' | 'after' | 'replace',
  items: unknown[],
): void {
  const array = parentOf(root, segments, false)
  const last = segments[segments.length - 1] as Segment
  if (!Array.isArray(array)) {
    throw invalidRequest(`insert needs a path to an array item, got one to a non-array`)
  }
  let index = indexIn(array, last)
  // Sanity allows `tags[-1]` after the last item, and `[0]` in an empty array.
  if (index < 0 || index >= array.length) index = position === 'before' ? 0 : array.length - 1
  if (position === 'replace') array.splice(index, 1, ...items)
  else array.splice(position === 'before' ? Math.max(index, 0) : index + 1, 0, ...items)
}
