/**
 * The Portable Text checks on their edges, in-process: repeated `_key`s in short and long arrays,
 * list levels across interruptions, marks and markDefs, and the words each quotation covers. Each
 * finding whole (rule, pointer, message).
 */
import { describe, expect, it } from 'vitest'
import type { Finding } from '../src/check/finding.js'
import { PortableTextChecker } from '../src/check/portable-text.js'
import type { Quotation } from '../src/check/quotes.js'
import { walk, walkWithPaths } from '../src/check/walk.js'

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
  const findings: Finding[] = []
  const quotations: Quotation[] = []
  const located = new PortableTextChecker(DECORATORS, (q) => quotations.push(q), findings)
  walkWithPaths(document, {
    object: (o, path) => o._type === 'block' && located.block(o, path),
    array: (a, path) => located.array(a, path),
  })
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

  it('without findings to fill (the fast pass), quotations carry no pointer', () => {
    const quotations: Quotation[] = []
    const fast = new PortableTextChecker(DECORATORS, (q) => quotations.push(q))
    fast.block(
      block('b', {
        children: [span('s', 'words', ['q'])],
        markDefs: [quotation('q', { _ref: 'quote-a' })],
      }),
    )
    expect(quotations).toEqual([{ quote: 'quote-a', words: 'words' }])
    expect(fast.failed).toBe(false)
  })
})
