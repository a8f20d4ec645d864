/**
 * The scanners under the validator's JSON checks, on texts chosen for their edges: where UTF-8
 * stops being well formed, how deep a text nests, which strings hold U+FFFD, how many keys a
 * text has, where a syntax error or a pointer is. The numbered fixtures show each in a report;
 * here each edge is held on its own.
 */
import { describe, expect, it } from 'vitest'
import { decodeUtf8, firstInvalidUtf8 } from '../src/json/decode.js'
import { countKeyColons } from '../src/json/keys.js'
import {
  depthExceeded,
  duplicateKeys,
  locatePointers,
  positionAt,
  replacementCharacters,
  syntaxProblem,
} from '../src/json/locate.js'
import {
  childPointer,
  lastSegment,
  parentPointer,
  pointerSegments,
  toPointer,
  valueAt,
} from '../src/json/pointer.js'

const bytes = (...values: number[]) => new Uint8Array(values)

describe('firstInvalidUtf8 (RFC 3629, table 3-7)', () => {
  it.each([
    ['ASCII up to 0x7F', [0x41, 0x7f], 2],
    ['a lone continuation byte', [0x41, 0x80], 1],
    ['a continuation byte before three more', [0x80, 0x80, 0x80, 0x80], 0],
    ['0xC0 and 0xC1 (overlong)', [0xc1, 0xbf], 0],
    ['0xC2 0x80, the first two-byte sequence', [0xc2, 0x80], 2],
    ['0xDF 0xBF, the last', [0xdf, 0xbf], 2],
    ['a two-byte lead before ASCII', [0xc3, 0x41], 0],
    ['a two-byte lead at the end', [0x41, 0xc3], 1],
    ['0xE0 0x9F (overlong)', [0xe0, 0x9f, 0x80], 0],
    ['0xE0 0xA0 0x80', [0xe0, 0xa0, 0x80], 3],
    ['0xE1 0x80 0x80', [0xe1, 0x80, 0x80], 3],
    ['0xE1 0xC0 (past 0xBF)', [0xe1, 0xc0, 0x80], 0],
    ['0xED 0x9F 0xBF, the last before the surrogates', [0xed, 0x9f, 0xbf], 3],
    ['0xED 0xA0 (a surrogate)', [0xed, 0xa0, 0x80], 0],
    ['0xEF 0xBF 0xBF', [0xef, 0xbf, 0xbf], 3],
    ['a three-byte sequence missing its last byte', [0xe1, 0x80, 0x41], 0],
    ['0xF0 0x8F (overlong)', [0xf0, 0x8f, 0x80, 0x80], 0],
    ['0xF0 0x90 0x80 0x80', [0xf0, 0x90, 0x80, 0x80], 4],
    ['0xF4 0x8F 0xBF 0xBF, the last code point', [0xf4, 0x8f, 0xbf, 0xbf], 4],
    ['0xF4 0x90 (past U+10FFFF)', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a four-byte sequence missing its third byte', [0xf1, 0x80, 0x41, 0x80], 0],
    ['a four-byte sequence missing its last byte', [0xf1, 0x80, 0x80, 0x41], 0],
    ['0xF5', [0xf5, 0x80, 0x80, 0x80], 0],
    ['0xFF after a valid sequence', [0xc2, 0x80, 0xff], 2],
  ])('%s', (_, values, offset) => {
    expect(firstInvalidUtf8(bytes(...values))).toBe(offset)
  })
})

describe('decodeUtf8', () => {
  it('gives the text, and whether a byte order mark started it (taken off)', () => {
    expect(decodeUtf8(bytes(0xef, 0xbb, 0xbf, 0x41))).toEqual({ ok: true, text: 'A', bom: true })
    expect(decodeUtf8(bytes(0x41, 0xef, 0xbb, 0xbf))).toEqual({
      ok: true,
      text: 'A\uFEFF',
      bom: false,
    })
  })

  it('gives the offset of the first bad byte instead of a replacement character', () => {
    expect(decodeUtf8(bytes(0x41, 0x42, 0xff))).toEqual({ ok: false, offset: 2 })
  })
})

describe('countKeyColons', () => {
  const count = (text: string) => countKeyColons(new TextEncoder().encode(text))

  it('counts a key whatever whitespace stands before its colon', () => {
    expect(count('{"a":1,"b" :2,"c"\t:3,"d"\n:4,"e"\r\n:5}')).toBe(5)
  })

  it('does not count a colon in a value, nor one not after a quote', () => {
    expect(count('{"a":"x:y","b":"http://z"}')).toBe(2)
    expect(count(':')).toBe(0)
  })
})

describe('positionAt', () => {
  it('counts lines from 1 and columns from 1, in UTF-16 units', () => {
    expect(positionAt('ab\ncd\nef', 0)).toEqual({ line: 1, column: 1 })
    expect(positionAt('ab\ncd\nef', 2)).toEqual({ line: 1, column: 3 })
    expect(positionAt('ab\ncd\nef', 3)).toEqual({ line: 2, column: 1 })
    expect(positionAt('ab\ncd\nef', 7)).toEqual({ line: 3, column: 2 })
  })
})

describe('depthExceeded', () => {
  it('is null up to the limit, and names the first container past it', () => {
    expect(depthExceeded('[[1]]', 2)).toBeNull()
    expect(depthExceeded('[[[1]]]', 2)).toEqual({
      pointer: '/0/0',
      position: { line: 1, column: 3 },
    })
  })

  it('follows keys and array indexes to it, and ignores brackets inside strings', () => {
    const text = '{"a": "[[[{", "b\\"c": [1, {"x": 2}, [{"d": {}}]]}'
    expect(depthExceeded(text, 3)).toEqual({
      pointer: '/b"c/2/0',
      position: { line: 1, column: 38 },
    })
    expect(depthExceeded(text, 4)).toEqual({
      pointer: '/b"c/2/0/d',
      position: { line: 1, column: 44 },
    })
    expect(depthExceeded(text, 5)).toBeNull()
  })

  it('closes containers as it goes: siblings do not add up', () => {
    expect(depthExceeded('[[1],[2],[3]]', 2)).toBeNull()
  })

  it('works on a text that stops inside a string, or is not JSON at all', () => {
    expect(depthExceeded('[["abc', 1)).toEqual({ pointer: '/0', position: { line: 1, column: 2 } })
    // A key that is not a JSON string is not known: the empty key.
    expect(depthExceeded("{'a': [[", 2)).toEqual({
      pointer: '//0',
      position: { line: 1, column: 8 },
    })
    // A key JSON.parse rejects (a bad escape) is named by the text between its quotes.
    expect(depthExceeded('{"a\\qb": [[', 2)).toEqual({
      pointer: '/a\\qb/0',
      position: { line: 1, column: 11 },
    })
    // A container in an object before any key: the empty key.
    expect(depthExceeded('{{{', 2)).toEqual({ pointer: '//', position: { line: 1, column: 3 } })
  })

  it('counts items in the innermost array, not in the ones around it', () => {
    expect(depthExceeded('[1,[[', 2)).toEqual({ pointer: '/1/0', position: { line: 1, column: 5 } })
    expect(depthExceeded('[[1,[[', 3)).toEqual({
      pointer: '/0/1/0',
      position: { line: 1, column: 6 },
    })
  })

  it('takes a colon or a comma outside any container in its stride', () => {
    expect(depthExceeded(':', 1)).toBeNull()
    expect(depthExceeded('1,2', 1)).toBeNull()
  })
})

describe('replacementCharacters', () => {
  it('finds U+FFFD as itself and escaped, in values and in keys', () => {
    const text = '{"a": "x\uFFFD", "b": ["ok", "\\uFFFD"], "k\\ufffd": 1}'
    expect(replacementCharacters(text)).toEqual([
      { pointer: '/a', anchor: 'value', position: { line: 1, column: 9 } },
      { pointer: '/b/1', anchor: 'value', position: { line: 1, column: 26 } },
      { pointer: '/k\uFFFD', anchor: 'key', position: { line: 1, column: 38 } },
    ])
  })

  it('does not take an escaped backslash before "ufffd" for an escape', () => {
    expect(replacementCharacters('{"a": "\\\\ufffd"}')).toEqual([])
  })

  it('ignores U+FFFD outside strings, and an escape other than \\u before "fffd"', () => {
    expect(replacementCharacters('[\uFFFD"x"]')).toEqual([])
    expect(replacementCharacters('["\\nfffd", "\\u00e9fffd"]')).toEqual([])
  })

  it('follows containers as they close, and keys as members follow each other', () => {
    expect(replacementCharacters('[{}, "\uFFFD"]')).toEqual([
      { pointer: '/1', anchor: 'value', position: { line: 1, column: 7 } },
    ])
    expect(replacementCharacters('{"a": [], "\uFFFD": 1}')).toEqual([
      { pointer: '/\uFFFD', anchor: 'key', position: { line: 1, column: 12 } },
    ])
    // A value before any key belongs to the empty key.
    expect(replacementCharacters('{: "\uFFFD"}')).toEqual([
      { pointer: '/', anchor: 'value', position: { line: 1, column: 5 } },
    ])
  })

  it('takes a colon or a comma outside any container in its stride', () => {
    expect(replacementCharacters(':"\uFFFD"')).toEqual([
      { pointer: '', anchor: 'value', position: { line: 1, column: 3 } },
    ])
    expect(replacementCharacters('1,"\uFFFD"')).toEqual([
      { pointer: '', anchor: 'value', position: { line: 1, column: 4 } },
    ])
  })

  it('names the key of a value after other members, and at the top level', () => {
    expect(replacementCharacters('{"a": 1, "b": {"c": "\uFFFD"}}')).toEqual([
      { pointer: '/b/c', anchor: 'value', position: { line: 1, column: 22 } },
    ])
    expect(replacementCharacters('"\uFFFD"')).toEqual([
      { pointer: '', anchor: 'value', position: { line: 1, column: 2 } },
    ])
  })
})

describe('syntaxProblem', () => {
  const problem = (text: string) => {
    try {
      JSON.parse(text)
    } catch (error) {
      return syntaxProblem(text, error)
    }
    throw new Error(`${text} parses`)
  }

  it('places an error where V8 says, with V8’s reason and no excerpt', () => {
    expect(problem('{\n  "a": 1,\n}')).toEqual({
      position: { line: 3, column: 1 },
      reason: 'Expected double-quoted property name',
    })
  })

  it('places a text that ends too soon where it ends, trailing whitespace left out', () => {
    expect(problem('{"a": [1,\n  \n')).toEqual({
      position: { line: 1, column: 10 },
      reason: 'Unexpected end of JSON input',
    })
  })

  it('leaves out the excerpt V8 quotes, whole or cut at either end', () => {
    const long = 'x'.repeat(40)
    for (const text of [
      '[tru]',
      `[tru, "${long}"]`,
      `["${long}", tru, "${long}"]`,
      `["${long}", tru]`,
    ]) {
      expect(problem(text).reason).toMatch(/^Unexpected token '[,\]]'$/)
    }
    expect(problem(`["${long}", tru, "${long}"]`)).toEqual({
      position: { line: 1, column: 46 },
      reason: "Unexpected token ','",
    })
  })

  it('leaves out a position of one digit, and the line and column newer V8 adds', () => {
    expect(problem('{"a" 1}')).toEqual({
      position: { line: 1, column: 6 },
      reason: "Expected ':' after property name",
    })
    const newer = new SyntaxError(
      "Expected ',' or '}' after property value in JSON at position 7 (line 1 column 8)",
    )
    expect(syntaxProblem('{"a": 1 "b": 2}', newer)).toEqual({
      position: { line: 1, column: 8 },
      reason: "Expected ',' or '}' after property value",
    })
  })

  it('asks momoa in strict JSON mode, and falls back to 1:1 when momoa fails another way', () => {
    expect(syntaxProblem('{/* c */}', 'no position')).toEqual({
      position: { line: 1, column: 2 },
      reason: 'no position',
    })
    // Too deep for momoa's recursive parser: a RangeError, with no line or column.
    expect(syntaxProblem('['.repeat(100_000), 'no position')).toEqual({
      position: { line: 1, column: 1 },
      reason: 'no position',
    })
  })

  it('takes an error thrown as something else than an Error', () => {
    expect(syntaxProblem('{"a" 1}', 'Bad thing at position 5')).toEqual({
      position: { line: 1, column: 6 },
      reason: 'Bad thing at position 5',
    })
    expect(syntaxProblem('{"a" 1}', 'no position')).toEqual({
      position: { line: 1, column: 6 },
      reason: 'no position',
    })
    expect(syntaxProblem('{"a": 1}', 'no position, and momoa parses it')).toEqual({
      position: { line: 1, column: 1 },
      reason: 'no position, and momoa parses it',
    })
  })
})

describe('locatePointers', () => {
  const text = '{\n  "a": [10, {"b": 2}],\n  "c": 1,\n  "c": {"d~/": 3}\n}'

  it('places values, keys, array items, and escaped segments', () => {
    expect(
      locatePointers(text, [
        { pointer: '', anchor: 'value' },
        { pointer: '/a/1/b', anchor: 'value' },
        { pointer: '/a/1/b', anchor: 'key' },
        { pointer: '/c/d~0~1', anchor: 'value' },
      ]),
    ).toEqual([
      { line: 1, column: 1 },
      { line: 2, column: 19 },
      { line: 2, column: 14 },
      { line: 4, column: 16 },
    ])
  })

  it('places a pointer past the last node at the deepest node on its way', () => {
    expect(
      locatePointers(text, [
        { pointer: '/a/1/missing', anchor: 'key' },
        { pointer: '/a/2', anchor: 'value' },
        { pointer: '/a/01', anchor: 'value' },
        { pointer: '/a/0/x', anchor: 'value' },
        { pointer: '', anchor: 'key' },
      ]),
    ).toEqual([
      { line: 2, column: 13 },
      { line: 2, column: 8 },
      { line: 2, column: 8 },
      { line: 2, column: 9 },
      { line: 1, column: 1 },
    ])
  })

  it('is null for a text momoa rejects, comments included (strict JSON)', () => {
    expect(locatePointers('{', [{ pointer: '', anchor: 'value' }])).toBeNull()
    expect(locatePointers('{} // c', [{ pointer: '', anchor: 'value' }])).toBeNull()
  })
})

describe('duplicateKeys', () => {
  it('gives each repetition with where the first one is, in text order, at any depth', () => {
    const text = '{"a": 1, "l": [{"x": 1, "x": 2}], "a": 3, "a": 4}'
    expect(duplicateKeys(text)).toEqual([
      {
        key: 'x',
        pointer: '/l/0/x',
        position: { line: 1, column: 25 },
        first: { line: 1, column: 17 },
      },
      { key: 'a', pointer: '/a', position: { line: 1, column: 35 }, first: { line: 1, column: 2 } },
      { key: 'a', pointer: '/a', position: { line: 1, column: 43 }, first: { line: 1, column: 2 } },
    ])
  })

  it('is empty for a text momoa rejects', () => {
    expect(duplicateKeys('{"a": 1, "a": 2')).toEqual([])
    expect(duplicateKeys('{"a": 1, /* c */ "a": 2}')).toEqual([])
  })
})

describe('JSON pointers', () => {
  it('escape ~ and / in segments, and read them back', () => {
    expect(toPointer(['a/b', 'c~d', 3])).toBe('/a~1b/c~0d/3')
    expect(pointerSegments('/a~1b/c~0d/3')).toEqual(['a/b', 'c~d', '3'])
    expect(pointerSegments('/~01')).toEqual(['~1'])
    expect(pointerSegments('')).toEqual([])
    expect(childPointer('/a', 'b/c')).toBe('/a/b~1c')
  })

  it('name the last segment and the parent', () => {
    expect(lastSegment('/a/b~1c')).toBe('b/c')
    expect(lastSegment('')).toBe('')
    expect(parentPointer('/a/b')).toBe('/a')
    expect(parentPointer('/a')).toBe('')
    expect(parentPointer('')).toBe('')
  })

  it('reach only own properties, and stop at a value that is not a container', () => {
    const value = { a: [{ b: 1 }], s: 'text' }
    expect(valueAt(value, '/a/0/b')).toBe(1)
    expect(valueAt(value, '')).toBe(value)
    expect(valueAt(value, '/a/1')).toBeUndefined()
    expect(valueAt(value, '/s/length')).toBeUndefined()
    expect(valueAt(value, '/constructor')).toBeUndefined()
    expect(valueAt({ n: null }, '/n/x')).toBeUndefined()
  })
})
