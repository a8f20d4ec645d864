/**
 * A misquote is reported on the quote: its file, its `/text`, and a message that shows where the
 * two texts differ, word by word, and where the article annotates the words.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { messages } from '../src/messages.js'
import { wordDiff } from '../src/validator/checks/word-diff.js'
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

  it('shows a word replaced at either end as removed and added, not as annotation left out', () => {
    expect(wordDiff('1 2 3 4 5 6 7 8 9 X', '1 2 3 4 5 6 7 8 9 Y')).toBe('… 6 7 8 9 [-X-]{+Y+}')
    expect(wordDiff('X 1 2 3 4 5 6 7 8 9', 'Y 1 2 3 4 5 6 7 8 9')).toBe('[-X-]{+Y+} 1 2 3 4 …')
    expect(wordDiff('a 1 2 3 4 5 6 7 8 b', 'A 1 2 3 4 5 6 7 8 B')).toBe(
      '[-a-]{+A+} 1 2 3 4 5 6 7 8 [-b-]{+B+}',
    )
    expect(wordDiff('a 1 2 3 4 5 6 7 8 9 b', 'A 1 2 3 4 5 6 7 8 9 B')).toBe(
      '[-a-]{+A+} 1 2 3 4 … 6 7 8 9 [-b-]{+B+}',
    )
  })

  it('shows words only removed or only added in the middle, with no empty brackets', () => {
    expect(wordDiff('a b c', 'a c')).toBe('a [-b-] c')
    expect(wordDiff('a c', 'a b c')).toBe('a {+b+} c')
    expect(wordDiff('x x x', 'x x')).toBe('x x [-x-]')
    expect(wordDiff('a b k', 'k a b')).toBe('a b [-k-]')
    expect(wordDiff('a', '')).toBe('[-a-]')
  })

  it('keeps several changes apart, each with its context, and cuts long unchanged runs', () => {
    expect(
      wordDiff(
        'one two three four five six seven eight nine ten eleven twelve',
        'one two THREE four five six seven eight nine ten ELEVEN twelve',
      ),
    ).toBe(
      'one two [-three-]{+THREE+} four five six seven eight nine ten [-eleven-]{+ELEVEN+} twelve',
    )
    expect(wordDiff('a b c d e f g h i j k l m n', 'a b c d e Z g h i j k l m n')).toBe(
      '… b c d e [-f-]{+Z+} g h i j …',
    )
    expect(wordDiff('p q r s', 'q p s r')).toBe('[-p-] q [-r-]{+p+} s …')
    expect(wordDiff('x A', 'B x')).toBe('x [-A-]')
    expect(wordDiff('k a b', 'a b k')).toBe('[-k-] a b …')
    expect(wordDiff('P m n Q', 'R m n S T')).toBe('[-P-]{+R+} m n [-Q-]{+S T+}')
    expect(wordDiff('P m n o p q r Q', 'R m n o p q r S T')).toBe(
      '[-P-]{+R+} m n o p q r [-Q-]{+S T+}',
    )
  })

  it('marks one "…" where annotation words beyond the quote are left out', () => {
    expect(wordDiff('a b', 'a b c d')).toBe('a b …')
    expect(wordDiff('c d', 'a b c d')).toBe('c d')
    expect(wordDiff('b c', 'a b c d')).toBe('b c …')
    expect(wordDiff('x x', 'x x x')).toBe('x x …')
    expect(wordDiff('X 1 2 3 4 5 6', 'Y 1 2 3 4 5 6 extra')).toBe('[-X-]{+Y+} 1 2 3 4 …')
    expect(wordDiff('', 'a')).toBe('')
    expect(wordDiff('', '')).toBe('')
  })

  it('compares words, whatever the spaces between them, and keeps punctuation and case', () => {
    expect(wordDiff('  spaced   out\ttext ', 'spaced out\ntext')).toBe('spaced out text')
    expect(wordDiff('same words here', 'same words here')).toBe('same words here')
    expect(wordDiff('Hello, world.', 'Hello world.')).toBe('[-Hello,-]{+Hello+} world.')
  })

  it('diffs a middle of exactly a million cells word by word, and a larger one as one change', () => {
    const common = Array.from({ length: 998 }, (_, i) => `c${i}`)
    const exact = wordDiff(['X', ...common, 'Y'].join(' '), ['P', ...common, 'Q'].join(' '))
    expect(exact).toBe('[-X-]{+P+} c0 c1 c2 c3 … c994 c995 c996 c997 [-Y-]{+Q+}')
    const a = ['X', 'Z', ...common, 'Y'].join(' ')
    const b = ['P', ...common, 'Q'].join(' ')
    expect(wordDiff(a, b)).toBe(`[-${a}-]{+${b}+}`)
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
