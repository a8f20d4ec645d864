/**
 * Problems found across documents are placed at the end, by reading the documents again. A file
 * can change (or go) in between: the problems are kept, at the document's first line.
 */
import { describe, expect, it } from 'vitest'
import type { Deferred } from '../src/check/cross-document.js'
import { placeDeferred } from '../src/check/deferred.js'
import type { DocumentPlace } from '../src/check/document-table.js'

const ARTICLE: DocumentPlace = {
  sourceIndex: 0,
  kind: 'ndjson',
  file: 'gone.ndjson',
  line: 7,
  offset: 100,
  length: 50,
  documentId: 'article-g20',
}

const QUOTE: DocumentPlace = { ...ARTICLE, line: 9, offset: 200, documentId: 'quote-a' }

const DANGLING: Deferred = {
  place: ARTICLE,
  findings: [{ kind: 'reference', target: 'photo-x', weak: false, allowed: 'photo' }],
}

describe('a document that cannot be read again', () => {
  it('keeps its reference problem, at its first line and column 1, on the whole document', async () => {
    const problems = await placeDeferred([DANGLING], async () => null)
    expect(problems).toEqual([
      {
        severity: 'error',
        rule: 'reference/dangling',
        message:
          'Reference to `photo-x`, which is not among the documents validated: add a photo document with `_id` `photo-x`, or point the reference at an existing one.',
        file: 'gone.ndjson',
        line: 7,
        column: 1,
        pointer: '',
        documentId: 'article-g20',
        actual: 'photo-x',
      },
    ])
  })

  it('keeps a misquote: the words, and where the article starts, when neither can be read', async () => {
    const deferred: Deferred = {
      place: QUOTE,
      findings: [{ kind: 'quotation', words: 'the  words', from: ARTICLE }],
    }
    const problems = await placeDeferred([deferred], async () => null)
    // The quote's text is not known any more: no word diff, and no `actual`.
    expect(problems).toEqual([
      {
        severity: 'error',
        rule: 'quote/not-verbatim',
        message:
          "Quote `quote-a` is not verbatim in the words `article-g20` (gone.ndjson:7) annotates with it. Correct the quote's `text` to the words it quotes, or annotate the words the quote holds.",
        file: 'gone.ndjson',
        line: 9,
        column: 1,
        pointer: '/text',
        documentId: 'quote-a',
        expected: 'the words',
      },
    ])
  })
})

describe('a document that changed since it was read', () => {
  it('reports a reference it no longer holds on the whole document, placed at its start', async () => {
    const changed = new TextEncoder().encode('\n  {"_id": "article-g20", "_type": "article"}')
    const problems = await placeDeferred([DANGLING], async () => changed)
    expect(problems.map(({ line, column, pointer }) => ({ line, column, pointer }))).toEqual([
      { line: 8, column: 3, pointer: '' },
    ])
  })

  it('is taken as unreadable when it is no longer UTF-8 or JSON', async () => {
    for (const bytes of [new Uint8Array([0x7b, 0xff, 0x7d]), new TextEncoder().encode('{"_id":')]) {
      const problems = await placeDeferred([DANGLING], async () => bytes)
      expect(problems.map(({ line, column, pointer }) => ({ line, column, pointer }))).toEqual([
        { line: 7, column: 1, pointer: '' },
      ])
    }
  })
})
