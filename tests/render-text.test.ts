/**
 * The plain-text article reproduces the seed story line by line, in order. The only differences
 * allowed: the photo caption appears once (the seed prints it twice), blank lines, and whitespace
 * at the start and end of a line.
 */
import { readFileSync } from 'node:fs'
import { renderArticle } from 'us-russia-g20-story/render'
import { afterEach, describe, expect, it } from 'vitest'
import { contentDocuments, SEED_FILE } from './fixtures/render/html.js'
import { ARTICLE_ID, articleOf, storyDocuments } from './fixtures/render/story.js'

/** Lines without surrounding whitespace, blank lines dropped. */
function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
}

/** The seed's lines with the repeated caption line printed once. */
function seedLines(): string[] {
  return lines(readFileSync(SEED_FILE, 'utf8')).filter(
    (line, i, all) => i === 0 || line !== all[i - 1],
  )
}

describe('--format text of the story in content/', () => {
  const documents = contentDocuments()
  const article = documents.find((document) => document._type === 'article')
  const text = renderArticle(documents, article?._id ?? '', 'text')

  it('reproduces every line of the seed, in order, and nothing else', () => {
    expect(lines(text)).toEqual(seedLines())
  })

  it('begins with the date line and puts the dateline before the first paragraph', () => {
    expect(lines(text)[0]).toBe('Friday, March 03, 2023')
    expect(lines(text).filter((line) => line.startsWith('NEW DELHI: '))).toHaveLength(1)
  })

  it('separates paragraphs with one blank line and ends with a newline', () => {
    expect(text.endsWith('\n')).toBe(true)
    expect(text).not.toMatch(/\n\n\n/)
  })
})

describe('the date line', () => {
  const saved = process.env.TZ
  afterEach(() => {
    process.env.TZ = saved
  })

  it.each(['Pacific/Kiritimati', 'America/Los_Angeles', 'Pacific/Pago_Pago', 'UTC'])(
    'is the calendar date of datePublished in time zone %s',
    (zone) => {
      process.env.TZ = zone
      const text = renderArticle(storyDocuments(), ARTICLE_ID, 'text')
      expect(lines(text)[0]).toBe('Friday, March 03, 2023')
    },
  )

  it.each([
    ['2024-02-29', 'Thursday, February 29, 2024'],
    ['2023-12-31T23:30:00-05:00', 'Sunday, December 31, 2023'],
    ['2023-01-01T00:30:00+14:00', 'Sunday, January 01, 2023'],
  ])('reads %s as %s', (date, expected) => {
    const documents = storyDocuments()
    articleOf(documents).datePublished = date
    expect(lines(renderArticle(documents, ARTICLE_ID, 'text'))[0]).toBe(expected)
  })
})

describe('--format text of the fixture story', () => {
  const text = renderArticle(storyDocuments(), ARTICLE_ID, 'text')

  it('prints highlights and lists as items, headings and photos as lines', () => {
    expect(lines(text)).toEqual([
      'Friday, March 03, 2023',
      'Test ministers meet for the first time',
      'Example urged her counterpart to test everything',
      'Ada Example speaks in Testville on March 2, 2023',
      '• Example meets Sample',
      '• Calls for more tests.',
      'TESTVILLE: “We will test everything,” Ada Example said.',
      'A senior test official said the talks were "on the record", and Bo Sample said Ada Example had asked for more tests.',
      'What was said',
      '“Testing is how we know”',
      'Details',
      '• First point, strongly made',
      '• A nested point',
      '1. Step one',
      '2. Step two',
      'Bo Sample meets Ada Example (Test Agency)',
      'Read the test report online.',
      'A second line.',
    ])
    expect(text).toContain('\n  • A nested point\n')
  })
})
