// KeyOrder, on schemas made for the test: every way a schema can say where a key goes.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { KeyOrder } from '../src/sanity/key-order.js'

/** A schema folder holding `files` (name → schema). */
function schemaDir(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'key-order-'))
  for (const [name, schema] of Object.entries(files))
    writeFileSync(join(dir, name), JSON.stringify(schema))
  return dir
}

/** The keys of a value's objects, at every depth, as nested arrays: what the order is. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape)
  if (typeof value !== 'object' || value === null) return value
  return Object.entries(value).map(([key, inner]) =>
    typeof inner === 'object' && inner !== null ? [key, shape(inner)] : key,
  )
}

/** A chain of `hops` `$ref`s, from `$defs/c0` on, ending at an object listing z before a. */
function refChain(hops: number): Record<string, unknown> {
  const defs: Record<string, unknown> = {}
  for (let i = 0; i < hops - 1; i++) defs[`c${i}`] = { $ref: `#/$defs/c${i + 1}` }
  defs[`c${hops - 1}`] = { properties: { z: {}, a: {} } }
  return defs
}

const quote = {
  properties: {
    _id: {},
    _type: { const: 'quote' },
    text: {},
    local: { $ref: '#/$defs/pair' },
    other: { $ref: 'common.schema.json#/$defs/pair' },
    url: { $ref: 'https://example.com/schemas/common.schema.json#/$defs/pair' },
    escaped: { $ref: '#/$defs/a~1b~0c' },
    whole: { $ref: 'common.schema.json' },
    missing: { $ref: 'common.schema.json#/$defs/none' },
    missingFile: { $ref: 'nowhere.schema.json#/$defs/pair' },
    through: { $ref: '#/$defs/hop' },
    loop: { $ref: '#/$defs/loop' },
    list: { items: { $ref: '#/$defs/pair' } },
    anyList: { items: true },
    choice: {
      oneOf: [
        true,
        { properties: { _type: { const: 'first' }, z: {}, a: {} } },
        { $ref: '#/$defs/second' },
        { properties: { _type: {}, m: {}, b: {} } },
      ],
    },
    strict: { anyOf: [{ properties: { _type: { const: 'only' }, z: {}, a: {} } }] },
    scalar: true,
    chain32: { $ref: '#/$defs/c0' },
    chain33: { $ref: '#/$defs/d0' },
    cycle: { $ref: '#/$defs/cycle' },
  },
  $defs: {
    pair: { properties: { z: {}, a: {} } },
    'a/b~c': { properties: { y: {}, b: {} } },
    hop: { $ref: '#/$defs/pair' },
    loop: { $ref: '#/$defs/loop' },
    cycle: { oneOf: [{ $ref: '#/$defs/cycle' }] },
    second: { properties: { _type: { const: 'second' }, y: {}, b: {} } },
    ...refChain(32),
    ...Object.fromEntries(
      Object.entries(refChain(33)).map(([key, value]) => [
        key.replace('c', 'd'),
        JSON.parse(JSON.stringify(value).replaceAll('/c', '/d')),
      ]),
    ),
  },
}
const common = {
  properties: { z: {}, a: {} },
  $defs: { pair: { properties: { y: {}, b: {} } } },
}

const order = new KeyOrder(schemaDir({ 'quote.schema.json': quote, 'common.schema.json': common }))
const za = { a: 1, z: 1, extra: 1, b: 1 }

describe('KeyOrder', () => {
  it('lists the schema properties in order, then the others sorted; absent properties are not added', () => {
    const ordered = order.apply({ zz: 1, text: 't', aa: 1, _type: 'quote' })
    expect(Object.keys(ordered)).toEqual(['_type', 'text', 'aa', 'zz'])
    expect(ordered).toStrictEqual({ _type: 'quote', text: 't', aa: 1, zz: 1 })
  })

  it('follows $ref within the file, to another file (by its name or URL), with ~0 and ~1 escapes, and through a chain', () => {
    const ordered = order.apply({
      _type: 'quote',
      through: za,
      escaped: za,
      url: za,
      other: za,
      local: za,
      whole: za,
    })
    expect(shape(ordered)).toEqual([
      '_type',
      ['local', ['z', 'a', 'b', 'extra']],
      ['other', ['b', 'a', 'extra', 'z']],
      ['url', ['b', 'a', 'extra', 'z']],
      ['escaped', ['b', 'a', 'extra', 'z']],
      ['whole', ['z', 'a', 'b', 'extra']],
      ['through', ['z', 'a', 'b', 'extra']],
    ])
  })

  it('sorts the keys where a loop runs through $ref and oneOf alike', () => {
    const ordered = order.apply({ _type: 'quote', cycle: za })
    expect(shape(ordered)).toEqual(['_type', ['cycle', ['a', 'b', 'extra', 'z']]])
  })

  it('sorts the keys of a document whose _type is no string, even one that names a schema as text', () => {
    expect(Object.keys(order.apply({ text: 't', aa: 1, _type: ['quote'] }))).toEqual([
      '_type',
      'aa',
      'text',
    ])
    expect(Object.keys(order.apply({ text: 't', aa: 1, _type: 'quote' }))).toEqual([
      '_type',
      'text',
      'aa',
    ])
  })

  it('sorts the keys where a $ref leads nowhere or in a loop', () => {
    const ordered = order.apply({ _type: 'quote', loop: za, missingFile: za, missing: za })
    expect(shape(ordered)).toEqual([
      '_type',
      ['missing', ['a', 'b', 'extra', 'z']],
      ['missingFile', ['a', 'b', 'extra', 'z']],
      ['loop', ['a', 'b', 'extra', 'z']],
    ])
  })

  it('follows 32 $refs in a row, and gives up at 33', () => {
    const ordered = order.apply({ _type: 'quote', chain33: za, chain32: za })
    expect(shape(ordered)).toEqual([
      '_type',
      ['chain32', ['z', 'a', 'b', 'extra']],
      ['chain33', ['a', 'b', 'extra', 'z']],
    ])
  })

  it('orders array items by `items`; items without an object schema get sorted keys', () => {
    const ordered = order.apply({ _type: 'quote', anyList: [za], list: [za, [za], 3] })
    expect(shape(ordered)).toEqual([
      '_type',
      ['list', [['z', 'a', 'b', 'extra'], [['a', 'b', 'extra', 'z']], 3]],
      ['anyList', [['a', 'b', 'extra', 'z']]],
    ])
  })

  it('picks the oneOf/anyOf branch whose _type const matches, or the first without one', () => {
    const ordered = order.apply({
      _type: 'quote',
      choice: [
        { ...za, _type: 'first' },
        { ...za, _type: 'second' },
        { ...za, _type: 'third', m: 1 },
      ],
    })
    // `choice` is one value, not an array: an array matches no branch and is sorted.
    expect(shape(ordered)).toEqual([
      '_type',
      [
        'choice',
        [
          ['_type', 'a', 'b', 'extra', 'z'],
          ['_type', 'a', 'b', 'extra', 'z'],
          ['_type', 'a', 'b', 'extra', 'm', 'z'],
        ],
      ],
    ])
    const one = (value: object) => shape(order.apply({ _type: 'quote', choice: value }))
    expect(one({ ...za, _type: 'first' })).toEqual([
      '_type',
      ['choice', ['_type', 'z', 'a', 'b', 'extra']],
    ])
    expect(one({ ...za, _type: 'second' })).toEqual([
      '_type',
      ['choice', ['_type', 'b', 'a', 'extra', 'z']],
    ])
    expect(one({ ...za, _type: 'other', m: 1 })).toEqual([
      '_type',
      ['choice', ['_type', 'm', 'b', 'a', 'extra', 'z']],
    ])
    // No branch matches: sorted.
    expect(shape(order.apply({ _type: 'quote', strict: { ...za, _type: 'x' } }))).toEqual([
      '_type',
      ['strict', ['_type', 'a', 'b', 'extra', 'z']],
    ])
    expect(shape(order.apply({ _type: 'quote', strict: { ...za, _type: 'only' } }))).toEqual([
      '_type',
      ['strict', ['_type', 'z', 'a', 'b', 'extra']],
    ])
  })

  it('sorts what a property without an object schema holds', () => {
    expect(shape(order.apply({ _type: 'quote', scalar: za }))).toEqual([
      '_type',
      ['scalar', ['a', 'b', 'extra', 'z']],
    ])
  })

  it('sorts the keys of documents of other types, or of a type whose schema file is not there', () => {
    for (const type of ['person', 'unknown', 'toString', 42]) {
      expect(Object.keys(order.apply({ z: 1, _type: type, a: 1 })), String(type)).toEqual([
        '_type',
        'a',
        'z',
      ])
    }
    expect(shape(order.apply([{ z: 1, a: 1 }]))).toEqual([['a', 'z']])
    expect(order.apply('text')).toBe('text')
    expect(order.apply(null)).toBeNull()
  })

  it('copies: the input keeps its order', () => {
    const input = { text: 't', _type: 'quote', local: { a: 1, z: 1 } }
    const ordered = order.apply(input)
    expect(ordered).not.toBe(input)
    expect(ordered.local).not.toBe(input.local)
    expect(Object.keys(input)).toEqual(['text', '_type', 'local'])
  })
})
