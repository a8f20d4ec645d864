/**
 * What a page's head tells feed readers and the sites it is shared on: the canonical URL, the
 * feeds, Open Graph (https://ogp.me/) and Twitter card tags. All of it needs absolute URLs, so it
 * is written only with the site's settings (site.config.json). Nothing is invented: `og:image`
 * only when the page shows an image file, `og:locale` only when the language tag names a region.
 */
import type { SiteConfig } from '../../site-config.js'
import { attributes } from '../html.js'
import { ATOM_FEED, JSON_FEED } from '../paths.js'
import { hrefFrom } from '../url.js'

/** What the tags say of one page. */
export interface ShareTags {
  page: string
  site: SiteConfig
  title: string
  description?: string | undefined
  /** `article` for a story, else `website`. */
  type: 'article' | 'website'
  /** The page's language, a BCP 47 tag. */
  lang: string
  /** The `src` of the page's first image, relative to the page or absolute; none: no image. */
  image?: string | undefined
}

/** The `<link>` and `<meta>` elements, one a line. */
export function shareTagsHtml(tags: ShareTags): string {
  const { page, site } = tags
  const url = hrefFrom({ page, base: site.url }, page)
  const feed = (path: string) => hrefFrom({ page: path, base: site.url }, path)
  const image = tags.image === undefined ? undefined : new URL(tags.image, url).href
  const link = (rel: string, href: string, type?: string, title?: string) =>
    `<link${attributes({ rel, type, title, href })}>`
  const property = (name: string, content: string | undefined) =>
    content === undefined ? '' : `<meta${attributes({ property: name, content })}>`
  const named = (name: string, content: string | undefined) =>
    content === undefined ? '' : `<meta${attributes({ name, content })}>`
  return [
    link('canonical', url),
    link('alternate', feed(ATOM_FEED), 'application/atom+xml', `${site.name} (Atom)`),
    link('alternate', feed(JSON_FEED), 'application/feed+json', `${site.name} (JSON Feed)`),
    property('og:type', tags.type),
    property('og:title', tags.title),
    property('og:url', url),
    property('og:site_name', site.name),
    property('og:description', tags.description),
    property('og:locale', openGraphLocale(tags.lang)),
    property('og:image', image),
    named('twitter:card', image === undefined ? 'summary' : 'summary_large_image'),
    named('twitter:title', tags.title),
    named('twitter:description', tags.description),
    named('twitter:image', image),
  ]
    .filter((line) => line !== '')
    .join('\n')
}

/**
 * Open Graph's `language_TERRITORY` for a BCP 47 tag that names both (`en-GB` → `en_GB`,
 * `sr-Latn-RS` → `sr_RS`); `undefined` for a tag without a region (`en`), rather than guess one.
 */
export function openGraphLocale(tag: string): string | undefined {
  const [language, ...rest] = tag.split('-')
  const region = rest.find((part) => /^[A-Za-z]{2}$/.test(part))
  if (language === undefined || !/^[A-Za-z]{2,3}$/.test(language) || region === undefined)
    return undefined
  return `${language.toLowerCase()}_${region.toUpperCase()}`
}
