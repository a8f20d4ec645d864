import { type Segment, toPointer } from '../../json/pointer.js'

/**
 * The deepest nesting a document may have. The model nests about 7 levels (article → body →
 * block → markDefs → annotation → reference → `_ref`); 64 leaves room to grow while keeping
 * every recursive consumer (momoa, renderers) far from the stack limit.
 */
export const MAX_DEPTH = 64

/**
 * Called for each object and array of a document. `path` is only given by `walkWithPaths`, and
 * is live: copy it to keep it.
 */
export interface Visitor {
  object?(value: Record<string, unknown>, path?: readonly Segment[]): void
  array?(value: readonly unknown[], path?: readonly Segment[]): void
}

/** What a walk learns about a parsed document besides what the visitor collects. */
export interface Shape {
  /** Object keys in the parsed value, for the duplicate-key check. */
  keys: number
  /** Nesting goes deeper than MAX_DEPTH (the walk did not go further). */
  tooDeep: boolean
  /** Pointers of `__proto__` keys (`walk` only counts them: it leaves one `""` per key). */
  protoKeys: string[]
}

/**
 * Visit every object and array of a parsed document once, without recursion and without
 * tracking paths: the fast pass every document gets. Order among siblings is not document order.
 */
export function walk(root: unknown, visitor: Visitor): Shape {
  const shape: Shape = { keys: 0, tooDeep: false, protoKeys: [] }
  if (typeof root !== 'object' || root === null) return shape
  const values: object[] = [root]
  const depths: number[] = [1]
  for (let value = values.pop(); value !== undefined; value = values.pop()) {
    const depth = depths.pop() as number
    if (depth > MAX_DEPTH) {
      shape.tooDeep = true
      break
    }
    if (Array.isArray(value)) {
      visitor.array?.(value)
      // Stryker disable next-line EqualityOperator: one step past the end reads `undefined`, which is no object and is skipped.
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i]
        if (typeof item === 'object' && item !== null) {
          values.push(item)
          depths.push(depth + 1)
        }
      }
      continue
    }
    const object = value as Record<string, unknown>
    visitor.object?.(object)
    for (const key in object) {
      shape.keys++
      if (key === '__proto__') shape.protoKeys.push('')
      const item = object[key]
      if (typeof item === 'object' && item !== null) {
        values.push(item)
        depths.push(depth + 1)
      }
    }
  }
  return shape
}

/**
 * Visit every object and array in document order, with the path to each: the pass that reports
 * problems with pointers, run only for a document that has some. Recursion stops at MAX_DEPTH,
 * so a document nested 100,000 deep costs 64 frames, not a RangeError.
 */
export function walkWithPaths(root: unknown, visitor: Visitor): Shape {
  const shape: Shape = { keys: 0, tooDeep: false, protoKeys: [] }
  const path: Segment[] = []

  const child = (value: unknown, segment: Segment, depth: number): void => {
    if (typeof value === 'object' && value !== null) {
      path.push(segment)
      visit(value, depth + 1)
      path.pop()
    }
  }

  const visit = (value: object, depth: number): void => {
    if (depth > MAX_DEPTH) {
      shape.tooDeep = true
      return
    }
    if (Array.isArray(value)) {
      visitor.array?.(value, path)
      // Stryker disable next-line EqualityOperator: one step past the end reads `undefined`, which `child` skips.
      for (let i = 0; i < value.length && !shape.tooDeep; i++) child(value[i], i, depth)
      return
    }
    const object = value as Record<string, unknown>
    visitor.object?.(object, path)
    for (const key in object) {
      shape.keys++
      if (key === '__proto__') shape.protoKeys.push(toPointer([...path, key]))
      child(object[key], key, depth)
      if (shape.tooDeep) return
    }
  }

  if (typeof root === 'object' && root !== null) visit(root, 1)
  return shape
}
