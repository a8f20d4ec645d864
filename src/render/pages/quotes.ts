/**
 * The who-said-what pages. Each article has one: the quotes it carries, grouped by speaker. A
 * person's or organization's group links to their page (an organization under the story's words
 * for it, "A State Department spokesperson"); an unnamed source is shown exactly as the story
 * attributes it ("a senior US official"). Groups follow the order in which their first quote
 * appears in the story. The index lists the articles' pages, newest first, and the quotes that
 * stand in no article.
 */
import type { Article, Quote } from '../../generated/types.js'
import type { SiteConfig } from '../../site-config.js'
import {
  type ContentIndex,
  quoteAnchor,
  quotesIn,
  type Speaker,
  speakerOf,
} from '../content-index.js'
import { escapeText } from '../escape.js'
import { element } from '../html.js'
import { articleLanguage } from '../language.js'
import { articlePage, articleQuotesPage, QUOTES_PAGE } from '../paths.js'
import { relativeHref } from '../url.js'
import { htmlDocument } from './layout.js'
import { firstPlace } from './person.js'
import { quoteEntryHtml, speakerHtml } from './quote-entry.js'

interface Group {
  speaker: Speaker
  quotes: Quote[]
}

/** The HTML document of the index of the who-said-what pages. */
export function quotesIndexHtml(index: ContentIndex, site?: SiteConfig): string {
  const page = QUOTES_PAGE
  const unplaced = [...index.quotes.values()].filter((quote) => !index.placements.has(quote._id))
  const items = index.articles.map((article) => {
    const count = quotesIn(article, index).length
    const link = element(
      'a',
      { href: relativeHref(page, articleQuotesPage(article)) },
      escapeText(article.headline),
    )
    return `<li>${link} (${count} ${count === 1 ? 'quote' : 'quotes'})</li>`
  })
  const main = [
    '<h1>Who said what</h1>',
    '<p>The quotes of each story, grouped by who said it.</p>',
    items.length === 0 ? '<p>There are no articles yet.</p>' : `<ul>\n${items.join('\n')}\n</ul>`,
    unplaced.length === 0
      ? ''
      : [
          '<section aria-labelledby="unplaced">',
          '<h2 id="unplaced">Quotes in no article</h2>',
          ...groupBySpeaker(unplaced, index).map((group, i) => groupHtml(group, i, index, page)),
          '</section>',
        ].join('\n'),
  ]
  return htmlDocument({
    page,
    title: 'Who said what',
    main: main.filter((part) => part !== '').join('\n'),
    site,
  })
}

/** The HTML document of `article`'s who-said-what page. */
export function articleQuotesPageHtml(
  article: Article,
  index: ContentIndex,
  site?: SiteConfig,
): string {
  const page = articleQuotesPage(article)
  const groups = groupBySpeaker(quotesIn(article, index), index)
  const story = element(
    'a',
    { href: relativeHref(page, articlePage(article)) },
    escapeText(article.headline),
  )
  const main = [
    '<h1>Who said what</h1>',
    `<p>Every quote in ${story}, grouped by who said it. Unnamed sources are named as the story attributes them.</p>`,
    ...groups.map((group, i) => groupHtml(group, i, index, page)),
  ]
  return htmlDocument({
    page,
    title: `Who said what: ${article.headline}`,
    main: main.join('\n'),
    lang: articleLanguage(article, site),
    site,
  })
}

/**
 * `quotes` grouped by speaker: one group per person or organization, one per distinct attribution.
 */
export function groupBySpeaker(quotes: readonly Quote[], index: ContentIndex): Group[] {
  const groups = new Map<string, Group>()
  const sorted = [...quotes].sort(
    (a, b) => firstPlace(a, index) - firstPlace(b, index) || (a._id < b._id ? -1 : 1),
  )
  for (const quote of sorted) {
    const speaker = speakerOf(quote, index)
    const key =
      speaker.kind === 'person'
        ? `person:${speaker.person._id}`
        : speaker.kind === 'organization'
          ? `organization:${speaker.organization._id}`
          : `said:${speaker.text}`
    const group = groups.get(key) ?? { speaker, quotes: [] }
    group.quotes.push(quote)
    groups.set(key, group)
  }
  return [...groups.values()]
}

function groupHtml(group: Group, position: number, index: ContentIndex, page: string): string {
  const { speaker } = group
  const headingId = `speaker-${position + 1}`
  const name = speakerHtml(speaker, page)
  const about =
    speaker.kind === 'person'
      ? speaker.person.role === undefined
        ? ''
        : `<p class="role">${escapeText(speaker.person.role)}</p>`
      : speaker.kind === 'organization'
        ? ''
        : '<p class="role">Unnamed source, as the story attributes it.</p>'
  const entries = group.quotes.map((quote) =>
    quoteEntryHtml(quote, index, page, quoteAnchor(quote._id)),
  )
  const content = [
    element('h2', { id: headingId }, name),
    about,
    `<ol class="quote-list">\n${entries.join('\n')}\n</ol>`,
  ]
  return element(
    'section',
    { class: 'quote-group', 'aria-labelledby': headingId },
    `\n${content.filter((part) => part !== '').join('\n')}\n`,
  )
}
