/** A container still to be written, at its nesting depth. */
class Open {
  constructor(
    readonly value: object,
    readonly depth: number,
  ) {}
}

/** The text of a value that is not an object or array, or undefined when JSON leaves it out. */
function scalar(value: unknown): string | undefined {
  if (value === null) return 'null'
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null'
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value)
  return undefined
}

/**
 * Nesting up to which V8's JSON.stringify is used: far below where its recursion could reach the
 * stack limit, and above any document the validator accepts (MAX_DEPTH), so valid content always
 * takes the fast native path.
 */
const NATIVE_DEPTH = 256

/** Whether objects and arrays in `value` nest deeper than `limit`; stops as soon as they do. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const values: unknown[] = [value]
  const depths: number[] = [0]
  for (let item = values.pop(); item !== undefined; item = values.pop()) {
    const depth = depths.pop() as number
    if (!isObject(item)) continue
    if (depth >= limit) return true
    for (const child of Array.isArray(item) ? item : Object.values(item)) {
      // Only containers: an `undefined` child pushed would end the loop early.
      if (isObject(child)) {
        values.push(child)
        depths.push(depth + 1)
      }
    }
  }
  return false
}

/**
 * The text `JSON.stringify(value, null, indent)` gives for a JSON value (as `JSON.parse` returns
 * one), never recursing as deep as the value: V8's stringify recurses, and overflows the stack on
 * a value nested some thousands of levels deep, so such a value is written by a loop instead.
 */
export function stringifyJson(value: unknown, indent = ''): string {
  // Stryker disable next-line ConditionalExpression: the loop writes the same text for any value; the native path is only faster
  if (!nestsDeeperThan(value, NATIVE_DEPTH)) return JSON.stringify(value, null, indent)
  // Only an object or array nests at all.
  return stringifyDeep(value as object, indent)
}

/** {@link stringifyJson} with a loop and an explicit stack: about four times slower than V8's. */
function stringifyDeep(value: object, indent: string): string {
  const newline = indent === '' ? '' : '\n'
  const colon = indent === '' ? ':' : ': '
  let out = ''
  const work: (string | Open)[] = []
  const push = (item: unknown, depth: number): boolean => {
    if (isObject(item)) {
      work.push(new Open(item, depth))
      return true
    }
    const text = scalar(item)
    if (text !== undefined) work.push(text)
    return text !== undefined
  }
  push(value, 0)
  for (let item = work.pop(); item !== undefined; item = work.pop()) {
    if (typeof item === 'string') {
      out += item
      continue
    }
    const { value: container, depth } = item
    const inner = newline + indent.repeat(depth + 1)
    // Pushed last to first, so that they pop in order.
    if (Array.isArray(container)) {
      if (container.length === 0) {
        out += '[]'
        continue
      }
      out += '['
      work.push(`${newline}${indent.repeat(depth)}]`)
      for (let i = container.length - 1; i >= 0; i--) {
        if (!push(container[i], depth + 1)) work.push('null')
        work.push(i > 0 ? `,${inner}` : inner)
      }
      continue
    }
    const object = container as Record<string, unknown>
    const keys = Object.keys(object).filter(
      (key) => scalar(object[key]) !== undefined || isObject(object[key]),
    )
    if (keys.length === 0) {
      out += '{}'
      continue
    }
    out += '{'
    work.push(`${newline}${indent.repeat(depth)}}`)
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string
      push(object[key], depth + 1)
      work.push(`${i > 0 ? ',' : ''}${inner}${JSON.stringify(key)}${colon}`)
    }
  }
  return out
}

/** An object or array: what nests. */
function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null
}
