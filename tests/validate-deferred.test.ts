/**
 * Problems found across documents are placed at the end, by reading the documents again. A file
 * can change (or go) in between: the problems are kept, at the document's first line.
 */
import { describe, expect, it } from 'vitest'
import type { Deferred } from '../src/validator/checks/cross-document.js'
import { placeDeferred } from '../src/validator/checks/deferred.js'
import {
  type DocumentPlace,
  DocumentTable,
  OrdinalList,
} from '../src/validator/checks/document-table.js'

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

/** A reader that has the given texts, by file; other files are gone. */
function reader(texts: Record<string, string>) {
  return async (where: DocumentPlace) => {
    const text = texts[where.file]
    return text === undefined ? null : new TextEncoder().encode(text)
  }
}

describe('problems deferred twice for one document', () => {
  it('are placed once each; problems found in the document itself are all kept', async () => {
    const photo = { kind: 'reference', target: 'photo-x', weak: false, allowed: 'photo' } as const
    const deferred: Deferred = {
      place: ARTICLE,
      findings: [
        {
          kind: 'finding',
          finding: { rule: 'document/duplicate-id', message: 'one', pointer: '' },
        },
        {
          kind: 'finding',
          finding: { rule: 'document/duplicate-id', message: 'one', pointer: '' },
        },
        photo,
        { ...photo },
        { ...photo, weak: true },
        { ...photo, allowed: 'photo|person' },
        { ...photo, actualType: 'person' },
        { kind: 'quotation', words: 'the words', from: ARTICLE },
        { kind: 'quotation', words: 'the words', from: { ...ARTICLE } },
        { kind: 'quotation', words: 'other words', from: ARTICLE },
        { kind: 'quotation', words: 'the words', from: { ...ARTICLE, offset: 300 } },
      ],
    }
    const problems = await placeDeferred([deferred], async () => null)
    expect(problems.map(({ rule, expected }) => [rule, expected])).toEqual([
      ['document/duplicate-id', undefined],
      ['document/duplicate-id', undefined],
      ['reference/dangling', undefined],
      ['reference/weak-dangling', undefined],
      ['reference/dangling', undefined],
      ['reference/wrong-type', 'photo'],
      ['quote/not-verbatim', 'the words'],
      ['quote/not-verbatim', 'other words'],
      ['quote/not-verbatim', 'the words'],
    ])
  })
})

describe('a reference problem in a document read again', () => {
  // Three references to `x`: from a photo field, a weak one from a photo embed, and from a
  // person mention. Each problem is placed on the references it is about.
  const article = JSON.stringify({
    _id: 'article-g20',
    _type: 'article',
    photo: { _type: 'reference', _ref: 'x' },
    body: [
      { _type: 'photoEmbed', _key: 'e', photo: { _type: 'reference', _ref: 'x', _weak: true } },
      { _type: 'personMention', _key: 'm', person: { _type: 'reference', _ref: 'x' } },
      { _key: 'n', photo: { _type: 'reference', _ref: 'x' } },
    ],
  })
  const place = (target: string, weak: boolean, allowed: string, actualType?: string) =>
    placeDeferred(
      [
        {
          place: ARTICLE,
          findings: [
            { kind: 'reference', target, weak, allowed, ...(actualType ? { actualType } : {}) },
          ],
        },
      ],
      reader({ 'gone.ndjson': article }),
    )

  it('is placed on each reference with its target, weakness and allowed types', async () => {
    const pointers = async (weak: boolean, allowed: string) =>
      (await place('x', weak, allowed)).map((p) => [p.rule, p.pointer, p.line])
    expect(await pointers(false, 'photo')).toEqual([['reference/dangling', '/photo/_ref', 7]])
    expect(await pointers(true, 'photo')).toEqual([
      ['reference/weak-dangling', '/body/0/photo/_ref', 7],
    ])
    expect(await pointers(false, 'person')).toEqual([
      ['reference/dangling', '/body/1/person/_ref', 7],
    ])
  })

  it('is placed on the whole document when it holds no such reference any more', async () => {
    expect((await place('y', false, 'photo')).map((p) => p.pointer)).toEqual([''])
  })

  it('names each allowed type, as expected, when the target has another type', async () => {
    const [problem] = await place('x', false, 'photo|person', 'quote')
    expect(problem).toMatchObject({
      rule: 'reference/wrong-type',
      pointer: '',
      expected: 'photo, person',
      actual: 'quote',
      message:
        'Reference to `x`, a quote, where this field takes a photo or person: point it at a photo or person document.',
    })
  })
})

describe('a misquote of a quote read again', () => {
  const block = (key: string, quote: string, words: string, type = 'block') => ({
    _type: type,
    _key: key,
    children: [
      { _type: 'span', _key: `${key}s`, text: words, marks: [`${key}q`] },
      { _type: 'span', _key: `${key}t`, text: '.', marks: [] },
    ],
    markDefs: [{ _type: 'quotation', _key: `${key}q`, quote: { _type: 'reference', _ref: quote } }],
  })
  // The quotation that matters is the last: the others quote another quote, other words, or
  // are not in a text block. (Block `b` keeps `c` and `d` apart: in consecutive blocks, they
  // would be pieces of one quotation.)
  const article = JSON.stringify(
    {
      _id: 'article-g20',
      _type: 'article',
      body: [
        block('a', 'quote-a', 'the  words', 'callout'),
        block('c', 'quote-a', 'other words'),
        block('b', 'quote-b', 'the  words'),
        block('d', 'quote-a', 'the  words'),
      ],
    },
    null,
    1,
  )
  const ANNOTATING: DocumentPlace = { ...ARTICLE, kind: 'json', file: 'article.json', line: 3 }
  const misquote = (texts: Record<string, string>) =>
    placeDeferred(
      [{ place: QUOTE, findings: [{ kind: 'quotation', words: 'the  words', from: ANNOTATING }] }],
      reader(texts),
    )
  const quote = JSON.stringify({ _id: 'quote-a', _type: 'quote', text: 'the word' })

  it('shows the words that differ, and where the article annotates them', async () => {
    // The markDef's `{` is two lines above its `_key`; the article starts on line 3.
    const lines = article.split('\n')
    const key = lines.indexOf('     "_key": "dq",')
    const column = (lines[key - 2] as string).indexOf('{') + 1
    const problems = await misquote({ 'gone.ndjson': quote, 'article.json': article })
    expect(problems).toEqual([
      {
        severity: 'error',
        rule: 'quote/not-verbatim',
        message: `Quote \`quote-a\` is not verbatim in the words \`article-g20\` (article.json:${key + 1}:${column}) annotates with it. Word by word, from the quote to those words: the [-word-]{+words+}. Correct the quote's \`text\` to the words it quotes, or annotate the words the quote holds.`,
        file: 'gone.ndjson',
        line: 9,
        column: quote.indexOf('"the word"') + 1,
        pointer: '/text',
        documentId: 'quote-a',
        expected: 'the words',
        actual: 'the word',
      },
    ])
  })

  it('names the article by its first line when it no longer annotates the words', async () => {
    const changed = article.replaceAll('quote-a', 'quote-c')
    const [problem] = await misquote({ 'gone.ndjson': quote, 'article.json': changed })
    expect(problem?.message).toContain('`article-g20` (article.json:3) annotates')
  })
})

describe('the places kept to read documents again', () => {
  it('gives back every place added, past the table growing twice', () => {
    const table = new DocumentTable()
    const placeOf = (n: number): DocumentPlace => ({
      sourceIndex: n % 3,
      kind: n % 3 === 0 ? 'json' : 'ndjson',
      file: `f${n % 3}`,
      line: n + 1,
      offset: n * 10.5,
      length: n + 2 ** 33,
      documentId: n % 5 === 0 ? null : `d${n}`,
    })
    for (let n = 0; n < 2100; n++) expect(table.add(placeOf(n))).toBe(n)
    for (const n of [0, 1, 1023, 1024, 2047, 2048, 2099]) expect(table.place(n)).toEqual(placeOf(n))
  })

  it('lists document ordinals in order, past its first capacity, and knows the last', () => {
    const list = new OrdinalList()
    expect(list.last()).toBeUndefined()
    for (let n = 1; n <= 9; n++) {
      list.push(n * 7)
      expect(list.last()).toBe(n * 7)
    }
    expect(list.length).toBe(9)
    expect([...list]).toEqual([7, 14, 21, 28, 35, 42, 49, 56, 63])
  })
})
