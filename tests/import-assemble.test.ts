/**
 * The assembler, with hand-written findings on the seed: the documents are modelled as the
 * hand-made content/ is, the annotations cover exactly the found ranges, and nothing is invented.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Article, Block, Photo } from '../src/generated/types.js'
import { altFromCaption, assembledDocuments, assembleStory } from '../src/importer/assemble.js'
import { readStory } from '../src/importer/read-story.js'
import type { Findings, FoundQuote, TextRange } from '../src/importer/story.js'
import { SEED_ARTICLE_ID, SEED_FILE } from './fixtures/seed/index.js'

const CONTENT = join(import.meta.dirname, '..', 'content')
const story = readStory(readFileSync(SEED_FILE), 'seed.txt')

function content<T>(folder: string, id: string): T {
  return JSON.parse(readFileSync(join(CONTENT, folder, `${id}.json`), 'utf8')) as T
}

/** The range of the `nth` (0-based) occurrence of `words` in paragraph or highlight `index`. */
function range(part: 'paragraph' | 'highlight', index: number, words: string, nth = 0): TextRange {
  const text = (part === 'paragraph' ? story.paragraphs : story.highlights)[index]?.text ?? ''
  let start = -1
  for (let i = 0; i <= nth; i++) start = text.indexOf(words, start + 1)
  if (start === -1) throw new Error(`${words} not in ${part} ${index}`)
  return { part, index, start, end: start + words.length }
}

const endTheWar =
  'US Secretary of State Antony Blinken told Russian Foreign Minister Sergei Lavrov to end the war and urged Moscow to reverse its suspension of the New START nuclear treaty'
const armsControl =
  'I told the foreign minister that no matter what else is happening in the world or in our relationship, the United States will always be ready to engage and act on strategic arms control, just as the United States and the Soviet Union did even at the height of the Cold War'

const quotes: FoundQuote[] = [
  {
    id: 'quote-senior-us-official-end-the-war',
    text: endTheWar,
    kind: 'paraphrase',
    attribution: 'a senior US official',
    ranges: [range('paragraph', 1, endTheWar)],
  },
  {
    id: 'quote-blinken-arms-control',
    text: armsControl,
    kind: 'direct',
    speaker: 'person-antony-blinken',
    occasion: 'a news conference',
    ranges: [range('paragraph', 4, armsControl)],
  },
]

const findings: Findings = {
  people: [
    {
      id: 'person-antony-blinken',
      existing: false,
      name: 'Antony Blinken',
      alternateNames: [],
      role: 'US Secretary of State',
    },
    {
      id: 'person-sergei-lavrov',
      existing: false,
      name: 'Sergei Lavrov',
      alternateNames: ['Sergey Lavrov'],
      role: 'Russian Foreign Minister',
    },
  ],
  organizations: [{ id: 'organization-g20', existing: true, name: 'G20', alternateNames: [] }],
  quotes,
  mentions: [
    { kind: 'person', id: 'person-antony-blinken', range: range('highlight', 0, 'Blinken') },
    { kind: 'person', id: 'person-sergei-lavrov', range: range('highlight', 0, 'Lavrov') },
    { kind: 'person', id: 'person-antony-blinken', range: range('paragraph', 1, 'Antony Blinken') },
    { kind: 'person', id: 'person-sergei-lavrov', range: range('paragraph', 1, 'Sergei Lavrov') },
    { kind: 'person', id: 'person-antony-blinken', range: range('paragraph', 4, 'Blinken') },
    { kind: 'organization', id: 'organization-g20', range: range('paragraph', 0, 'G20') },
    // In the caption: the model has no annotations there, so this one is not made.
    {
      kind: 'person',
      id: 'person-sergei-lavrov',
      range: { part: 'caption', index: 0, start: 0, end: 5 },
    },
  ],
  review: [],
}

const empty: Findings = { people: [], organizations: [], quotes: [], mentions: [], review: [] }

describe('the article', () => {
  const { article } = assembleStory(story, findings)
  const gold = content<Article>('articles', SEED_ARTICLE_ID)

  it('has the hand-made article’s id, slug and plain fields', () => {
    const { highlights, body, photo, ...fields } = article
    const { highlights: _h, body: _b, photo: _p, ...goldFields } = gold
    expect(fields).toEqual(goldFields)
    expect(Object.keys(article)).toEqual(Object.keys(gold))
  })

  it('annotates a paraphrase and the people named in it as content/ does, keys included', () => {
    expect(article.body[1]).toEqual(gold.body[1])
  })

  it('annotates a direct quote and its speaker as content/ does, keys included', () => {
    expect(article.body[4]).toEqual(gold.body[4])
  })

  it('makes the highlights bullet blocks, annotated as content/ does', () => {
    expect(article.highlights?.[0]).toEqual(gold.highlights?.[0])
    expect(article.highlights?.[2]).toEqual(gold.highlights?.[2])
  })

  it('covers exactly the found range with an organization mention', () => {
    const block = article.body[0] as Block
    const marked = block.children.filter((span) => (span.marks ?? []).length > 0)
    expect(marked).toEqual([{ _type: 'span', _key: 'b01s2', text: 'G20', marks: ['b01o1'] }])
    expect(block.markDefs).toEqual([
      {
        _type: 'organizationMention',
        _key: 'b01o1',
        organization: { _type: 'reference', _ref: 'organization-g20' },
      },
    ])
  })

  it('keeps every paragraph’s text, annotated or not', () => {
    expect(
      article.body.map((block) => (block as Block).children.map((s) => s.text).join('')),
    ).toEqual(story.paragraphs.map((p) => p.text))
  })

  it('gives the same keys every time', () => {
    expect(assembleStory(story, findings).article).toEqual(article)
  })
})

describe('the other documents', () => {
  const assembled = assembleStory(story, findings)

  it('writes new people as content/ models them, and not the ones the folder has', () => {
    expect(assembled.people).toEqual([
      content('people', 'person-antony-blinken'),
      content('people', 'person-sergei-lavrov'),
    ])
    expect(assembled.organizations).toEqual([])
  })

  it('writes quotes as content/ models them: speaker, or attribution for an unnamed source', () => {
    expect(assembled.quotes).toEqual([
      content('quotes', 'quote-senior-us-official-end-the-war'),
      content('quotes', 'quote-blinken-arms-control'),
    ])
  })

  it('writes the photo with the caption verbatim, alt text from its first clause, no credit', () => {
    expect(assembled.photo).toEqual({
      _id: 'photo-first-top-level-us-russia-meeting-after-ukraine-war',
      _type: 'photo',
      alt: 'US Secretary of State Antony Blinken and Russian Foreign Minister Sergey Lavrov',
      caption: content<Photo>('photos', 'photo-blinken-lavrov-phnom-penh').caption,
    })
    expect(assembled.review).toEqual([
      expect.objectContaining({
        code: 'import/alt-from-caption',
        documentId: assembled.photo?._id,
      }),
    ])
  })

  it('lists the documents article first', () => {
    expect(assembledDocuments(assembled).map((d) => d._id)).toEqual([
      'article-first-top-level-us-russia-meeting-after-ukraine-war',
      'photo-first-top-level-us-russia-meeting-after-ukraine-war',
      'person-antony-blinken',
      'person-sergei-lavrov',
      'quote-senior-us-official-end-the-war',
      'quote-blinken-arms-control',
    ])
  })
})

describe('what cannot be written as found', () => {
  it('leaves out a quote with neither speaker nor source, and says so', () => {
    const words = 'on the move'
    const anonymous: FoundQuote = {
      id: 'quote-on-the-move',
      text: words,
      kind: 'partial',
      ranges: [range('paragraph', 2, words)],
    }
    const assembled = assembleStory(story, { ...empty, quotes: [anonymous] })
    expect(assembled.quotes).toEqual([])
    expect((assembled.article.body[2] as Block).markDefs).toEqual([])
    expect(assembled.review.map((item) => item.code)).toContain('import/quote-not-written')
  })

  it('writes a quote across paragraphs as one Quote, annotated in each paragraph', () => {
    const first = range('paragraph', 19, 'shamelessly burying')
    const second = range('paragraph', 20, 'The G20 includes')
    const across: FoundQuote = {
      id: 'quote-across',
      text: 'shamelessly burying The G20 includes',
      kind: 'partial',
      speaker: 'person-sergei-lavrov',
      ranges: [first, second],
    }
    const assembled = assembleStory(story, { ...empty, quotes: [across] })
    expect(assembled.quotes.map((q) => [q._id, q.text])).toEqual([
      ['quote-across', 'shamelessly burying The G20 includes'],
    ])
    for (const [index, words] of [
      [19, 'shamelessly burying'],
      [20, 'The G20 includes'],
    ] as const) {
      const block = assembled.article.body[index] as Block
      const key = block.markDefs.find((def) => def._type === 'quotation')?._key
      expect(block.markDefs).toEqual([
        { _type: 'quotation', _key: key, quote: { _type: 'reference', _ref: 'quote-across' } },
      ])
      const marked = block.children.filter((child) => child.marks?.includes(key as string))
      expect(marked.map((child) => child.text)).toEqual([words])
    }
    expect(assembled.review.map((item) => item.code)).toEqual(['import/alt-from-caption'])
  })

  it('makes an article without standfirst, caption or highlights without those fields', () => {
    const bare = readStory('Monday, February 29, 2016\n\nLeap day\n\nIt happened.\n', 'bare.txt')
    const assembled = assembleStory(bare, empty)
    expect(assembled.article).toEqual({
      _id: 'article-leap-day',
      _type: 'article',
      headline: 'Leap day',
      slug: { _type: 'slug', current: 'leap-day' },
      datePublished: '2016-02-29',
      language: 'en',
      body: [
        {
          _type: 'block',
          _key: 'b01',
          style: 'normal',
          children: [{ _type: 'span', _key: 'b01s1', text: 'It happened.', marks: [] }],
          markDefs: [],
        },
      ],
    })
    expect(assembled.photo).toBeUndefined()
    expect(assembled.review).toEqual([])
  })
})

describe('alt text from a caption', () => {
  it.each([
    ['Ada Example, left, speaks in Testville', 'Ada Example'],
    ['Ada Example speaks - in Testville', 'Ada Example speaks'],
    ['A harbour at dawn', 'A harbour at dawn'],
  ])('%s → %s', (caption, alt) => {
    expect(altFromCaption(caption)).toBe(alt)
  })

  it('cuts a clause longer than 300 characters at a word', () => {
    const alt = altFromCaption(`${'word '.repeat(100)}end`)
    expect(alt.length).toBeLessThanOrEqual(300)
    expect(alt.endsWith('word')).toBe(true)
  })
})
