/**
 * The article page, in the seed's reading order: date, headline, standfirst, lead photo,
 * highlights, body (the dateline before the first paragraph), then an index of who is quoted.
 */

import type { Article } from '../../generated/types.js'
import type { SiteConfig } from '../../site-config.js'
import { type HtmlContext, portableTextToHtml } from '../components.js'
import type { ContentIndex } from '../content-index.js'
import { datelineOf } from '../dateline.js'
import { calendarDate, longDate, machineDate } from '../dates.js'
import { escapeText } from '../escape.js'
import { highlightsAsList } from '../highlights.js'
import { element } from '../html.js'
import { PageIds } from '../ids.js'
import { articleJsonLd } from '../json-ld.js'
import { articleLanguage } from '../language.js'
import { NestedLinks } from '../nested-links.js'
import { articlePage, articleQuotesPage } from '../paths.js'
import { figureHtml, type ImageUrlBuilder, imageAsset, imageSource } from '../photo.js'
import { updateDate, updateKind } from '../updates.js'
import { htmlDocument } from './layout.js'
import { quotedInStoryHtml } from './quoted-in-story.js'

/** Options for article pages. */
export interface ArticlePageOptions {
  imageUrl?: ImageUrlBuilder | undefined
  /** The site's settings: language default, canonical link, absolute JSON-LD. */
  site?: SiteConfig | undefined
}

/** The HTML document of `article`'s page. */
export function articlePageHtml(
  article: Article,
  index: ContentIndex,
  options: ArticlePageOptions = {},
): string {
  const { page, highlights, body, updates } = articleSections(article, index, options)
  const photo = article.photo === undefined ? undefined : index.photos.get(article.photo._ref)
  const date = calendarDate(article.datePublished, article._id)
  const parts = [
    '<article>',
    '<header>',
    `<p class="date">${element('time', { datetime: machineDate(article.datePublished) }, escapeText(longDate(date)))}</p>`,
    `<h1>${escapeText(article.headline)}</h1>`,
    article.standfirst === undefined
      ? ''
      : `<p class="standfirst">${escapeText(article.standfirst)}</p>`,
    '</header>',
    photo === undefined ? '' : figureHtml(photo, page, options.imageUrl),
    highlights === ''
      ? ''
      : `<section class="highlights" aria-label="Highlights">\n${highlights}\n</section>`,
    `<div class="body">\n${body}\n</div>`,
    updates,
    '</article>',
    quotedInStoryHtml(article, index, page),
  ]
  const images = imageSources(article, index, page, options.imageUrl)
  return htmlDocument({
    page,
    title: article.headline,
    description: article.standfirst,
    main: parts.filter((part) => part !== '').join('\n'),
    jsonLd: articleJsonLd(article, index, page, options),
    imageOrigins: originsOf(images),
    lang: articleLanguage(article, options.site),
    site: options.site,
    type: 'article',
    image: images[0],
  })
}

/** The highlights list and the body of an article, as HTML, and the page they belong to. */
export interface ArticleSections {
  /** The article page's path from the site root: links in the HTML are relative to it. */
  page: string
  /** The highlights as a list (`<ul>`), or `''` when there are none. */
  highlights: string
  /** The body, the dateline before its first paragraph. */
  body: string
  /** The corrections and updates as dated notices, or `''` when there are none. */
  updates: string
}

/**
 * The highlights and body exactly as the article page shows them. They are rendered in page order
 * with one page context, because the first place a quote is marked claims its HTML id; the ninjs
 * export takes its body from here, so it cannot drift from the page. With `options.base` (the
 * site's absolute URL) every link and image source is absolute, as a receiver of ninjs needs.
 */
export function articleSections(
  article: Article,
  index: ContentIndex,
  options: { imageUrl?: ImageUrlBuilder | undefined; base?: string | undefined } = {},
): ArticleSections {
  const page = articlePage(article)
  const context: HtmlContext = {
    index,
    documentId: article._id,
    page,
    base: options.base,
    quotesPage: articleQuotesPage(article),
    ids: new PageIds(),
    links: new NestedLinks(),
    outline: { level: 1 },
    imageUrl: options.imageUrl,
    dateline: datelineOf(article),
  }
  const highlights = highlightsHtml(article, context)
  const body = bodyHtml(article, context)
  return { page, highlights, body, updates: updatesHtml(article, context) }
}

/**
 * The corrections and updates after the story, as newsrooms print them: each a notice led by its
 * kind and date ("Correction, March 4, 2023:"), then its text.
 */
function updatesHtml(article: Article, context: HtmlContext): string {
  const updates = article.updates ?? []
  if (updates.length === 0) return ''
  const notices = updates.map((update, position) => {
    const date = escapeText(updateDate(update, article, position))
    const time = element('time', { datetime: machineDate(update.date) }, date)
    return [
      `<div class="update update-${update.kind}">`,
      `<p class="update-label"><strong>${escapeText(updateKind(update))}, ${time}:</strong></p>`,
      portableTextToHtml(update.text, context),
      '</div>',
    ].join('\n')
  })
  return [
    '<section class="updates" aria-labelledby="corrections-and-updates">',
    '<h2 id="corrections-and-updates">Corrections and updates</h2>',
    ...notices,
    '</section>',
  ].join('\n')
}

function bodyHtml(article: Article, context: HtmlContext): string {
  const lonelyDateline =
    article.dateline !== undefined && context.dateline === undefined
      ? `<p><span class="dateline">${escapeText(article.dateline)}</span></p>\n`
      : ''
  return `${lonelyDateline}${portableTextToHtml(article.body, context)}`
}

/** The highlights as a bulleted list (see highlightsAsList), or nothing when there are none. */
function highlightsHtml(article: Article, context: HtmlContext): string {
  const highlights = highlightsAsList(article)
  return highlights.length === 0 ? '' : portableTextToHtml(highlights, context)
}

/** The `src` of every image on the article page: the lead photo's and the body's. */
function imageSources(
  article: Article,
  index: ContentIndex,
  page: string,
  imageUrl?: ImageUrlBuilder,
): string[] {
  const refs = [
    article.photo?._ref,
    ...article.body.map((block) => (block._type === 'photoEmbed' ? block.photo._ref : undefined)),
  ]
  return refs.flatMap((ref) => {
    const photo = ref === undefined ? undefined : index.photos.get(ref)
    const asset = photo === undefined ? undefined : imageAsset(photo)
    return photo === undefined || asset === undefined
      ? []
      : [imageSource(asset, photo, page, imageUrl)]
  })
}

/** The origins of absolute http(s) URLs, for the Content-Security-Policy. */
function originsOf(urls: readonly string[]): string[] {
  const origins = urls.flatMap((url) => (/^https?:/i.test(url) ? [new URL(url).origin] : []))
  return [...new Set(origins)]
}
