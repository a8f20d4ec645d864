/**
 * A person's page: who they are in the story's words (name, other spellings, role), what they
 * said, each quote linked to where it stands, and the articles that name them.
 */
import type { Article, Person, Quote } from '../../generated/types.js'
import type { SiteConfig } from '../../site-config.js'
import { type ContentIndex, peopleIn, speakerOf } from '../content-index.js'
import { element } from '../html.js'
import { personJsonLd } from '../json-ld.js'
import { articlePage, personPage } from '../paths.js'
import { pageText } from '../typography.js'
import { relativeHref } from '../url.js'
import { htmlDocument } from './layout.js'
import { quoteEntryHtml } from './quote-entry.js'

/** The HTML document of `person`'s page. */
export function personPageHtml(person: Person, index: ContentIndex, site?: SiteConfig): string {
  const page = personPage(person)
  const quotes = quotesBy(person, index)
  const articles = index.articles.filter((article) => peopleIn(article, index).includes(person))
  const main = [
    `<h1>${pageText(person.name)}</h1>`,
    person.role === undefined ? '' : `<p class="role">${pageText(person.role)}</p>`,
    otherNamesHtml(person.alternateNames),
    quoteSectionHtml(
      'quotes',
      'Quotes',
      quotes,
      index,
      page,
      `The story quotes no words of ${person.name}.`,
    ),
    articleSectionHtml(articles, page),
  ]
  return htmlDocument({
    page,
    title: person.role === undefined ? person.name : `${person.name}, ${person.role}`,
    main: main.filter((part) => part !== '').join('\n'),
    jsonLd: personJsonLd(person, page, site),
    site,
  })
}

/** The quotes `person` (or an organization) said, in reading order; unplaced quotes come last. */
export function quotesBy(speaker: { _id: string }, index: ContentIndex): Quote[] {
  return quotesWhere(index, (quote) => quote.speaker?._ref === speaker._id)
}

/** The quotes that pass `test`, in reading order; quotes placed in no article come last. */
export function quotesWhere(index: ContentIndex, test: (quote: Quote) => boolean): Quote[] {
  return [...index.quotes.values()]
    .filter(test)
    .sort((a, b) => firstPlace(a, index) - firstPlace(b, index) || compare(a._id, b._id))
}

/** "Also written as …", for the other names the story uses; nothing when there are none. */
export function otherNamesHtml(names: readonly string[] | undefined): string {
  return names === undefined || names.length === 0
    ? ''
    : `<p>Also written as ${names.map(pageText).join(', ')}.</p>`
}

/**
 * A section listing `quotes` as entries, under the article each first stands in (its headline as
 * a heading, so it is not repeated under every quote; quotes in no article come last), or saying
 * `none` (text, escaped here) when empty. With `named`, each entry names its speaker: for a list
 * that is not already under their name.
 */
export function quoteSectionHtml(
  id: string,
  heading: string,
  quotes: readonly Quote[],
  index: ContentIndex,
  page: string,
  none: string,
  named = false,
): string {
  const byArticle = new Map<Article | undefined, Quote[]>()
  for (const quote of quotes) {
    const article = index.placements.get(quote._id)?.[0]?.article
    byArticle.set(article, [...(byArticle.get(article) ?? []), quote])
  }
  const groups = [...byArticle].map(([article, group]) => {
    const title =
      article === undefined
        ? 'In no article'
        : element(
            'a',
            { href: relativeHref(page, articlePage(article)) },
            pageText(article.headline),
          )
    const entries = group.map((quote) =>
      quoteEntryHtml(quote, index, page, { speaker: named ? speakerOf(quote, index) : undefined }),
    )
    return `<h3>${title}</h3>\n<ol class="quote-list">\n${entries.join('\n')}\n</ol>`
  })
  const list = quotes.length === 0 ? `<p>${pageText(none)}</p>` : groups.join('\n')
  return `<section aria-labelledby="${id}">\n<h2 id="${id}">${pageText(heading)}</h2>\n${list}\n</section>`
}

/** The section listing the articles that name a person or organization. */
export function articleSectionHtml(articles: readonly Article[], page: string): string {
  const list =
    articles.length === 0
      ? '<p>No article names them.</p>'
      : `<ul>\n${articles.map((article) => `<li>${element('a', { href: relativeHref(page, articlePage(article)) }, pageText(article.headline))}</li>`).join('\n')}\n</ul>`
  return `<section aria-labelledby="articles">\n<h2 id="articles">Articles</h2>\n${list}\n</section>`
}

/** The reading-order position of a quote's first place; quotes placed nowhere sort last. */
export function firstPlace(quote: Quote, index: ContentIndex): number {
  return index.placements.get(quote._id)?.[0]?.order ?? Number.POSITIVE_INFINITY
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
