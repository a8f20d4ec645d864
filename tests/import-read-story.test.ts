/**
 * The reader: wire copy in the seed's layout becomes a WireStory, whatever the quotation marks,
 * bullets, blank lines, trailing spaces and line ends; every part keeps its line and column.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readStory } from '../src/importer/read-story.js'
import type { WireStory } from '../src/importer/story.js'
import { StoryError } from '../src/importer/story-error.js'
import { SEED_FILE } from './fixtures/seed/index.js'

const SEED = readFileSync(SEED_FILE, 'utf8')

/** The rules the reader refuses `text` with. */
function refused(text: string | Uint8Array): StoryError {
  try {
    readStory(text, 'story.txt')
  } catch (error) {
    expect(error).toBeInstanceOf(StoryError)
    return error as StoryError
  }
  throw new Error('accepted')
}

/** The parts' texts, without positions: what must not change between variants of one story. */
function texts(story: WireStory) {
  return {
    date: story.date.iso,
    headline: story.headline.text,
    standfirst: story.standfirst?.text,
    caption: story.caption?.text,
    highlights: story.highlights.map((h) => h.text),
    dateline: story.dateline,
    paragraphs: story.paragraphs.map((p) => p.text),
  }
}

describe('the seed', () => {
  const story = readStory(SEED, 'seed.txt')

  it('reads the date line as written and as an ISO date', () => {
    expect(story.file).toBe('seed.txt')
    expect(story.date).toEqual({
      text: 'Friday, March 03, 2023',
      line: 1,
      column: 1,
      iso: '2023-03-03',
    })
  })

  it('reads the headline, the standfirst and the caption printed twice, with their lines', () => {
    expect(story.headline).toEqual({
      text: 'First top-level US-Russia meeting after Ukraine war',
      line: 3,
      column: 1,
    })
    expect(story.standfirst?.text).toMatch(/^Blinken asked his Russian counterpart/)
    expect(story.standfirst?.line).toBe(5)
    expect(story.caption).toMatchObject({ line: 7, column: 1, printed: 2 })
    expect(story.caption?.text).toMatch(/^US Secretary of State .* on March 2, 2023$/)
  })

  it('reads the highlights without bullets or trailing (non-breaking) spaces, at their column', () => {
    expect(story.highlights).toEqual([
      {
        text: 'Blinken meets Lavrov for first time since invasion of Ukraine.',
        line: 10,
        column: 5,
      },
      { text: 'Blinken urges Lavrov to end Ukraine conflict.', line: 11, column: 5 },
      {
        text: 'Calls on Russia to reverse suspension of New START nuclear treaty.',
        line: 12,
        column: 5,
      },
    ])
  })

  it('takes the dateline off the first paragraph, and keeps the paragraph’s column', () => {
    expect(story.dateline).toBe('NEW DELHI')
    expect(story.paragraphs[0]).toEqual({
      text: expect.stringMatching(/^Russia and the United States' top diplomats/),
      line: 14,
      column: 12,
    })
  })

  it('reads every body paragraph once, in order, quotation marks untouched', () => {
    expect(story.paragraphs).toHaveLength(25)
    expect(story.paragraphs[4]?.text).toMatch(/^“I told the foreign minister/)
    expect(story.paragraphs[7]?.text).toContain('"special military operation"')
    expect(story.paragraphs.at(-1)?.text).toMatch(/told reporters at the end of the meeting\.$/)
    const lines = SEED.split('\n')
    for (const p of story.paragraphs) {
      expect(lines[p.line - 1]?.slice(p.column - 1)).toBe(p.text)
    }
  })
})

describe('variants of the layout', () => {
  const seed = texts(readStory(SEED, 'seed.txt'))

  it('reads CRLF line ends and trailing spaces as the same story', () => {
    const crlf = SEED.replace(/\n/g, '  \r\n')
    expect(texts(readStory(crlf, 'crlf.txt'))).toEqual(seed)
  })

  it('reads old Mac line ends (CR alone) as the same story', () => {
    expect(texts(readStory(SEED.replace(/\n/g, '\r'), 'cr.txt'))).toEqual(seed)
  })

  it('reads a caption printed once', () => {
    const lines = SEED.split('\n')
    lines.splice(7, 1)
    const story = readStory(lines.join('\n'), 'once.txt')
    expect(texts(story)).toEqual(seed)
    expect(story.caption?.printed).toBe(1)
  })

  it.each(['-', '*', '•'])('reads bullets written as %s, with or without an indent', (bullet) => {
    const text = SEED.replace(/^ {2}• /gm, `${bullet} `)
    expect(texts(readStory(text, 'bullets.txt'))).toEqual(seed)
  })

  it('reads more or fewer blank lines, and a byte order mark', () => {
    const text = `\uFEFF\n${SEED.replace(/\n\n/g, '\n\n\n').replace(/\n\n\n\n/g, '\n')}\n\n`
    expect(texts(readStory(text, 'blank.txt'))).toEqual(seed)
  })

  it('reads straight quotation marks as well as curly ones, untouched', () => {
    const text = SEED.replace(/[“”]/g, '"')
    const story = readStory(text, 'straight.txt')
    expect(story.paragraphs[4]?.text).toMatch(/^"I told the foreign minister/)
  })

  it('reads a story without a standfirst, caption or highlights', () => {
    const text = 'Monday, February 29, 2016\n\nLeap day\n\nLONDON: It happened.\n\nThen more.\n'
    const story = readStory(text, 'short.txt')
    expect(texts(story)).toEqual({
      date: '2016-02-29',
      headline: 'Leap day',
      standfirst: undefined,
      caption: undefined,
      highlights: [],
      dateline: 'LONDON',
      paragraphs: ['It happened.', 'Then more.'],
    })
  })

  it('reads a story without a dateline: the body starts after the highlights', () => {
    const text = 'Monday, February 29, 2016\nLeap day\nA summary\n• One\nIt happened.\n'
    const story = readStory(text, 'short.txt')
    expect(story.standfirst?.text).toBe('A summary')
    expect(story.dateline).toBeUndefined()
    expect(story.paragraphs).toEqual([{ text: 'It happened.', line: 5, column: 1 }])
  })

  it('accepts a quote that runs on into the next paragraph, reopened as wire copy does', () => {
    const text =
      'Monday, February 29, 2016\n\nLeap day\n\nLONDON: “It is a day,” he said. “We like it.\n\n“It comes back,” he added.\n'
    expect(readStory(text, 'continued.txt').paragraphs).toHaveLength(2)
  })
})

describe('bad input', () => {
  const story = (body: string) => `Monday, February 29, 2016\n\nLeap day\n\n${body}\n`

  it.each([
    ['an empty file', '', 'import/empty', 1, 1],
    ['only blank lines', ' \n\r\n\t\n', 'import/empty', 1, 1],
    ['no headline', 'Friday, March 03, 2023\n\n', 'import/no-headline', 1, 23],
    [
      'a headline that is a bullet',
      'Friday, March 03, 2023\n\n• Point\n',
      'import/no-headline',
      3,
      1,
    ],
    ['no date line', 'First meeting\n\nIt happened.\n', 'import/date-line', 1, 1],
    [
      'a weekday that is wrong',
      'Thursday, March 03, 2023\nHeadline\nText.\n',
      'import/date-line',
      1,
      1,
    ],
    [
      'a day that does not exist',
      'Friday, February 30, 2023\nHeadline\nText.\n',
      'import/date-line',
      1,
      1,
    ],
    ['no body', 'Friday, March 03, 2023\nHeadline\nSummary\n• Point\n', 'import/no-body', 4, 1],
    [
      'three lines before the highlights',
      'Friday, March 03, 2023\nHeadline\nOne\nTwo\nThree\n• Point\nText.\n',
      'import/layout',
      5,
      1,
    ],
    [
      'an unterminated curly quote',
      story('LONDON: He said “it is.\n\nThen more.'),
      'import/unterminated-quote',
      5,
      17,
    ],
    ['an unterminated straight quote', story('He said "it is.'), 'import/unterminated-quote', 5, 9],
    [
      'a quote left open at the end',
      story('LONDON: “It is.\n\n“It is not.'),
      'import/unterminated-quote',
      7,
      1,
    ],
    [
      'an open quote in the headline',
      'Friday, March 03, 2023\n"Head\nText.\n',
      'import/unterminated-quote',
      2,
      1,
    ],
    ['a control character', story('It\u0007 happened.'), 'import/binary', 5, 3],
  ])('refuses %s', (_, text, rule, line, column) => {
    const error = refused(text)
    expect(error.diagnostics).toEqual([
      expect.objectContaining({ rule, line, column, file: 'story.txt', severity: 'error' }),
    ])
    expect(error.diagnostics[0]?.message).toMatch(/\.$/)
  })

  it('refuses binary data, where its first NUL byte is', () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00])
    expect(refused(bytes).diagnostics[0]).toMatchObject({
      rule: 'import/binary',
      line: 3,
      column: 1,
    })
  })

  it('refuses invalid UTF-8, where its first bad byte is', () => {
    const bytes = Buffer.concat([Buffer.from('Friday, March 03, 2023\nHé'), Buffer.from([0xff])])
    expect(refused(bytes).diagnostics[0]).toMatchObject({
      rule: 'import/encoding',
      line: 2,
      column: 3,
    })
  })

  it('refuses a 10 MB line, and says how long it is', () => {
    const error = refused(story('x'.repeat(10 * 1024 * 1024)))
    expect(error.diagnostics[0]).toMatchObject({ rule: 'import/line-too-long', line: 5, column: 1 })
    expect(error.diagnostics[0]?.message).toContain('10485760')
  })
})
