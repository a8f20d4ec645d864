import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { copyJson, setOwn } from '../src/json/copy.js'
import { nestsDeeperThan, stringifyJson } from '../src/json/stringify.js'
import { PACKAGE_ROOT } from './build-helpers.js'

/** Every content and schema file of the package, parsed. */
const documents = ['content', 'schemas'].flatMap((folder) =>
  readdirSync(join(PACKAGE_ROOT, folder), { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(join(PACKAGE_ROOT, folder, name), 'utf8')) as unknown),
)

const awkward: unknown[] = [
  null,
  true,
  0,
  -0,
  1e21,
  1.5e-7,
  'é "quoted" \\ \u2028 \u0000',
  [],
  {},
  [[], {}, [{}]],
  { a: undefined, b: [undefined, Number.NaN, Number.POSITIVE_INFINITY], c: () => 1 },
  { a: null, b: [null, { c: null }] },
  JSON.parse('{"__proto__": {"x": 1}, "constructor": [1]}'),
]

/** `value` inside `depth` arrays: deep enough for stringifyJson to take its loop. */
function wrapped(value: unknown, depth = 300): unknown {
  let result = value
  for (let i = 0; i < depth; i++) result = [result]
  return result
}

describe('stringifyJson', () => {
  it.each(['', '  '])(
    'gives the text JSON.stringify gives (indent %j), on either path',
    (indent) => {
      for (const value of [...documents, ...awkward]) {
        expect(stringifyJson(value, indent)).toBe(JSON.stringify(value, null, indent))
        expect(stringifyJson(wrapped(value), indent)).toBe(
          JSON.stringify(wrapped(value), null, indent),
        )
      }
    },
  )

  it('writes values nested far deeper than the stack', () => {
    const text = stringifyJson(wrapped(1, 200_000))
    expect(text.length).toBe(400_001)
    expect(text.startsWith('[[[')).toBe(true)
  })

  it('nestsDeeperThan counts objects and arrays, not scalars', () => {
    expect(nestsDeeperThan({ a: [1] }, 2)).toBe(false)
    expect(nestsDeeperThan({ a: [[1]] }, 2)).toBe(true)
    expect(nestsDeeperThan('text', 0)).toBe(false)
    // A child that is no container is passed over, even `undefined` after a deep sibling.
    expect(nestsDeeperThan([[[1]], undefined], 1)).toBe(true)
    expect(nestsDeeperThan({ a: [[1]], b: undefined }, 1)).toBe(true)
    expect(nestsDeeperThan([[null, 1, 'x']], 2)).toBe(false)
  })
})

describe('copyJson', () => {
  it('copies every value equal, and shares no object or array with the original', () => {
    for (const value of documents) {
      const copy = copyJson(value, null)
      expect(copy).toEqual(value)
      expect(stringifyJson(copy)).toBe(JSON.stringify(value))
      if (typeof value === 'object' && value !== null) expect(copy).not.toBe(value)
    }
  })

  it('orders and picks keys, passes state down, and adds fields', () => {
    const copy = copyJson({ b: { y: 1, x: 2 }, a: [{ z: 1 }] }, 0, {
      keys: (object, depth) =>
        Object.keys(object)
          .sort()
          .filter((key) => key !== 'y')
          .map((key) => [key, depth + 1] as const),
      items: (_array, depth) => depth + 10,
      extra: (_object, depth) => [['depth', depth]],
    })
    expect(JSON.stringify(copy)).toBe('{"a":[{"z":1,"depth":11}],"b":{"x":2,"depth":1},"depth":0}')
  })

  it('keeps __proto__ keys as own keys, and sets no prototype', () => {
    const copy = copyJson(JSON.parse('{"__proto__": {"polluted": true}}'), null) as object
    expect(Object.hasOwn(copy, '__proto__')).toBe(true)
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype)
    expect((copy as { polluted?: unknown }).polluted).toBeUndefined()
  })
})

describe('copyJson and setOwn, exactly', () => {
  it('a __proto__ key becomes a data property like any other key: writable, enumerable, configurable', () => {
    const copy = copyJson(JSON.parse('{"__proto__": 1, "a": 2}'), null) as object
    expect(Object.getOwnPropertyDescriptor(copy, '__proto__')).toEqual({
      value: 1,
      writable: true,
      enumerable: true,
      configurable: true,
    })
    expect(Object.getOwnPropertyDescriptor(copy, 'a')).toEqual({
      value: 2,
      writable: true,
      enumerable: true,
      configurable: true,
    })
    const target: Record<string, unknown> = {}
    setOwn(target, '__proto__', 'x')
    setOwn(target, 'b', 'y')
    expect(Object.entries(target)).toEqual([
      ['__proto__', 'x'],
      ['b', 'y'],
    ])
    expect(Object.getPrototypeOf(target)).toBe(Object.prototype)
  })

  it('returns a scalar as it is, and copies arrays as arrays', () => {
    for (const scalar of [null, 0, 'x', true, undefined])
      expect(copyJson(scalar, null)).toBe(scalar)
    const copy = copyJson([1, [2, { a: [3] }]], null)
    expect(copy).toStrictEqual([1, [2, { a: [3] }]])
    expect(Array.isArray((copy as unknown[])[1])).toBe(true)
  })

  it('passes the state to items unchanged without `items`, and to keys unchanged without `keys`', () => {
    const seen: unknown[] = []
    copyJson({ a: [{ b: 1 }] }, 'S', {
      extra: (object, state) => {
        seen.push([Object.keys(object), state])
        return []
      },
    })
    expect(seen).toEqual([
      [['a'], 'S'],
      [['b'], 'S'],
    ])
  })
})
