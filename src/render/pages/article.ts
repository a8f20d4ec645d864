/**
 * The article page, in a newsroom's order: headline, standfirst and date; the first paragraph
 * (opened by the dateline); the highlights box and the lead photo; the rest of the body; then an
 * index of who is quoted.
 *
 * Why the first paragraph comes before the highlights and the photo, for every reader and not
 * only on phones: the lead is the news, and on a 390×844 phone the headline, standfirst and the
 * start of the lead must all be on the first screen, which the box and the photo above it would
 * push off it. Moving them with CSS `order` on small screens instead would make what is seen
 * differ from what keyboards and screen readers go through. So the HTML has the order every
 * reader gets, as news sites that set a photo or a fact box after the first paragraph do.
 *
 * Why the date line shows only the date: the dateline ("NEW DELHI") opens the first paragraph
 * straight after it, as wire copy prints it and as the text, Markdown and ninjs renderings keep
 * it; printing the place in both would repeat it two lines apart.
 */

import type { Article } from '../../generated/types.js'
import type { SiteConfig } from '../../site-config.js'
import { type HtmlContext, portableTextToHtml } from '../components.js'
import type { ContentIndex } from '../content-index.js'
import { datelineOf, leadParagraph } from '../dateline.js'
import { calendarDate, machineDate, shortDate } from '../dates.js'
import { escapeText } from '../escape.js'
import { FirstMentions } from '../first-mentions.js'
import { highlightsAsList } from '../highlights.js'
import { element } from '../html.js'
import { PageIds } from '../ids.js'
import { articleJsonLd } from '../json-ld.js'
import { articleLanguage } from '../language.js'
import { NestedLinks } from '../nested-links.js'
import { articlePage, articleQuotesPage } from '../paths.js'
import { figureHtml, type ImageUrlBuilder, imageAsset, imageSource } from '../photo.js'
import { pageText } from '../typography.js'
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
  const sections = articleSections(article, index, { ...options, typographic: true })
  const { page, highlights, lead, afterLead, updates } = sections
  const photo = article.photo === undefined ? undefined : index.photos.get(article.photo._ref)
  const date = calendarDate(article.datePublished, article._id)
  const figure =
    photo === undefined
      ? ''
      : figureHtml(photo, page, { imageUrl: options.imageUrl, typographic: true })
  const parts = [
    '<article class="story">',
    '<header class="story-header">',
    `<h1>${pageText(article.headline)}</h1>`,
    article.standfirst === undefined
      ? ''
      : `<p class="standfirst">${pageText(article.standfirst)}</p>`,
    `<p class="story-meta">${element('time', { datetime: machineDate(article.datePublished) }, escapeText(shortDate(date)))}</p>`,
    '</header>',
    `<div class="body">\n${lead}${besideLead(highlights, figure)}${afterLead}\n</div>`,
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

/** The highlights box and the lead photo, each on its lines, set after the first paragraph. */
function besideLead(highlights: string, figure: string): string {
  const box =
    highlights === ''
      ? ''
      : [
          '<section class="highlights" aria-labelledby="highlights">',
          '<h2 id="highlights">Highlights</h2>',
          highlights,
          '</section>\n',
        ].join('\n')
  return `${box}${figure === '' ? '' : `${figure}\n`}`
}

/** The highlights list and the body of an article, as HTML, and the page they belong to. */
export interface ArticleSections {
  /** The article page's path from the site root: links in the HTML are relative to it. */
  page: string
  /** The highlights as a list (`<ul>`), or `''` when there are none. */
  highlights: string
  /** The body, the dateline before its first paragraph: `lead` and `afterLead`. */
  body: string
  /** The body up to its first plain paragraph (see `leadParagraph`), the dateline in front. */
  lead: string
  /** The rest of the body. */
  afterLead: string
  /** The corrections and updates as dated notices, or `''` when there are none. */
  updates: string
}

/**
 * The highlights and body exactly as the article page shows them. They are rendered with one page
 * context, because the first place a quote is marked claims its HTML id, and the first mention of
 * a person or organization its one link: the body first, then the highlights, so that the link
 * is in the story's own text (the highlights box repeats the story; a name only it gives is
 * linked there). The ninjs export and the feeds take their body from here, so they cannot drift
 * from the page. With `options.base` (the site's absolute URL) every link and image source is
 * absolute, as a receiver of ninjs needs; `options.typographic` is for the reader's page only.
 */
export function articleSections(
  article: Article,
  index: ContentIndex,
  options: {
    imageUrl?: ImageUrlBuilder | undefined
    base?: string | undefined
    typographic?: boolean | undefined
  } = {},
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
    mentions: new FirstMentions(),
    outline: { level: 1 },
    imageUrl: options.imageUrl,
    dateline: datelineOf(article),
    typographic: options.typographic === true,
  }
  const { lead, afterLead } = bodyHtml(article, context)
  const highlights = highlightsHtml(article, context)
  const updates = updatesHtml(article, context)
  return { page, highlights, body: `${lead}${afterLead}`, lead, afterLead, updates }
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

/** The body in two parts: up to and with the lead paragraph, and after it. */
function bodyHtml(article: Article, context: HtmlContext): { lead: string; afterLead: string } {
  const lonelyDateline =
    article.dateline !== undefined && context.dateline === undefined
      ? `<p><span class="dateline">${pageText(article.dateline)}</span></p>\n`
      : ''
  const lead = leadParagraph(article.body)
  const end = lead === undefined ? 0 : article.body.indexOf(lead) + 1
  const html = (blocks: Article['body']) =>
    blocks.length === 0 ? '' : portableTextToHtml(blocks, context)
  return {
    lead: `${lonelyDateline}${html(article.body.slice(0, end))}`,
    afterLead: html(article.body.slice(end)),
  }
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
