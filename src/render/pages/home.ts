/**
 * The home page: the articles, newest first, each with its date and standfirst, twenty to a page
 * as news sites do. The list goes on at `page/2/index.html` and so on (see `articleListPage`),
 * the pages linked to each other with `rel="prev"` and `rel="next"`.
 */
import type { Article } from '../../generated/types.js'
import type { SiteConfig } from '../../site-config.js'
import type { ContentIndex } from '../content-index.js'
import { calendarDate, machineDate, shortDate } from '../dates.js'
import { attributes, element } from '../html.js'
import { articleLanguage, siteLanguage } from '../language.js'
import { ARTICLES_PER_PAGE, articleListPage, articlePage } from '../paths.js'
import { pageText } from '../typography.js'
import { relativeHref } from '../url.js'
import { htmlDocument } from './layout.js'

/** Every page of the list of articles: the home page first, then page 2 onwards. */
export function homePagesHtml(
  index: ContentIndex,
  site?: SiteConfig,
): { path: string; content: string }[] {
  const count = Math.max(1, Math.ceil(index.articles.length / ARTICLES_PER_PAGE))
  return Array.from({ length: count }, (_, i) => ({
    path: articleListPage(i + 1),
    content: homePageHtml(index, site, i + 1),
  }))
}

/** The HTML document of page `number` (from 1) of the list of articles. */
export function homePageHtml(index: ContentIndex, site?: SiteConfig, number = 1): string {
  const page = articleListPage(number)
  const pages = Math.max(1, Math.ceil(index.articles.length / ARTICLES_PER_PAGE))
  const lang = siteLanguage(site)
  const articles = index.articles.slice(
    (number - 1) * ARTICLES_PER_PAGE,
    number * ARTICLES_PER_PAGE,
  )
  const heading = number === 1 ? 'Latest news' : `Latest news, page ${number}`
  const main = [
    `<h1>${heading}</h1>`,
    articles.length === 0
      ? '<p>There are no articles yet.</p>'
      : `<ol class="articles">\n${articles.map((article) => articleItem(article, page, lang, site)).join('\n')}\n</ol>`,
    pages === 1 ? '' : pagination(number, pages, page),
  ]
  return htmlDocument({
    page,
    title: number === 1 ? heading : `${heading} of ${pages}`,
    main: main.filter((part) => part !== '').join('\n'),
    site,
  })
}

/** The links to the newer and older pages of the list, and where this one stands. */
function pagination(number: number, pages: number, page: string): string {
  const link = (rel: 'prev' | 'next', target: number, text: string) =>
    `<a${attributes({ rel, href: relativeHref(page, articleListPage(target)) })}>${text}</a>`
  return [
    '<nav class="pagination" aria-label="Pages of articles">',
    number > 1 ? link('prev', number - 1, 'Newer stories') : '',
    `<span>Page ${number} of ${pages}</span>`,
    number < pages ? link('next', number + 1, 'Older stories') : '',
    '</nav>',
  ]
    .filter((part) => part !== '')
    .join('\n')
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
    pageText(shortDate(calendarDate(article.datePublished, article._id))),
  )
  const standfirst =
    article.standfirst === undefined
      ? ''
      : `<p class="summary">${pageText(article.standfirst)}</p>\n`
  const link = element(
    'a',
    { href: relativeHref(page, articlePage(article)) },
    pageText(article.headline),
  )
  return element('li', { lang }, `\n<h2>${link}</h2>\n${standfirst}<p class="date">${date}</p>\n`)
}
