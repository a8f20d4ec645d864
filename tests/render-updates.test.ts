/**
 * Corrections and updates (issue 12 §3), on test content only: the dated notice on the article
 * page, `dateModified` and `correction` in JSON-LD, ninjs `versionCreated` only for a time, the
 * text and Markdown renderings, and `lastModified` for the feeds.
 */
import type { Article } from 'us-russia-g20-story'
import {
  lastModified,
  renderArticle,
  renderArticleJsonLd,
  renderNinjs,
  renderSite,
} from 'us-russia-g20-story/render'
import { describe, expect, it } from 'vitest'
import { attr, hasClass, type Page, pagesOf, text } from './fixtures/render/html.js'
import {
  ARTICLE_ID,
  articleOf,
  block,
  mention,
  quotation,
  span,
  storyDocuments,
} from './fixtures/render/story.js'
import {
  CORRECTION_TEXT,
  storyWithUpdates,
  UPDATE_TEXT,
  update,
} from './fixtures/render/updates.js'

const PAGE = 'articles/test-ministers-meet/index.html'

function articlePage(documents = storyWithUpdates()): Page {
  return pagesOf(renderSite(documents)).get(PAGE) as Page
}

describe('the article page', () => {
  it('shows each correction and update as a dated notice in a labelled section', () => {
    const page = articlePage()
    const section = page.all('section').find((element) => hasClass(element, 'updates'))
    expect(section).toBeDefined()
    const heading = page.byId(attr(section as never, 'aria-labelledby') as string)
    expect(text(heading as never)).toBe('Corrections and updates')
    const notices = page.all('div').filter((element) => hasClass(element, 'update'))
    expect(notices.map((notice) => text(notice).replace(/\s+/g, ' ').trim())).toEqual([
      `Correction, March 4, 2023: ${CORRECTION_TEXT}`,
      `Update, March 5, 2023: ${UPDATE_TEXT}`,
    ])
    expect(page.all('time').map((time) => attr(time, 'datetime'))).toEqual([
      '2023-03-03',
      '2023-03-04',
      '2023-03-05T09:30:00+01:00',
    ])
    expect(page.html).toContain('&lt;Bo&gt; &amp; “Sample”')
  })

  it('has no notice when the article has no updates', () => {
    const page = articlePage(storyDocuments())
    expect(page.all('section').some((element) => hasClass(element, 'updates'))).toBe(false)
  })
})

describe('JSON-LD', () => {
  it('dates the article modified at its latest update, and carries each correction', () => {
    const data = renderArticleJsonLd(storyWithUpdates(), ARTICLE_ID)
    expect(data.dateModified).toBe('2023-03-05T09:30:00+01:00')
    expect(data.correction).toEqual([
      { '@type': 'CorrectionComment', text: CORRECTION_TEXT, datePublished: '2023-03-04' },
    ])
  })

  it('has neither without updates, and no correction for an update that corrects nothing', () => {
    const plain = renderArticleJsonLd(storyDocuments(), ARTICLE_ID)
    expect(plain).not.toHaveProperty('dateModified')
    expect(plain).not.toHaveProperty('correction')
    const updated = renderArticleJsonLd(
      storyWithUpdates([update('update', '2023-03-04', UPDATE_TEXT)]),
      ARTICLE_ID,
    )
    expect(updated.dateModified).toBe('2023-03-04')
    expect(updated).not.toHaveProperty('correction')
  })
})

describe('ninjs', () => {
  it('sets versionCreated to the latest update when it has a time', () => {
    expect(renderNinjs(storyWithUpdates(), ARTICLE_ID).versionCreated).toBe(
      '2023-03-05T09:30:00+01:00',
    )
  })

  it('leaves versionCreated out when the latest update is date-only, or there is none', () => {
    const dateOnly = storyWithUpdates([
      update('update', '2023-03-04T10:00:00Z', UPDATE_TEXT),
      update('correction', '2023-03-06', CORRECTION_TEXT),
    ])
    expect(renderNinjs(dateOnly, ARTICLE_ID)).not.toHaveProperty('versionCreated')
    expect(renderNinjs(storyDocuments(), ARTICLE_ID)).not.toHaveProperty('versionCreated')
  })
})

describe('text and Markdown', () => {
  it('end with the notices', () => {
    const plain = renderArticle(storyWithUpdates(), ARTICLE_ID, 'text')
    expect(
      plain.endsWith(
        `\n\nCorrections and updates\n\nCorrection, March 4, 2023: ${CORRECTION_TEXT}\n\nUpdate, March 5, 2023: ${UPDATE_TEXT}\n`,
      ),
      plain,
    ).toBe(true)
    const markdown = renderArticle(storyWithUpdates(), ARTICLE_ID, 'markdown')
    expect(markdown).toContain('## Corrections and updates\n\n**Correction, March 4, 2023:**\n\n')
    expect(markdown).toContain('**Update, March 5, 2023:**\n\nSample later confirmed the talks.\n')
  })
})

describe('lastModified', () => {
  const withUpdates = (...dates: string[]): Article => ({
    ...articleOf(storyDocuments()),
    updates: dates.map((date) => update('update', date, UPDATE_TEXT)),
  })

  it('is the latest update date as written, whatever the list order', () => {
    expect(lastModified(withUpdates('2023-03-06', '2023-03-04'))).toBe('2023-03-06')
    expect(lastModified(withUpdates('2023-03-04T23:00:00-05:00', '2023-03-05T01:00:00Z'))).toBe(
      '2023-03-04T23:00:00-05:00',
    )
  })

  it('is undefined for an article never updated', () => {
    expect(lastModified(articleOf(storyDocuments()))).toBeUndefined()
    expect(lastModified(withUpdates())).toBeUndefined()
  })
})

describe('quotes and names in an update', () => {
  /** The story with an update that quotes a new source and names a new person. */
  function storyWithQuotingUpdate() {
    const late = update('update', '2023-03-05', '')
    late.text = [
      block(
        [
          span('A spokesperson for '),
          span('Cy Late', 'm1'),
          span(' later said: '),
          span('This quote stands in no article', 'q1'),
        ],
        [mention('m1', 'person-cy-late'), quotation('q1', 'quote-unplaced')],
      ),
    ]
    return [
      ...storyWithUpdates([late]),
      {
        _id: 'person-cy-late',
        _type: 'person',
        name: 'Cy Late',
        slug: { _type: 'slug', current: 'cy-late' },
      },
    ] as ReturnType<typeof storyDocuments>
  }

  it('carries the quote in JSON-LD and names the person in mentions', () => {
    const data = renderArticleJsonLd(storyWithQuotingUpdate(), ARTICLE_ID) as {
      hasPart?: { text?: string }[]
      mentions?: { name?: string }[]
    }
    expect(data.hasPart?.map((part) => part.text)).toContain('This quote stands in no article')
    expect(data.mentions?.map((person) => person.name)).toContain('Cy Late')
  })

  it('lists the quote with who said what, linked to its place in the update', () => {
    const page = articlePage(storyWithQuotingUpdate())
    const target = page.byId('quote-unplaced')
    expect(target, 'the quote is marked in the update').toBeDefined()
    const links = page.all('a').filter((a) => attr(a, 'href') === '#quote-unplaced')
    expect(links.length).toBeGreaterThan(0)
  })
})
