/**
 * The site's feeds of its articles, newest first: Atom 1.0 (RFC 4287) and JSON Feed 1.1
 * (https://www.jsonfeed.org/version/1.1/). Both need absolute URLs, so both are made only with the
 * site's settings (site.config.json).
 *
 * Each entry carries the headline (plain text), the standfirst as summary, the article's content
 * as its page renders it (highlights, then the body, with absolute links), its publication date
 * and an id that does not change when the site moves or the slug is edited: a `tag:` URI (RFC
 * 4151) made of the site's host, the publication date and the article's `_id`.
 */
import type { Article } from '../generated/types.js'
import type { SiteConfig } from '../site-config.js'
import type { ContentIndex } from './content-index.js'
import { feedDateTime, publishedAt } from './feed-dates.js'
import { articleLanguage } from './language.js'
import { articleSections } from './pages/article.js'
import { ATOM_FEED, articlePage, HOME_PAGE, JSON_FEED } from './paths.js'
import type { ImageUrlBuilder } from './photo.js'
import { terminalSafeJson } from './safe-json.js'
import { lastModified } from './updates.js'
import { hrefFrom } from './url.js'
import { type XmlTree, xmlDocument } from './xml.js'

/** What the feeds need besides the articles. */
export interface FeedOptions {
  site: SiteConfig
  imageUrl?: ImageUrlBuilder | undefined
  /** The feed's own `updated` when there is no article to take it from. */
  now: Date
}

/** One article as both feeds carry it. */
interface FeedEntry {
  id: string
  url: string
  title: string
  summary: string | undefined
  contentHtml: string
  published: string
  /** The latest correction or update (the publication when there is none). */
  updated: string
  /** Set only when the article has a correction or update. */
  modified: string | undefined
  language: string
}

/** The articles, newest first (by instant, then by `_id` for an order that never varies). */
export function articlesNewestFirst(index: ContentIndex): Article[] {
  return [...index.articles].sort(
    (a, b) =>
      publishedAt(b.datePublished) - publishedAt(a.datePublished) ||
      (a._id < b._id ? -1 : a._id > b._id ? 1 : 0),
  )
}

function entriesOf(index: ContentIndex, options: FeedOptions): FeedEntry[] {
  const { site, imageUrl } = options
  return articlesNewestFirst(index).map((article) => {
    const { highlights, body } = articleSections(article, index, { imageUrl, base: site.url })
    return {
      id: tagUri(site, article),
      url: hrefFrom({ page: articlePage(article), base: site.url }, articlePage(article)),
      title: article.headline,
      summary: article.standfirst,
      contentHtml: highlights === '' ? body : `${highlights}\n${body}`,
      published: feedDateTime(article.datePublished),
      updated: feedDateTime(lastModified(article) ?? article.datePublished),
      modified: modifiedOf(article),
      language: articleLanguage(article, site),
    }
  })
}

/** `tag:<host>,<publication date>:<article _id>`: the entry's id for good. */
function tagUri(site: SiteConfig, article: Article): string {
  const date = article.datePublished.slice(0, 10)
  return `tag:${new URL(site.url).hostname},${date}:${encodeURIComponent(article._id)}`
}

function modifiedOf(article: Article): string | undefined {
  const modified = lastModified(article)
  return modified === undefined ? undefined : feedDateTime(modified)
}

/** The feed's last change: the latest entry's updated date, or `now` when there is none. */
function feedUpdated(entries: readonly FeedEntry[], now: Date): string {
  let latest: FeedEntry | undefined
  for (const entry of entries) {
    if (latest === undefined || Date.parse(entry.updated) > Date.parse(latest.updated))
      latest = entry
  }
  return latest?.updated ?? now.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/**
 * The Atom 1.0 feed. The site is the feed's `author` (Atom requires one, and the content names no
 * byline): the publication, never an invented person.
 */
export function atomFeed(index: ContentIndex, options: FeedOptions): string {
  const { site } = options
  const entries = entriesOf(index, options)
  const absolute = (path: string) => hrefFrom({ page: path, base: site.url }, path)
  const feed: XmlTree = {
    '@_xmlns': 'http://www.w3.org/2005/Atom',
    '@_xml:lang': site.language,
    id: site.url,
    title: { '@_type': 'text', '#text': site.name },
    updated: feedUpdated(entries, options.now),
    author: { name: site.name, uri: site.url },
    link: [
      { '@_rel': 'self', '@_type': 'application/atom+xml', '@_href': absolute(ATOM_FEED) },
      { '@_rel': 'alternate', '@_type': 'text/html', '@_href': absolute(HOME_PAGE) },
    ],
    entry: entries.map((entry) => ({
      '@_xml:lang': entry.language,
      id: entry.id,
      title: { '@_type': 'text', '#text': entry.title },
      link: { '@_rel': 'alternate', '@_type': 'text/html', '@_href': entry.url },
      published: entry.published,
      updated: entry.updated,
      summary:
        entry.summary === undefined ? undefined : { '@_type': 'text', '#text': entry.summary },
      content: { '@_type': 'html', '#text': entry.contentHtml },
    })),
  }
  return xmlDocument({ feed })
}

/** The JSON Feed 1.1. */
export function jsonFeed(index: ContentIndex, options: FeedOptions): string {
  const { site } = options
  const absolute = (path: string) => hrefFrom({ page: path, base: site.url }, path)
  return terminalSafeJson({
    version: 'https://jsonfeed.org/version/1.1',
    title: site.name,
    home_page_url: absolute(HOME_PAGE),
    feed_url: absolute(JSON_FEED),
    language: site.language,
    items: entriesOf(index, options).map((entry) => ({
      id: entry.id,
      url: entry.url,
      title: entry.title,
      summary: entry.summary,
      content_html: entry.contentHtml,
      date_published: entry.published,
      date_modified: entry.modified,
      language: entry.language,
    })),
  })
}
