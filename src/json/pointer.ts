/** One step of a path into a JSON value: an object key or an array index. */
export type Segment = string | number

/** The JSON Pointer (RFC 6901) for a path: `/body/3/children/0`; `""` for the whole value. */
export function toPointer(path: readonly Segment[]): string {
  let pointer = ''
  for (const segment of path) pointer += `/${escapeSegment(segment)}`
  return pointer
}

/** The pointer `path` below `base`: `pointerTo('/body/3', 'children', 0)` is `/body/3/children/0`. */
export function pointerTo(base: string, ...path: Segment[]): string {
  return base + toPointer(path)
}

/** The pointer one step below `pointer`. */
export function childPointer(pointer: string, segment: Segment): string {
  return `${pointer}/${escapeSegment(segment)}`
}

function escapeSegment(segment: Segment): string {
  return typeof segment === 'number'
    ? String(segment)
    : segment.replace(/~/g, '~0').replace(/\//g, '~1')
}

/** The unescaped segments of a pointer; array indexes stay strings. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return []
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
}

/** The last segment of a pointer (the field name or index), or `""` for the whole document. */
export function lastSegment(pointer: string): string {
  return pointerSegments(pointer).at(-1) ?? ''
}

/** The pointer of the value holding `pointer`. */
export function parentPointer(pointer: string): string {
  return pointer.slice(0, Math.max(0, pointer.lastIndexOf('/')))
}

/**
 * The value at `pointer` inside `root`, or `undefined`. Only own properties count, so a pointer
 * naming `__proto__` or `constructor` never reaches Object.prototype.
 */
export function valueAt(root: unknown, pointer: string): unknown {
  let value = root
  for (const segment of pointerSegments(pointer)) {
    if (value === null || typeof value !== 'object') return undefined
    if (!Object.hasOwn(value, segment)) return undefined
    value = (value as Record<string, unknown>)[segment]
  }
  return value
}
