/**
 * A person's page: who they are in the story's words (name, other spellings, role), what they
 * said, each quote linked to where it stands, and the articles that name them.
 */
import type { Person, Quote } from '../../generated/types.js'
import type { SiteConfig } from '../../site-config.js'
import { type ContentIndex, peopleIn } from '../content-index.js'
import { escapeText } from '../escape.js'
import { element } from '../html.js'
import { personJsonLd } from '../json-ld.js'
import { articlePage, personPage } from '../paths.js'
import { relativeHref } from '../url.js'
import { htmlDocument } from './layout.js'
import { quoteEntryHtml } from './quote-entry.js'

/** The HTML document of `person`'s page. */
export function personPageHtml(person: Person, index: ContentIndex, site?: SiteConfig): string {
  const page = personPage(person)
  const quotes = quotesBy(person, index)
  const articles = index.articles.filter((article) => peopleIn(article, index).includes(person))
  const otherNames = person.alternateNames ?? []
  const main = [
    `<h1>${escapeText(person.name)}</h1>`,
    person.role === undefined ? '' : `<p class="role">${escapeText(person.role)}</p>`,
    otherNames.length === 0
      ? ''
      : `<p>Also written as ${otherNames.map(escapeText).join(', ')}.</p>`,
    '<section aria-labelledby="quotes">',
    '<h2 id="quotes">Quotes</h2>',
    quotes.length === 0
      ? `<p>The story quotes no words of ${escapeText(person.name)}.</p>`
      : `<ol class="quote-list">\n${quotes.map((quote) => quoteEntryHtml(quote, index, page)).join('\n')}\n</ol>`,
    '</section>',
    '<section aria-labelledby="articles">',
    '<h2 id="articles">Articles</h2>',
    articles.length === 0
      ? '<p>No article names them.</p>'
      : `<ul>\n${articles.map((article) => `<li>${element('a', { href: relativeHref(page, articlePage(article)) }, escapeText(article.headline))}</li>`).join('\n')}\n</ul>`,
    '</section>',
  ]
  return htmlDocument({
    page,
    title: person.role === undefined ? person.name : `${person.name}, ${person.role}`,
    main: main.filter((part) => part !== '').join('\n'),
    jsonLd: personJsonLd(person, page, site),
    site,
  })
}

/** The quotes `person` said, in reading order; quotes placed in no article come last. */
export function quotesBy(person: Person, index: ContentIndex): Quote[] {
  return [...index.quotes.values()]
    .filter((quote) => quote.speaker?._ref === person._id)
    .sort((a, b) => firstPlace(a, index) - firstPlace(b, index) || compare(a._id, b._id))
}

/** The reading-order position of a quote's first place; quotes placed nowhere sort last. */
export function firstPlace(quote: Quote, index: ContentIndex): number {
  return index.placements.get(quote._id)?.[0]?.order ?? Number.POSITIVE_INFINITY
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
