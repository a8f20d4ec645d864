/**
 * Which language each page is in. An article is in its own `language`, else in the site's
 * default language (site.config.json); the other pages (home, people, who said what) are in the
 * site's language. Without a site.config.json, that is the language of the renderer's own words.
 */
import type { Article } from '../generated/types.js'
import { RENDERER_LANGUAGE, type SiteConfig } from '../site-config.js'

/** The language of the site's own pages, a BCP 47 tag. */
export function siteLanguage(site: SiteConfig | undefined): string {
  return site?.language ?? RENDERER_LANGUAGE
}

/** The language `article` is written in, a BCP 47 tag. */
export function articleLanguage(article: Article, site: SiteConfig | undefined): string {
  return article.language ?? siteLanguage(site)
}
