/**
 * A quote that runs across paragraphs, as wire copy prints it (the first paragraph opens a
 * quotation mark and does not close it; the next one opens it again), is one Quote annotated in
 * pieces: the quotations of that quote in consecutive blocks of one document, joined by a space,
 * hold its text. Each piece must be part of it, in order; a single annotation still holds the
 * whole quote, as before.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isVerbatim, PIECE_BREAK } from '../src/validator/checks/quotes.js'
import { BOTH_WAYS } from './validate-cli.js'

const FIRST = 'We will fight on the beaches.'
const SECOND = 'We shall never surrender'
const TEXT = `${FIRST} ${SECOND}`

interface Piece {
  /** The block's text before the annotated words, the words, and after them. */
  before?: string
  words?: string
  after?: string
  /** The quote the words are annotated with. */
  quote?: string
}

/** A block of `piece`, keyed `key`. */
function block(key: string, { before = '', words, after = '', quote = 'quote-beaches' }: Piece) {
  const children = [
    { _type: 'span', _key: `${key}s1`, text: before, marks: [] as string[] },
    ...(words === undefined
      ? []
      : [{ _type: 'span', _key: `${key}s2`, text: words, marks: [`${key}q`] }]),
    { _type: 'span', _key: `${key}s3`, text: after, marks: [] as string[] },
  ]
  const markDefs =
    words === undefined
      ? []
      : [{ _type: 'quotation', _key: `${key}q`, quote: { _type: 'reference', _ref: quote } }]
  return { _type: 'block', _key: key, style: 'normal', children, markDefs }
}

function article(id: string, body: Piece[], highlights: Piece[] = []) {
  return {
    _id: id,
    _type: 'article',
    headline: 'A speech',
    slug: { _type: 'slug', current: id },
    datePublished: '2023-03-03',
    body: body.map((piece, i) => block(`b${i + 1}`, piece)),
    ...(highlights.length > 0
      ? {
          highlights: highlights.map((piece, i) => ({
            ...block(`h${i + 1}`, piece),
            listItem: 'bullet',
            level: 1,
          })),
        }
      : {}),
  }
}

function quote(text = TEXT, id = 'quote-beaches') {
  return { _id: id, _type: 'quote', text, kind: 'direct', attribution: 'The prime minister' }
}

/** The two paragraphs of the quote, as wire copy prints them. */
const ACROSS: Piece[] = [
  { before: '\u201C', words: FIRST },
  { before: '\u201C', words: SECOND, after: ',\u201D she said.' },
]

/** Write the documents, one a line, and validate them. */
async function validateDocuments(run: (typeof BOTH_WAYS)[number]['run'], documents: object[]) {
  const dir = mkdtempSync(join(tmpdir(), 'quote-in-pieces-'))
  writeFileSync(join(dir, 'set.ndjson'), `${documents.map((d) => JSON.stringify(d)).join('\n')}\n`)
  return run(['set.ndjson'], { cwd: dir })
}

describe.each(BOTH_WAYS)('a quote annotated in pieces ($way)', ({ run }) => {
  it('is verbatim when its pieces, in consecutive blocks and in order, hold its text', async () => {
    for (const documents of [
      [article('article-a', ACROSS), quote()],
      // The quote before the article: its pieces are judged when they arrive.
      [quote(), article('article-a', ACROSS)],
    ]) {
      const { code, report } = await validateDocuments(run, documents)
      expect(report.problems).toEqual([])
      expect(code).toBe(0)
    }
  })

  it('is judged in each article on its own, and beside a whole annotation of it', async () => {
    const documents = [
      article('article-a', [{ before: 'Before.' }, ...ACROSS]),
      quote(),
      // The whole quote in a highlight, and in pieces in the body; the same again, later.
      article('article-b', ACROSS, [{ words: TEXT }]),
      // A whole quote in each of two consecutive blocks: each holds it.
      article('article-c', [{ words: TEXT }, { words: TEXT, after: ' she said.' }]),
    ]
    const { code, report } = await validateDocuments(run, documents)
    expect(report.problems).toEqual([])
    expect(code).toBe(0)
  })

  it('is not verbatim when its pieces are out of order', async () => {
    const swapped = [
      { before: '\u201C', words: SECOND },
      { before: '\u201C', words: FIRST },
    ]
    const { code, report } = await validateDocuments(run, [article('article-a', swapped), quote()])
    expect(report.problems.map((p) => [p.rule, p.documentId, p.pointer])).toEqual([
      ['quote/not-verbatim', 'quote-beaches', '/text'],
    ])
    // The pieces, joined by a space, are what the quote is compared with.
    expect(report.problems[0]?.expected).toBe(`${SECOND} ${FIRST}`)
    expect(report.problems[0]?.message).toContain('2 pieces')
    // Placed at the first piece's annotation: the first line, at body/0's markDef.
    expect(report.problems[0]?.message).toMatch(/`article-a` \(set\.ndjson:1:\d+\)/)
    expect(code).toBe(1)
  })

  it('is not verbatim when a piece is not part of it, even though the others hold it', async () => {
    for (const [pieces, stray] of [
      [[...ACROSS, { words: 'Nobody expected that.' }], 'piece 3'],
      [[{ words: 'Nobody expected that.' }, ...ACROSS], 'piece 1'],
      // A whole annotation, and a piece after it that holds nothing of the quote.
      [[{ words: TEXT }, { words: 'Nobody expected that.' }], 'piece 2'],
    ] as const) {
      const { report } = await validateDocuments(run, [article('article-a', [...pieces]), quote()])
      expect(report.problems.map((p) => p.rule)).toEqual(['quote/not-verbatim'])
      // The message names the piece that is not part of the quote.
      expect(report.problems[0]?.message).toContain(`${stray} (\`Nobody expected that.\`)`)
    }
  })

  it('is not verbatim when its pieces are not in consecutive blocks', async () => {
    const apart = [ACROSS[0] as Piece, { before: 'Meanwhile.' }, ACROSS[1] as Piece]
    const { report } = await validateDocuments(run, [article('article-a', apart), quote()])
    // Each piece is judged on its own, and neither holds the quote.
    expect(report.problems.map((p) => p.rule)).toEqual(['quote/not-verbatim', 'quote/not-verbatim'])
  })

  it('does not join pieces of different quotes', async () => {
    const two = [
      { words: FIRST },
      { words: SECOND, quote: 'quote-other' },
      { words: SECOND, after: ' she said.' },
    ]
    const documents = [article('article-a', two), quote(), quote(SECOND, 'quote-other')]
    const { report } = await validateDocuments(run, documents)
    expect(report.problems.map((p) => [p.rule, p.documentId])).toEqual([
      ['quote/not-verbatim', 'quote-beaches'],
      ['quote/not-verbatim', 'quote-beaches'],
    ])
  })
})

describe('isVerbatim of pieces', () => {
  const facts = { kind: 'direct', text: 'a b c d' }
  const pieces = (...words: string[]) => words.join(PIECE_BREAK)

  it('holds the text across the pieces, each normalised and joined by one space', () => {
    expect(isVerbatim(facts, pieces('a b', 'c d'))).toBe(true)
    expect(isVerbatim(facts, pieces(' \u201Cx a ', 'b', ' c d, \u201D she said'))).toBe(true)
    expect(isVerbatim(facts, pieces('a b c d', 'a b', 'c d'))).toBe(true)
  })

  it('fails pieces out of order, a piece that is not part of the text, or text left out', () => {
    expect(isVerbatim(facts, pieces('c d', 'a b'))).toBe(false)
    expect(isVerbatim(facts, pieces('a b', 'c d', 'e'))).toBe(false)
    expect(isVerbatim(facts, pieces('e', 'a b', 'c d'))).toBe(false)
    expect(isVerbatim(facts, pieces('a b c d', 'c d'))).toBe(false)
    expect(isVerbatim(facts, pieces('a b', 'd'))).toBe(false)
    expect(isVerbatim(facts, pieces('a b', '', 'c d'))).toBe(false)
  })

  it('lets a paraphrase pass, as for a single annotation', () => {
    expect(isVerbatim({ kind: 'paraphrase', text: 'a b c d' }, pieces('x', 'y'))).toBe(true)
  })
})
