/**
 * Set an own, enumerable property. Plain assignment of `__proto__` would set the prototype
 * instead, and the key would vanish from the copy (and from its JSON text).
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  // Stryker disable next-line ConditionalExpression: for any other key, defineProperty makes the very property assignment makes; assignment is only faster
  if (key === '__proto__')
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    })
  else target[key] = value
}

/** How {@link copyJson} copies each object and array; every part is optional. */
export interface CopyPlan<S> {
  /**
   * The keys of `object` to copy, in the copy's order, each with the state its value is copied
   * in. Default: every own key, in order, in the same state.
   */
  keys?(object: Readonly<Record<string, unknown>>, state: S): Iterable<readonly [string, S]>
  /** The state the items of `array` are copied in. Default: the same state. */
  items?(array: readonly unknown[], state: S): S
  /** Fields added after the copied ones, as they are (not copied further). */
  extra?(object: Readonly<Record<string, unknown>>, state: S): Iterable<readonly [string, unknown]>
}

interface Frame<S> {
  from: object
  to: Record<string, unknown> | unknown[]
  state: S
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null
}

function empty(like: object): Record<string, unknown> | unknown[] {
  return Array.isArray(like) ? [] : {}
}

/**
 * A copy of a JSON value, made without recursion: a document nested 100,000 levels deep costs
 * heap, not stack. Each object's keys are chosen and ordered by `plan`, with a state passed down
 * (a schema position, a flag). `__proto__` keys are copied as the own properties they are.
 */
export function copyJson<S>(root: unknown, state: S, plan: CopyPlan<S> = {}): unknown {
  if (!isContainer(root)) return root
  const top = empty(root)
  const stack: Frame<S>[] = [{ from: root, to: top, state }]
  // A container's copy takes its place in its parent at once, and is filled when its frame is popped.
  const child = (value: unknown, childState: S): unknown => {
    if (!isContainer(value)) return value
    const copy = empty(value)
    stack.push({ from: value, to: copy, state: childState })
    return copy
  }
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    const { from, to, state: here } = frame
    if (Array.isArray(from)) {
      const itemState = plan.items ? plan.items(from, here) : here
      for (const item of from) (to as unknown[]).push(child(item, itemState))
      continue
    }
    const object = from as Record<string, unknown>
    const target = to as Record<string, unknown>
    const keys = plan.keys
      ? plan.keys(object, here)
      : Object.keys(object).map((key) => [key, here] as const)
    for (const [key, keyState] of keys) setOwn(target, key, child(object[key], keyState))
    if (plan.extra) for (const [key, value] of plan.extra(object, here)) setOwn(target, key, value)
  }
  return top
}
