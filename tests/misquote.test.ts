/**
 * A misquote is reported on the quote: its file, its `/text`, and a message that shows where the
 * two texts differ, word by word, and where the article annotates the words.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { wordDiff } from '../src/check/word-diff.js'
import { messages } from '../src/messages.js'
import { BOTH_WAYS, type JsonProblem, type JsonReport } from './validate-cli.js'

const FIXTURE = '088-quote-misquoted-late-in-a-long-quote.ndjson'
const DIR = new URL('./fixtures/invalid/', import.meta.url).pathname

describe.each(BOTH_WAYS)('a quote that is not verbatim in the article ($way)', ({ run }) => {
  let report: JsonReport
  let problem: JsonProblem | undefined
  beforeAll(async () => {
    report = (await run([FIXTURE], { cwd: DIR })).report
    problem = report.problems[0]
  })

  it('is reported on the quote, at its text', () => {
    expect(report.problems).toHaveLength(1)
    expect(problem?.rule).toBe('quote/not-verbatim')
    expect(problem?.documentId).toBe('quote-blinken-engage')
    expect(problem?.pointer).toBe('/text')
    expect(problem?.line).toBe(2)
  })

  it('shows the words that differ, though the texts agree for their first 100 characters', () => {
    expect(problem?.message).toContain('[-ready-]{+willing+}')
    expect(problem?.message).not.toContain('happ…')
  })

  it('names the article and where it annotates the words', () => {
    expect(problem?.message).toContain(`\`article-g20\` (${FIXTURE}:1:`)
  })

  it('gives both texts in full, as actual (the quote) and expected (the annotated words)', () => {
    expect(problem?.actual).toMatch(/^I told .* always be ready to engage$/)
    expect(problem?.expected).toMatch(/^I told .* always be willing to engage$/)
  })
})

describe('wordDiff', () => {
  it('marks removed and added words, and keeps a few words of context', () => {
    expect(wordDiff('on the move', 'On the move')).toBe('[-on-]{+On+} the move')
    expect(wordDiff('a b c d e f g h i j', 'a b c d e f g h X j')).toBe('… e f g h [-i-]{+X+} j')
  })

  it('leaves out the words of the annotation that the quote does not cover', () => {
    expect(wordDiff('utter nonsense', 'this is nonsense said he')).toBe(
      '[-utter-]{+this is+} nonsense …',
    )
  })

  it('shows long texts that share no word as one change, without a quadratic table', () => {
    const a = Array.from({ length: 5000 }, (_, i) => `a${i}`).join(' ')
    const b = Array.from({ length: 5000 }, (_, i) => `b${i}`).join(' ')
    expect(wordDiff(a, b).startsWith('[-a0 a1')).toBe(true)
  })
})

describe('the message of a quote that is not verbatim', () => {
  it('names an annotating document without an id by where it is, and leaves out an unknown diff', () => {
    expect(messages.notVerbatim('quote-a', undefined, { id: null, at: 'a.ndjson:3:7' })).toBe(
      "Quote `quote-a` is not verbatim in the words the document at a.ndjson:3:7 annotates with it. Correct the quote's `text` to the words it quotes, or annotate the words the quote holds.",
    )
    expect(
      messages.notVerbatim('quote-a', '[-x-]{+y+}', { id: 'article-b', at: 'b.json:2:1' }),
    ).toBe(
      "Quote `quote-a` is not verbatim in the words `article-b` (b.json:2:1) annotates with it. Word by word, from the quote to those words: [-x-]{+y+}. Correct the quote's `text` to the words it quotes, or annotate the words the quote holds.",
    )
  })
})
