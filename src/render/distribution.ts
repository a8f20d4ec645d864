/**
 * The files that carry the site beyond its pages: the feeds, the sitemaps and robots.txt. All of
 * them need absolute URLs, so they are made only with the site's settings (site.config.json).
 */
import type { SiteConfig } from '../site-config.js'
import type { ContentIndex } from './content-index.js'
import { atomFeed, jsonFeed } from './feeds.js'
import { ATOM_FEED, JSON_FEED } from './paths.js'
import type { ImageUrlBuilder } from './photo.js'
import { NEWS_SITEMAP, newsSitemapXml, ROBOTS, robotsTxt, SITEMAP, sitemapXml } from './sitemaps.js'

/** What the build says when there is no site.config.json. */
export const DISTRIBUTION_NEEDS_SITE_URL =
  'site: no site.config.json, so no feeds (feed.atom, feed.json), sitemaps (sitemap.xml, news-sitemap.xml) or robots.txt were written: they need the site\'s absolute URL. Add site.config.json with the site\'s "url" (see the README, "Site settings").'

/**
 * The feeds, the sitemaps and robots.txt, for the site whose HTML pages are `pages` (paths from
 * the site root). `now` is the moment the news sitemap's two-day window ends at.
 */
export function distributionFiles(
  index: ContentIndex,
  pages: readonly string[],
  options: { site: SiteConfig; now: Date; imageUrl?: ImageUrlBuilder | undefined },
): { path: string; content: string }[] {
  const { site, now } = options
  return [
    { path: ATOM_FEED, content: atomFeed(index, options) },
    { path: JSON_FEED, content: jsonFeed(index, options) },
    { path: SITEMAP, content: sitemapXml(pages, index, site) },
    { path: NEWS_SITEMAP, content: newsSitemapXml(index, site, now) },
    { path: ROBOTS, content: robotsTxt(site) },
  ]
}
