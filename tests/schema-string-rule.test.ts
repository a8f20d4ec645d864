/**
 * stringRule: a string definition of common.schema.json as a test, as the renderer uses it to
 * check unvalidated documents (src/render/content-index.ts). The validator does not use it.
 */
import { describe, expect, it } from 'vitest'
import { stringRule } from '../src/validator/checks/vocabulary.js'

describe('stringRule', () => {
  it('a slug: the pattern of `current`, behind a `$ref`', () => {
    const isSlug = stringRule('slug', 'current')
    expect(isSlug('antony-blinken')).toBe(true)
    expect(isSlug('Antony Blinken')).toBe(false)
    expect(isSlug('')).toBe(false)
    expect(isSlug(42)).toBe(false)
  })

  it('a document id: its pattern', () => {
    const isDocumentId = stringRule('documentId')
    expect(isDocumentId('person-antony-blinken')).toBe(true)
    expect(isDocumentId('drafts.person-a')).toBe(true)
    expect(isDocumentId('a..b')).toBe(false)
    expect(isDocumentId(null)).toBe(false)
  })

  it('non-blank text: its minimum length (in code points) and its pattern', () => {
    const isText = stringRule('nonBlankText')
    expect(isText('x')).toBe(true)
    expect(isText('😀')).toBe(true)
    expect(isText('')).toBe(false)
    expect(isText(' \t\n')).toBe(false)
  })

  it('a document id: its maximum length, 128', () => {
    const isDocumentId = stringRule('documentId')
    expect(isDocumentId('a'.repeat(128))).toBe(true)
    expect(isDocumentId('a'.repeat(129))).toBe(false)
  })

  it('a property the definition does not have: an error on first use', () => {
    const wrong = stringRule('slug', 'nope')
    expect(() => wrong('x')).toThrow('common.schema.json#/$defs/slug has no property nope')
  })
})
