/**
 * An organization's page: its name in the story's words (and other names the story uses), what
 * it said, what reached the story through it, and the articles that name it. Nothing else: the
 * story gives no more about an institution, and the page invents nothing.
 */
import type { Organization } from '../../generated/types.js'
import type { SiteConfig } from '../../site-config.js'
import { type ContentIndex, organizationsIn } from '../content-index.js'
import { organizationJsonLd } from '../json-ld.js'
import { organizationPage } from '../paths.js'
import { pageText } from '../typography.js'
import { htmlDocument } from './layout.js'
import {
  articleSectionHtml,
  otherNamesHtml,
  quoteSectionHtml,
  quotesBy,
  quotesWhere,
} from './person.js'

/** The HTML document of `organization`'s page. */
export function organizationPageHtml(
  organization: Organization,
  index: ContentIndex,
  site?: SiteConfig,
): string {
  const page = organizationPage(organization)
  const said = quotesBy(organization, index)
  const carried = quotesWhere(index, (quote) => quote.channel?._ref === organization._id)
  const articles = index.articles.filter((article) =>
    organizationsIn(article, index).includes(organization),
  )
  const name = organization.name
  const main = [
    `<h1>${pageText(name)}</h1>`,
    otherNamesHtml(organization.alternateNames),
    quoteSectionHtml(
      'quotes',
      'Quotes',
      said,
      index,
      page,
      `The story quotes no words of ${name}.`,
    ),
    carried.length === 0
      ? ''
      : quoteSectionHtml('reported', `Reported through ${name}`, carried, index, page, '', true),
    articleSectionHtml(articles, page),
  ]
  return htmlDocument({
    page,
    title: name,
    main: main.filter((part) => part !== '').join('\n'),
    jsonLd: organizationJsonLd(organization, page, site),
    site,
  })
}
