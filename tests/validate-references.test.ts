/**
 * A reference field may allow several document types (`x-reference-to: [a, b]`). No schema of
 * this package has one yet, so the numbered fixtures cannot show it: the check is held here.
 */
import { describe, expect, it } from 'vitest'
import {
  type BatchFacts,
  CrossDocumentChecks,
  type DocumentFacts,
} from '../src/check/cross-document.js'
import { allows } from '../src/check/references.js'
import { messages } from '../src/messages.js'

describe('allows', () => {
  it('takes a target of any of the allowed types, not only the first', () => {
    expect(allows('person|photo', 'person')).toBe(true)
    expect(allows('person|photo', 'photo')).toBe(true)
    expect(allows('photo', 'photo')).toBe(true)
  })

  it('refuses any other type, a part of a name included', () => {
    expect(allows('person|photo', 'quote')).toBe(false)
    expect(allows('person|photo', 'person|photo|quote')).toBe(false)
    expect(allows('photo', 'phot')).toBe(false)
  })
})

function facts(id: string, type: string, line: number): DocumentFacts {
  return { id, type, slug: null, quote: null, salvage: null, line, offset: 0, length: 1 }
}

const SOURCE = { sourceIndex: 0, kind: 'ndjson' as const, file: 'several.ndjson' }

describe('a reference field that allows several types', () => {
  it('resolves to a target of its second type, and reports one of another type', () => {
    const checks = new CrossDocumentChecks()
    const batch: BatchFacts = {
      documents: [
        facts('photo-a', 'photo', 1),
        facts('quote-a', 'quote', 2),
        facts('x', 'article', 3),
      ],
      references: [
        { target: 'photo-a', allowed: 'person|photo', weak: false, documents: [2] },
        { target: 'quote-a', allowed: 'person|photo', weak: false, documents: [2] },
      ],
      quotations: [],
    }
    checks.add(batch, SOURCE)
    const deferred = checks.finish()
    expect(deferred.map((d) => [d.place.documentId, d.findings])).toEqual([
      [
        'x',
        [
          {
            kind: 'reference',
            target: 'quote-a',
            weak: false,
            allowed: 'person|photo',
            actualType: 'quote',
          },
        ],
      ],
      // quote-a is referenced (by the wrong field, which is reported): not unreferenced.
    ])
  })

  it('names every allowed type in the message', () => {
    expect(messages.wrongType('quote-a', 'quote', ['person', 'photo'])).toBe(
      'Reference to `quote-a`, a quote, where this field takes a person or photo: point it at a person or photo document.',
    )
    expect(messages.dangling('nobody', ['person', 'photo'], false)).toContain(
      'add a person or photo document with `_id` `nobody`',
    )
  })
})
