// No walk over a document's values recurses as deep as the document: publish and pull handle
// any nesting (the validator then rejects what is too deep, by id), and keep `__proto__` keys.
import { describe, expect, it } from 'vitest'
import { canonical, contentHash, toContent } from '../src/sanity/canonical.js'
import { formatContentFile } from '../src/sanity/content-file.js'
import { referencedIds, toSanityDocument } from '../src/sanity/to-sanity.js'

/** `value` wrapped in `depth` objects and arrays, built without recursion. */
function nested(depth: number, value: unknown = { _type: 'reference', _ref: 'person-x' }): unknown {
  let result = value
  for (let i = 0; i < depth; i++) result = i % 2 ? { inner: result } : [result]
  return result
}

const DEEP = 100_000

describe('documents nested far deeper than the stack', () => {
  const doc = {
    _id: 'drafts.person-deep',
    _type: 'person',
    _rev: 'r1',
    name: 'Deep',
    role: nested(DEEP),
  }

  it('toContent, canonical and contentHash', () => {
    const content = toContent(doc)
    expect(content._id).toBe('person-deep')
    expect(content).not.toHaveProperty('_rev')
    expect(contentHash(doc)).toMatch(/^[0-9a-f]{64}$/)
    expect(canonical(doc).length).toBeGreaterThan(DEEP * 2)
  })

  it('formatContentFile: on one line, since indentation would grow with the square of the depth', () => {
    const content = toContent(doc)
    const text = formatContentFile(content)
    expect(
      text.startsWith('{"_id":"person-deep","_type":"person","name":"Deep","role":{"inner":['),
    ).toBe(true)
    expect(text.endsWith('}\n')).toBe(true)
    expect(canonical(JSON.parse(text))).toBe(canonical(content))
  })

  it('toSanityDocument (drafts, with weak markers) and referencedIds', () => {
    const content = toContent(doc) as never
    const draft = toSanityDocument(content, {
      drafts: true,
      published: new Set(),
      typeOf: new Map([['person-x', 'person']]),
    })
    expect(draft._id).toBe('drafts.person-deep')
    // Stops at the validator's depth limit, past which no document is published.
    expect(referencedIds(content, new Set(['person-x']))).toEqual(new Set())
    expect(referencedIds({ a: nested(10) }, new Set(['person-x']))).toEqual(new Set(['person-x']))
  })
})

describe('__proto__ keys are kept, as the own keys they are, never dropped or turned into a prototype', () => {
  const remote = JSON.parse(
    '{"_id":"drafts.p","_type":"person","_rev":"r","__proto__":{"polluted":true},"list":[{"__proto__":1}]}',
  ) as Record<string, unknown>

  it('toContent and formatContentFile', () => {
    const content = toContent(remote)
    expect(Object.hasOwn(content, '__proto__')).toBe(true)
    expect(Object.getPrototypeOf(content)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    const text = formatContentFile(content)
    expect(text).toContain('"__proto__": {\n    "polluted": true\n  }')
    expect(text).toContain('"__proto__": 1')
  })

  it('canonical', () => {
    expect(canonical(remote)).toBe(
      '{"__proto__":{"polluted":true},"_id":"p","_type":"person","list":[{"__proto__":1}]}',
    )
  })
})
