/**
 * The HTML document every page shares: language, charset, viewport, title, and, when the site
 * has a URL, the canonical link, the feeds' links and the Open Graph and Twitter card tags; the
 * inline stylesheet, a Content-Security-Policy that lets nothing run and nothing load from
 * elsewhere, and the page's JSON-LD when it has some. Around the page's own content, the site's
 * identity: a masthead with its name and navigation, and a footer.
 */

import type { SiteConfig } from '../../site-config.js'
import { escapeText, serializeJsonForScript } from '../escape.js'
import { attributes } from '../html.js'
import { siteLanguage } from '../language.js'
import {
  ATOM_FEED,
  HOME_PAGE,
  JSON_FEED,
  ORGANIZATIONS_INDEX_PAGE,
  PEOPLE_INDEX_PAGE,
  QUOTES_PAGE,
} from '../paths.js'
import { STYLESHEET } from '../styles.js'
import { pageText, typographicQuotes } from '../typography.js'
import { relativeHref } from '../url.js'
import { shareTagsHtml } from './share-tags.js'

/** One page of the site. */
export interface PageContent {
  /** Path from the site root, such as `articles/<slug>/index.html`. */
  page: string
  title: string
  description?: string
  /** The `<main>` element's content: safe HTML. */
  main: string
  /** schema.org data for the page, embedded as JSON-LD. */
  jsonLd?: unknown
  /** Origins images on the page load from, besides the site itself. */
  imageOrigins?: readonly string[]
  /** The page's language, a BCP 47 tag; default the site's. */
  lang?: string
  /**
   * The site's settings: its name heads the masthead and the footer, and its URL makes the
   * canonical link, the links to the feeds and the Open Graph and Twitter card tags (see
   * `shareTagsHtml`).
   */
  site?: SiteConfig | undefined
  /** Open Graph's type: `article` for a story; default `website`. */
  type?: 'article' | 'website'
  /** The `src` of the page's main image, when it shows one: `og:image`. */
  image?: string | undefined
}

/** The whole HTML document of a page. */
export function htmlDocument(content: PageContent): string {
  const lang = content.lang ?? siteLanguage(content.site)
  return [
    '<!DOCTYPE html>',
    `<html${attributes({ lang })}>`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta${attributes({ 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy(content.imageOrigins ?? []) })}>`,
    '<meta name="referrer" content="no-referrer">',
    `<title>${titleHtml(content.title)}</title>`,
    content.description === undefined
      ? ''
      : `<meta${attributes({ name: 'description', content: content.description })}>`,
    content.site === undefined
      ? ''
      : shareTagsHtml({
          page: content.page,
          site: content.site,
          title: content.title,
          description: content.description,
          type: content.type ?? 'website',
          lang,
          image: content.image,
        }),
    `<style>\n${STYLESHEET}\n</style>`,
    content.jsonLd === undefined
      ? ''
      : `<script type="application/ld+json">\n${serializeJsonForScript(content.jsonLd)}\n</script>`,
    '</head>',
    '<body>',
    masthead(content.page, content.site),
    `<main>\n${content.main}\n</main>`,
    siteFooter(content.page, content.site),
    '</body>',
    '</html>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n')
}

/**
 * The title as HTML, cut at a word with an ellipsis so its source is at most 70 characters:
 * browsers, tabs and search results show no more (html-validate's long-title rule, which counts
 * the escaped source). The page's h1 keeps the whole text.
 */
export function titleHtml(title: string, limit = 70): string {
  const clean = typographicQuotes(title.replace(/\s+/g, ' ').trim())
  if (escapeText(clean).length <= limit) return escapeText(clean)
  const characters = Array.from(clean)
  while (characters.length > 0 && escapeText(`${characters.join('')}…`).length > limit) {
    characters.pop()
  }
  const cut = characters.join('')
  const space = cut.lastIndexOf(' ')
  return escapeText(`${(space > cut.length / 2 ? cut.slice(0, space) : cut).trimEnd()}…`)
}

/**
 * No script runs (the JSON-LD is data, which CSP does not block), nothing is fetched from
 * elsewhere, and the page cannot be framed into a form or given another base URL.
 */
function contentSecurityPolicy(imageOrigins: readonly string[]): string {
  return [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    `img-src ${["'self'", ...imageOrigins].join(' ')}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ')
}

/**
 * The name the masthead and footer give the site when there is no site.config.json: a plain word,
 * not a name the renderer would make up for someone's newsroom.
 */
const FALLBACK_SITE_NAME = 'News'

/** The site's sections, as the navigation lists them. */
const SECTIONS: readonly { page: string; text: string }[] = [
  { page: HOME_PAGE, text: 'Home' },
  { page: PEOPLE_INDEX_PAGE, text: 'People' },
  { page: ORGANIZATIONS_INDEX_PAGE, text: 'Organizations' },
  { page: QUOTES_PAGE, text: 'Who said what' },
]

/** The masthead: the site's name, linking to the home page, and the site navigation. */
function masthead(page: string, site: SiteConfig | undefined): string {
  const link = ({ page: target, text }: { page: string; text: string }) =>
    `<li><a${attributes({ href: relativeHref(page, target), 'aria-current': target === page ? 'page' : undefined })}>${escapeText(text)}</a></li>`
  return [
    '<header class="masthead">',
    '<div class="masthead-inner">',
    `<a${attributes({ class: 'site-name', href: relativeHref(page, HOME_PAGE) })}>${pageText(site?.name ?? FALLBACK_SITE_NAME)}</a>`,
    '<nav aria-label="Site">',
    '<ul>',
    ...SECTIONS.map(link),
    '</ul>',
    '</nav>',
    '</div>',
    '</header>',
  ].join('\n')
}

/**
 * The footer: the site's name and, when the site has a URL (and so the build writes them), its
 * feeds. Nothing the settings do not give: no owner, address or copyright line.
 */
function siteFooter(page: string, site: SiteConfig | undefined): string {
  const feed = (target: string, type: string, text: string) =>
    `<li><a${attributes({ href: relativeHref(page, target), type })}>${text}</a></li>`
  return [
    '<footer class="site-footer">',
    '<div class="footer-inner">',
    `<p class="footer-name">${pageText(site?.name ?? FALLBACK_SITE_NAME)}</p>`,
    site === undefined
      ? ''
      : [
          '<ul class="feeds">',
          feed(ATOM_FEED, 'application/atom+xml', 'Atom feed'),
          feed(JSON_FEED, 'application/feed+json', 'JSON Feed'),
          '</ul>',
        ].join('\n'),
    '</div>',
    '</footer>',
  ]
    .filter((line) => line !== '')
    .join('\n')
}
