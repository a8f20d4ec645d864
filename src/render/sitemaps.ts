/**
 * The sitemaps (https://www.sitemaps.org/protocol.html) and robots.txt that points at them.
 *
 * - `sitemap.xml`: every HTML page of the site, each `<loc>` absolute. An article's page gets a
 *   `<lastmod>`, its latest correction or update, else its publication date, as the content gives
 *   it; other pages get none, as the content says nothing of when they changed (a build time would
 *   be a made-up date).
 * - `news-sitemap.xml`: Google News's extension
 *   (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap): only the
 *   articles published in the two days before `now` (a date alone counts from the start of its
 *   day in UTC; nothing dated after `now`), newest first, at most 1,000. With none it is an empty
 *   `<urlset>`, which Google accepts.
 */
import type { Article } from '../generated/types.js'
import type { SiteConfig } from '../site-config.js'
import type { ContentIndex } from './content-index.js'
import { publishedAt } from './feed-dates.js'
import { articlesNewestFirst } from './feeds.js'
import { articleLanguage } from './language.js'
import { articlePage } from './paths.js'
import { lastModified } from './updates.js'
import { hrefFrom } from './url.js'
import { type XmlTree, xmlDocument } from './xml.js'

/** The sitemap's path from the site root. */
export const SITEMAP = 'sitemap.xml'
/** The Google News sitemap's path from the site root. */
export const NEWS_SITEMAP = 'news-sitemap.xml'
/** robots.txt, at the site root as crawlers look for it. */
export const ROBOTS = 'robots.txt'

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9'
/** Google News takes articles published in the last two days. */
export const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000
/** Google News reads at most 1,000 `<url>`s a news sitemap. */
export const NEWS_MAX_URLS = 1000

function absolute(site: SiteConfig, page: string): string {
  return hrefFrom({ page, base: site.url }, page)
}

/** `sitemap.xml` for the HTML pages `pages` (paths from the site root). */
export function sitemapXml(
  pages: readonly string[],
  index: ContentIndex,
  site: SiteConfig,
): string {
  // An article's last change as the content dates it (a date alone is a valid W3C date here).
  const changed = new Map(
    index.articles.map((a) => [articlePage(a), lastModified(a) ?? a.datePublished]),
  )
  const url = pages.map((page) => ({ loc: absolute(site, page), lastmod: changed.get(page) }))
  return xmlDocument({ urlset: { '@_xmlns': SITEMAP_NS, url } })
}

/** The articles the news sitemap lists at `now`: see the file's comment. */
export function newsArticles(index: ContentIndex, now: Date): Article[] {
  const end = now.getTime()
  return articlesNewestFirst(index)
    .filter((article) => {
      const at = publishedAt(article.datePublished)
      return at <= end && end - at <= NEWS_WINDOW_MS
    })
    .slice(0, NEWS_MAX_URLS)
}

/** `news-sitemap.xml` at `now`. */
export function newsSitemapXml(index: ContentIndex, site: SiteConfig, now: Date): string {
  const url: XmlTree[] = newsArticles(index, now).map((article) => ({
    loc: absolute(site, articlePage(article)),
    'news:news': {
      'news:publication': {
        'news:name': site.name,
        'news:language': newsLanguage(articleLanguage(article, site)),
      },
      'news:publication_date': article.datePublished.toUpperCase(),
      'news:title': article.headline,
    },
  }))
  return xmlDocument({ urlset: { '@_xmlns': SITEMAP_NS, '@_xmlns:news': NEWS_NS, url } })
}

/**
 * Google News's language code: the ISO 639 language of the BCP 47 tag, lower case, except
 * Chinese, which Google takes as `zh-cn` (simplified) or `zh-tw` (traditional).
 */
export function newsLanguage(tag: string): string {
  const [language = '', ...rest] = tag.toLowerCase().split('-')
  if (language !== 'zh') return language
  return rest.some((part) => ['hant', 'tw', 'hk', 'mo'].includes(part)) ? 'zh-tw' : 'zh-cn'
}

/** robots.txt: every crawler may read everything; the sitemaps' absolute URLs. */
export function robotsTxt(site: SiteConfig): string {
  return [
    'User-agent: *',
    'Allow: /',
    '',
    `Sitemap: ${absolute(site, SITEMAP)}`,
    `Sitemap: ${absolute(site, NEWS_SITEMAP)}`,
    '',
  ].join('\n')
}
