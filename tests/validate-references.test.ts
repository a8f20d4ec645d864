/**
 * A reference field may allow several document types (`x-reference-to: [a, b]`). No schema of
 * this package has one yet, so the numbered fixtures cannot show it: the check is held here.
 */
import { describe, expect, it } from 'vitest'
import { messages } from '../src/messages.js'
import {
  type BatchFacts,
  CrossDocumentChecks,
  type DocumentFacts,
} from '../src/validator/checks/cross-document.js'
import { allows, type Reference, ReferenceCollector } from '../src/validator/checks/references.js'
import { slugOf } from '../src/validator/checks/slugs.js'

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

describe('the checks across documents, when input ends', () => {
  const article = (id: string | null, line: number): DocumentFacts => ({
    ...facts('', 'article', line),
    id,
  })

  it('waits for a target once per document and kind of field, however often it is named', () => {
    const checks = new CrossDocumentChecks()
    const photo = { target: 'p', allowed: 'photo', weak: false }
    checks.add(
      {
        documents: [article('a', 1), article('b', 2)],
        references: [
          { ...photo, documents: [0, 0] },
          { ...photo, documents: [0, 1] },
          { ...photo, weak: true, documents: [0] },
          { ...photo, allowed: 'person', documents: [0] },
        ],
        quotations: [],
      },
      SOURCE,
    )
    const deferred = checks.finish()
    const from = (d: (typeof deferred)[number]) =>
      d.findings.map((f) => (f.kind === 'quotation' ? f.from.documentId : f.kind))
    expect(deferred.map((d) => [d.place.documentId, from(d)])).toEqual([
      ['a', ['reference', 'reference', 'reference']],
      ['b', ['reference']],
    ])
    expect(deferred[0]?.findings).toEqual([
      { kind: 'reference', target: 'p', weak: false, allowed: 'photo' },
      { kind: 'reference', target: 'p', weak: true, allowed: 'photo' },
      { kind: 'reference', target: 'p', weak: false, allowed: 'person' },
    ])
  })

  it('takes no document without an id or a type as a duplicate, nor as of the wrong type', () => {
    const checks = new CrossDocumentChecks()
    const untyped = (id: string, line: number): DocumentFacts => ({
      ...facts(id, '', line),
      type: null,
      slug: 'same',
    })
    checks.add(
      {
        documents: [article(null, 1), article(null, 2), untyped('n1', 3), untyped('n2', 4)],
        references: [{ target: 'n1', allowed: 'photo', weak: false, documents: [0] }],
        quotations: [],
      },
      SOURCE,
    )
    expect(checks.finish()).toEqual([])
  })

  it('reports a quote nobody refers to, though a file that cannot be read refers to others', () => {
    const checks = new CrossDocumentChecks()
    const unreadable = { ...article(null, 1), salvage: { ids: ['u'], refs: ['p'] } }
    const quote = { ...facts('q', 'quote', 2), quote: { kind: 'full', text: 'words' } }
    checks.add({ documents: [unreadable, quote], references: [], quotations: [] }, SOURCE)
    expect(checks.finish().map((d) => [d.place.documentId, d.findings])).toEqual([
      [
        'q',
        [
          {
            kind: 'finding',
            finding: {
              rule: 'quote/unreferenced',
              message: messages.unreferenced('q'),
              pointer: '/_id',
            },
          },
        ],
      ],
    ])
  })
})

describe('slugOf', () => {
  it('is the string `slug.current` of a document, and null for anything else', () => {
    expect(slugOf({ slug: { current: 'a-b' } })).toBe('a-b')
    for (const document of [undefined, null, 'x', {}, { slug: null }, { slug: 'a' }])
      expect(slugOf(document)).toBeNull()
    expect(slugOf({ slug: { current: 5 } })).toBeNull()
  })
})

describe('ReferenceCollector', () => {
  it('collects each `_ref` of a reference field, with its pointer, and skips what is not one', () => {
    const found: Reference[] = []
    const collector = new ReferenceCollector((reference) => found.push(reference))
    collector.object(
      { photo: { _ref: 'photo-a', _weak: true }, title: { _ref: 'not-a-field' } },
      'article',
      ['x'],
    )
    collector.object({ photo: null }, 'article')
    collector.object({ photo: {} }, 'article')
    collector.object({ photo: { _ref: 'image-abc-200x200-jpg' } }, 'photoEmbed')
    collector.object({ photo: [{ _ref: 'photo-b' }, 'photo-c', { _ref: 'photo-d' }] }, 'photoEmbed')
    collector.object({ photo: { _ref: 'photo-e' } }, 'unknownType')
    expect(found).toEqual([
      { target: 'photo-a', allowed: 'photo', weak: true, pointer: '/x/photo/_ref' },
      { target: 'photo-b', allowed: 'photo', weak: false },
      { target: 'photo-d', allowed: 'photo', weak: false },
    ])
  })
})
