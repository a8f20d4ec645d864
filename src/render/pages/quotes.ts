/**
 * The who-said-what pages. Each article has one: the quotes it carries, grouped by speaker. A
 * person's or organization's group links to their page (an organization under the story's words
 * for it, "A State Department spokesperson"); an unnamed source is shown as the story attributes
 * it ("A senior US official"). Groups follow the order in which their first quote appears in the
 * story. The site-wide page lists the articles, newest first, each with how many quotes from how
 * many speakers it carries, and then the quotes that stand in no article.
 */
import type { Article } from '../../generated/types.js'
import type { SiteConfig } from '../../site-config.js'
import { type ContentIndex, quoteAnchor, quotesIn } from '../content-index.js'
import { calendarDate, machineDate, shortDate } from '../dates.js'
import { element } from '../html.js'
import { articleLanguage } from '../language.js'
import { articlePage, articleQuotesPage, QUOTES_PAGE } from '../paths.js'
import { pageText } from '../typography.js'
import { relativeHref } from '../url.js'
import { htmlDocument } from './layout.js'
import { quoteEntryHtml, speakerHtml } from './quote-entry.js'
import { groupBySpeaker, type SpeakerGroup } from './speaker-groups.js'

/** The HTML document of the site-wide who-said-what page. */
export function quotesIndexHtml(index: ContentIndex, site?: SiteConfig): string {
  const page = QUOTES_PAGE
  const unplaced = [...index.quotes.values()].filter((quote) => !index.placements.has(quote._id))
  const items = index.articles.map((article) => articleItem(article, index, page))
  const main = [
    '<h1>Who said what</h1>',
    '<p>The quotes of each story, grouped by who said them.</p>',
    items.length === 0
      ? '<p>There are no articles yet.</p>'
      : `<ol class="articles">\n${items.join('\n')}\n</ol>`,
    unplaced.length === 0
      ? ''
      : [
          '<section aria-labelledby="unplaced">',
          '<h2 id="unplaced">Quotes in no article</h2>',
          ...groupBySpeaker(unplaced, index).map((group, i) => groupHtml(group, i, index, page, 3)),
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

/** An article on the site-wide page: its headline (to its quotes page), date and counts. */
function articleItem(article: Article, index: ContentIndex, page: string): string {
  const quotes = quotesIn(article, index)
  const speakers = groupBySpeaker(quotes, index).length
  const link = element(
    'a',
    { href: relativeHref(page, articleQuotesPage(article)) },
    pageText(article.headline),
  )
  const date = element(
    'time',
    { datetime: machineDate(article.datePublished) },
    pageText(shortDate(calendarDate(article.datePublished, article._id))),
  )
  const counts =
    quotes.length === 0
      ? 'No quotes'
      : `${plural(quotes.length, 'quote')} from ${plural(speakers, 'speaker')}`
  return `<li>\n<h2>${link}</h2>\n<p class="date">${date} · ${counts}</p>\n</li>`
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
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
    pageText(article.headline),
  )
  const main = [
    '<h1>Who said what</h1>',
    `<p>Every quote in ${story}, grouped by who said it. A source that is not a person or organization of this site is named in the story’s own words.</p>`,
    ...groups.map((group, i) => groupHtml(group, i, index, page, 2)),
  ]
  return htmlDocument({
    page,
    title: `Who said what: ${article.headline}`,
    main: main.join('\n'),
    lang: articleLanguage(article, site),
    site,
  })
}

/** A speaker's section: their name as a heading of `level`, who they are, then their quotes. */
function groupHtml(
  group: SpeakerGroup,
  position: number,
  index: ContentIndex,
  page: string,
  level: 2 | 3,
): string {
  const { speaker } = group
  const headingId = `speaker-${position + 1}`
  const about =
    speaker.kind === 'person'
      ? speaker.person.role === undefined
        ? ''
        : `<p class="role">${pageText(speaker.person.role)}</p>`
      : speaker.kind === 'organization'
        ? ''
        : // "a senior US official", but also "Russia": the story's words, named or not.
          '<p class="role">As the story attributes these words.</p>'
  const entries = group.quotes.map((quote) =>
    quoteEntryHtml(quote, index, page, { id: quoteAnchor(quote._id) }),
  )
  const content = [
    element(`h${level}`, { id: headingId }, speakerHtml(speaker, page)),
    about,
    `<ol class="quote-list">\n${entries.join('\n')}\n</ol>`,
  ]
  return element(
    'section',
    { class: 'quote-group', 'aria-labelledby': headingId },
    `\n${content.filter((part) => part !== '').join('\n')}\n`,
  )
}
