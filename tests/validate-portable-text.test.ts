/**
 * The Portable Text checks on their edges, in-process: repeated `_key`s in short and long arrays,
 * list levels across interruptions, marks and markDefs, and the words each quotation covers. Each
 * finding whole (rule, pointer, message).
 */
import { describe, expect, it } from 'vitest'
import { type Segment, toPointer } from '../src/json/pointer.js'
import type { Finding } from '../src/validator/checks/finding.js'
import { PortableTextChecker } from '../src/validator/checks/portable-text.js'
import { PIECE_BREAK, type Quotation } from '../src/validator/checks/quotes.js'
import { MAX_DEPTH, type Shape, walk, walkWithPaths } from '../src/validator/checks/walk.js'

// biome-ignore lint/suspicious/noExplicitAny: documents are built freely here.
type Json = Record<string, any>

const DECORATORS = new Set(['strong', 'em'])

/** Check `document` as the validator does: a fast pass, and a pass with paths when it failed. */
function check(document: Json): { failed: boolean; findings: Finding[]; quotations: Quotation[] } {
  const fast = new PortableTextChecker(DECORATORS, () => undefined)
  walk(document, {
    object: (o) => o._type === 'block' && fast.block(o),
    array: (a) => fast.array(a),
  })
  fast.finish()
  const findings: Finding[] = []
  const quotations: Quotation[] = []
  const located = new PortableTextChecker(DECORATORS, (q) => quotations.push(q), findings)
  walkWithPaths(document, {
    object: (o, path) => o._type === 'block' && located.block(o, path),
    array: (a, path) => located.array(a, path),
  })
  located.finish()
  return { failed: fast.failed, findings, quotations }
}

const span = (key: string, text: string, marks: unknown[] = []) => ({
  _type: 'span',
  _key: key,
  text,
  marks,
})
const block = (key: string, fields: Json = {}) => ({
  _type: 'block',
  _key: key,
  style: 'normal',
  children: [span(`${key}s`, 'Text.')],
  markDefs: [],
  ...fields,
})
const item = (key: string, level?: number) => ({
  ...block(key),
  listItem: 'bullet',
  ...(level === undefined ? {} : { level }),
})

describe('repeated _keys', () => {
  it('in a short array: each repetition, naming the first item that has the key', () => {
    const { failed, findings } = check({ body: [block('a'), block('b'), block('a'), block('a')] })
    expect(failed).toBe(true)
    expect(findings).toEqual([
      {
        rule: 'array/duplicate-key',
        message:
          '`_key` `a` is already used by item 0 of this array: give every item its own `_key` (Sanity and Portable Text renderers tell items apart by it).',
        pointer: '/body/2/_key',
      },
      {
        rule: 'array/duplicate-key',
        message:
          '`_key` `a` is already used by item 0 of this array: give every item its own `_key` (Sanity and Portable Text renderers tell items apart by it).',
        pointer: '/body/3/_key',
      },
    ])
  })

  it('in a long array (more than 16 items) the same', () => {
    const body = Array.from({ length: 20 }, (_, i) => block(`k${i}`))
    body[18] = block('k3')
    body[19] = block('k18')
    const { findings } = check({ body })
    expect(findings.map((f) => [f.pointer, f.message.slice(0, 40)])).toEqual([
      ['/body/18/_key', '`_key` `k3` is already used by item 3 of'],
    ])
  })

  it('at 16 items, the last one compared with the first', () => {
    const body = Array.from({ length: 16 }, (_, i) => block(`k${i}`))
    body[15] = block('k0')
    expect(check({ body }).findings.map((f) => f.pointer)).toEqual(['/body/15/_key'])
  })

  it('not among items without a string _key, nor in arrays of strings', () => {
    const { failed, findings } = check({
      body: [{ _type: 'block' }, { _type: 'block' }, { ...block('x'), _key: 7 }, block('y')],
      tags: ['a', 'a'],
    })
    expect(findings).toEqual([])
    expect(failed).toBe(false)
  })
})

describe('list levels', () => {
  const levels = (body: Json[]) => check({ body }).findings.map((f) => [f.pointer, f.message])

  it('start at 1 (the default), rise by one, and fall any amount', () => {
    expect(levels([item('a'), item('b', 2), item('c', 3), item('d', 1), item('e', 2)])).toEqual([])
  })

  it('a list that starts above 1, after a paragraph that ends the list before', () => {
    expect(levels([item('a'), block('p'), item('b', 2)])).toEqual([
      [
        '/body/2/level',
        'This list starts at level 2: the first item of a list must be at level 1. Set `level` to 1, or add the items above it.',
      ],
    ])
  })

  it('a jump of two levels, counted from the item before', () => {
    expect(levels([item('a'), item('b', 2), item('c', 4)])).toEqual([
      [
        '/body/2/level',
        'The list level jumps from 2 to 4: a level can rise by at most 1 from the item before. Set `level` to 3 or less.',
      ],
    ])
  })

  it('leaves a level that is not a whole number ≥ 1 to the schema, and goes on from the item before', () => {
    expect(levels([item('a'), item('b', 0), item('c', 1.5), item('d', 2)])).toEqual([])
  })

  it('checks an array whose first item is not a block', () => {
    expect(levels([{ _type: 'photoEmbed', _key: 'p' }, item('a', 2)])).toEqual([
      [
        '/body/1/level',
        'This list starts at level 2: the first item of a list must be at level 1. Set `level` to 1, or add the items above it.',
      ],
    ])
  })
})

describe('marks and markDefs', () => {
  it('a mark that is neither a decorator nor a markDef key; a markDef no span uses', () => {
    const body = [
      block('b', {
        children: [
          span('s1', 'One', ['strong', 'm1', 'nope']),
          span('s2', 'two', [7]),
          { _type: 'span', _key: 's3', text: 'three' },
          null,
        ],
        markDefs: [
          { _type: 'link', _key: 'm1', href: 'https://example.com/' },
          { _type: 'link', _key: 'm2', href: 'https://example.com/' },
          { _type: 'link', _key: 'm1', href: 'https://example.com/' },
          { _type: 'link' },
        ],
      }),
    ]
    expect(check({ body }).findings).toEqual([
      {
        rule: 'portable-text/unknown-mark',
        message:
          "Mark `nope` is neither a decorator (`strong` or `em`) nor the `_key` of a markDef of this block: fix the name, or add the markDef to this block's `markDefs`.",
        pointer: '/body/0/children/0/marks/2',
      },
      {
        rule: 'portable-text/unused-mark-def',
        message:
          'markDef `m2` (link) is not used by any span of this block: add `m2` to the `marks` of the words it annotates, or remove it.',
        pointer: '/body/0/markDefs/1',
      },
      {
        rule: 'array/duplicate-key',
        message:
          '`_key` `m1` is already used by item 0 of this array: give every item its own `_key` (Sanity and Portable Text renderers tell items apart by it).',
        pointer: '/body/0/markDefs/2/_key',
      },
    ])
  })

  it('a block without markDefs, or with children that are not an array', () => {
    const body = [
      { _type: 'block', _key: 'a', children: [span('s', 'x', ['em', 'gone'])] },
      { _type: 'block', _key: 'b', children: 'text' },
    ]
    expect(check({ body }).findings.map((f) => f.pointer)).toEqual(['/body/0/children/0/marks/1'])
  })
})

describe('quotations', () => {
  const quotation = (key: string, quote: unknown) => ({ _type: 'quotation', _key: key, quote })

  it('each run of adjacent spans is one place the quote appears, with its words joined', () => {
    const body = [
      block('b', {
        children: [
          span('s1', 'He said '),
          span('s2', 'we will ', ['q']),
          span('s3', 'engage', ['q', 'em']),
          span('s4', ' and later '),
          span('s5', 'engage again', ['q']),
        ],
        markDefs: [quotation('q', { _type: 'reference', _ref: 'quote-a' })],
      }),
    ]
    const { findings, quotations } = check({ body })
    expect(findings).toEqual([])
    expect(quotations).toEqual([
      { quote: 'quote-a', words: 'we will engage', pointer: '/body/0/markDefs/0' },
      { quote: 'quote-a', words: 'engage again', pointer: '/body/0/markDefs/0' },
    ])
  })

  it('skips spans without text, and quotations without a string _ref', () => {
    const body = [
      block('b', {
        children: [
          span('s1', 'one', ['q', 'r']),
          { _type: 'span', _key: 's2', marks: ['q'] },
          span('s3', 'two', ['q']),
        ],
        markDefs: [quotation('q', { _ref: 'quote-a' }), quotation('r', null)],
      }),
    ]
    expect(check({ body }).quotations).toEqual([
      { quote: 'quote-a', words: 'one', pointer: '/body/0/markDefs/0' },
      { quote: 'quote-a', words: 'two', pointer: '/body/0/markDefs/0' },
    ])
  })

  it('joins the quotations of one quote in consecutive blocks into pieces, at the first', () => {
    const quoted = (key: string, words: string, ref = 'quote-a') =>
      block(key, {
        children: [span(`${key}1`, '\u201C'), span(`${key}2`, words, [`${key}q`])],
        markDefs: [quotation(`${key}q`, { _ref: ref })],
      })
    const body = [
      quoted('a', 'One.'),
      quoted('b', 'Two,'),
      block('x'),
      quoted('c', 'Three.'),
      quoted('d', 'Other.', 'quote-b'),
      quoted('e', 'Four.'),
    ]
    const highlights = [quoted('h', 'Five.')]
    const { quotations } = check({ highlights, body })
    // Both walks give the same, whatever order they visit blocks in.
    const fast: Quotation[] = []
    const checker = new PortableTextChecker(DECORATORS, (q) => fast.push(q))
    walk({ highlights, body }, { object: (o) => checker.block(o), array: (a) => checker.array(a) })
    checker.finish()
    const sorted = (list: Quotation[]) => list.map((q) => q.words).sort()
    expect(sorted(fast)).toEqual(sorted(quotations))
    // (In no particular order: a quote's pieces go when the next block does not continue them.)
    const byPointer = quotations.sort((x, y) => String(x.pointer).localeCompare(String(y.pointer)))
    expect(byPointer).toEqual([
      { quote: 'quote-a', words: `One.${PIECE_BREAK}Two,`, pointer: '/body/0/markDefs/0' },
      { quote: 'quote-a', words: 'Three.', pointer: '/body/3/markDefs/0' },
      { quote: 'quote-b', words: 'Other.', pointer: '/body/4/markDefs/0' },
      { quote: 'quote-a', words: 'Four.', pointer: '/body/5/markDefs/0' },
      { quote: 'quote-a', words: 'Five.', pointer: '/highlights/0/markDefs/0' },
    ])
  })

  it('reads a block in the order of its spans, and a quote twice in one block as two', () => {
    const body = [
      block('a', {
        children: [span('a1', 'later', ['r']), span('a2', ' '), span('a3', 'first', ['q'])],
        markDefs: [quotation('q', { _ref: 'quote-a' }), quotation('r', { _ref: 'quote-a' })],
      }),
      block('b', {
        children: [span('b1', 'next', ['q']), span('b2', ' then '), span('b3', 'again', ['q'])],
        markDefs: [quotation('q', { _ref: 'quote-a' })],
      }),
    ]
    expect(check({ body }).quotations.map((q) => q.words)).toEqual([
      'later',
      `first${PIECE_BREAK}next`,
      'again',
    ])
  })

  it('keeps the piece break out of one annotation’s words', () => {
    const body = [
      block('a', {
        children: [span('a1', `one${PIECE_BREAK}two`, ['q'])],
        markDefs: [quotation('q', { _ref: 'quote-a' })],
      }),
    ]
    expect(check({ body }).quotations.map((q) => q.words)).toEqual(['one\ntwo'])
  })

  it('without findings to fill (the fast pass), quotations carry no pointer', () => {
    const quotations: Quotation[] = []
    const fast = new PortableTextChecker(DECORATORS, (q) => quotations.push(q))
    fast.block(
      block('b', {
        children: [span('s', 'words', ['q'])],
        markDefs: [quotation('q', { _ref: 'quote-a' })],
      }),
    )
    // Held until the walk is done.
    expect(quotations).toEqual([])
    fast.finish()
    expect(quotations).toEqual([{ quote: 'quote-a', words: 'words' }])
    expect(fast.failed).toBe(false)
  })
})

describe('the walks: what they visit, and the shape of the document', () => {
  const WALKS = { walk, walkWithPaths }
  type WalkName = keyof typeof WALKS

  /** Walk `root`, noting each object and array met (with its pointer, when the walk gives paths). */
  function record(name: WalkName, root: unknown): { shape: Shape; seen: string[] } {
    const seen: string[] = []
    const at = (path?: readonly Segment[]) => (path ? ` ${toPointer(path)}` : '')
    const shape = WALKS[name](root, {
      object: (_, path) => seen.push(`object${at(path)}`),
      array: (_, path) => seen.push(`array${at(path)}`),
    })
    return { shape, seen }
  }

  /** `levels` objects, each the only field of the one above: `{ a: { a: {} } }` for 3. */
  const nestedObjects = (levels: number): Json =>
    levels === 1 ? {} : { a: nestedObjects(levels - 1) }
  /** `levels` arrays, each the only item of the one above: `[[[]]]` for 3. */
  const nestedArrays = (levels: number): unknown[] =>
    levels === 1 ? [] : [nestedArrays(levels - 1)]

  it.each(['walk', 'walkWithPaths'] as const)(
    '%s visits nothing in a value that is neither object nor array',
    (name) => {
      for (const root of ['text', 7, null, undefined]) {
        expect(record(name, root)).toEqual({
          shape: { keys: 0, tooDeep: false, protoKeys: [] },
          seen: [],
        })
      }
    },
  )

  const MIXED = { a: [1, 'x', null, { b: null }], c: { d: [] }, e: 'y' }

  it('walk visits each object and array once, never a string, number or null', () => {
    const { shape, seen } = record('walk', MIXED)
    expect(shape).toEqual({ keys: 5, tooDeep: false, protoKeys: [] })
    expect(seen.sort()).toEqual(['array', 'array', 'object', 'object', 'object'])
  })

  it('walkWithPaths visits them in document order, with their pointers', () => {
    const { shape, seen } = record('walkWithPaths', MIXED)
    expect(shape).toEqual({ keys: 5, tooDeep: false, protoKeys: [] })
    expect(seen).toEqual(['object ', 'array /a', 'object /a/3', 'object /c', 'array /c/d'])
  })

  it.each(['walk', 'walkWithPaths'] as const)('%s takes a visitor without methods', (name) => {
    expect(WALKS[name](MIXED, {})).toEqual({ keys: 5, tooDeep: false, protoKeys: [] })
  })

  it('__proto__ keys: walk counts them, walkWithPaths gives their pointers', () => {
    const root = JSON.parse('{"__proto__": {"x": 1}, "a": [{"__proto__": 2}]}') as unknown
    expect(walk(root, {})).toEqual({ keys: 4, tooDeep: false, protoKeys: ['', ''] })
    expect(walkWithPaths(root, {})).toEqual({
      keys: 4,
      tooDeep: false,
      protoKeys: ['/__proto__', '/a/0/__proto__'],
    })
  })

  it.each(['walk', 'walkWithPaths'] as const)(
    '%s: MAX_DEPTH levels of arrays or objects are fine, one more is too deep',
    (name) => {
      expect(WALKS[name](nestedArrays(MAX_DEPTH), {}).tooDeep).toBe(false)
      expect(WALKS[name](nestedArrays(MAX_DEPTH + 1), {}).tooDeep).toBe(true)
      expect(WALKS[name](nestedObjects(MAX_DEPTH), {})).toEqual({
        keys: MAX_DEPTH - 1,
        tooDeep: false,
        protoKeys: [],
      })
      expect(WALKS[name](nestedObjects(MAX_DEPTH + 1), {}).tooDeep).toBe(true)
    },
  )

  it('walkWithPaths stops at the first value too deep, and visits nothing after it', () => {
    // The root holds `deep` at level 2, so its innermost object is at level MAX_DEPTH + 1.
    const { shape, seen } = record('walkWithPaths', { deep: nestedObjects(MAX_DEPTH), after: {} })
    // `deep`, and the `a` of each object from level 2 to MAX_DEPTH.
    expect(shape).toEqual({ keys: MAX_DEPTH, tooDeep: true, protoKeys: [] })
    expect(seen).toHaveLength(MAX_DEPTH)
    expect(seen.at(-1)).toBe(`object /deep${'/a'.repeat(MAX_DEPTH - 2)}`)
  })
})
