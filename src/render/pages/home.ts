/** The home page: the articles, newest first, and the people and organizations the story names. */
import type { Article, Organization } from '../../generated/types.js'
import type { SiteConfig } from '../../site-config.js'
import type { ContentIndex } from '../content-index.js'
import { calendarDate, longDate, machineDate } from '../dates.js'
import { escapeText } from '../escape.js'
import { element } from '../html.js'
import { articleLanguage, siteLanguage } from '../language.js'
import { articlePage, HOME_PAGE, organizationPage, personPage } from '../paths.js'
import { relativeHref } from '../url.js'
import { htmlDocument } from './layout.js'

/** The HTML document of the home page. */
export function homePageHtml(index: ContentIndex, site?: SiteConfig): string {
  const page = HOME_PAGE
  const lang = siteLanguage(site)
  const people = [...index.people.values()].sort((a, b) => a.name.localeCompare(b.name, lang))
  const organizations = [...index.organizations.values()].sort((a, b) =>
    a.name.localeCompare(b.name, lang),
  )
  const main = [
    '<h1>Articles</h1>',
    index.articles.length === 0
      ? '<p>There are no articles yet.</p>'
      : `<ul class="articles">\n${index.articles.map((article) => articleItem(article, page, lang, site)).join('\n')}\n</ul>`,
    '<section aria-labelledby="people">',
    '<h2 id="people">People</h2>',
    people.length === 0
      ? '<p>No people yet.</p>'
      : `<ul>\n${people
          .map((person) => {
            const link = element(
              'a',
              { href: relativeHref(page, personPage(person)) },
              escapeText(person.name),
            )
            return `<li>${link}${person.role === undefined ? '' : `, ${escapeText(person.role)}`}</li>`
          })
          .join('\n')}\n</ul>`,
    '</section>',
    organizations.length === 0 ? '' : organizationsHtml(organizations, page),
  ]
  return htmlDocument({
    page,
    title: 'Articles',
    main: main.filter((part) => part !== '').join('\n'),
    site,
  })
}

function organizationsHtml(organizations: readonly Organization[], page: string): string {
  const items = organizations.map((organization) => {
    const href = relativeHref(page, organizationPage(organization))
    return `<li>${element('a', { href }, escapeText(organization.name))}</li>`
  })
  return `<section aria-labelledby="organizations">\n<h2 id="organizations">Organizations</h2>\n<ul>\n${items.join('\n')}\n</ul>\n</section>`
}

/** An article's entry; in its own language (`lang`) when that is not the page's. */
function articleItem(
  article: Article,
  page: string,
  pageLanguage: string,
  site: SiteConfig | undefined,
): string {
  const language = articleLanguage(article, site)
  const lang = language === pageLanguage ? undefined : language
  const date = element(
    'time',
    { datetime: machineDate(article.datePublished) },
    escapeText(longDate(calendarDate(article.datePublished, article._id))),
  )
  const standfirst =
    article.standfirst === undefined ? '' : `<p>${escapeText(article.standfirst)}</p>`
  const link = element(
    'a',
    { href: relativeHref(page, articlePage(article)) },
    escapeText(article.headline),
  )
  return element('li', { lang }, `\n<h2>${link}</h2>\n<p class="date">${date}</p>\n${standfirst}\n`)
}
