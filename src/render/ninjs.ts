/**
 * An article as an IPTC ninjs 3.1 news item (https://iptc.org/standards/ninjs/).
 *
 * Choices, from what the content can honestly support:
 * - Dates: every ninjs date of a news item is a full date-time. A `datePublished` that is a date
 *   alone (the seed gives no time) is left out rather than padded with an invented 00:00; a
 *   date-time `datePublished` becomes `firstCreated`.
 * - The body is the article page's own body HTML. With the site's URL (site.config.json) its
 *   links and image sources are absolute, so a receiver can follow them; without it they are
 *   relative to the article's page, as on the site, and the build says so
 *   ({@link NINJS_NEEDS_SITE_URL}).
 * - `organisations`: every organization the article names, `quoted`, `source` (a quote's channel)
 *   or `mentioned`, with its name as the story gives it and nothing more.
 * - People carry no job title: ninjs `people` has no field for one. No byline (`by`) and no photo
 *   credit or rendition URL unless the content has them.
 */
import type { Article, ContentDocument, Person, Photo } from '../generated/types.js'
import type { SiteConfig } from '../site-config.js'
import {
  type ContentIndex,
  indexContent,
  organizationsIn,
  peopleIn,
  quotesIn,
  speakerOf,
} from './content-index.js'
import { articleLanguage } from './language.js'
import { bodyTextWithoutCaptions, countText } from './ninjs-count.js'
import type {
  NinjsDocument,
  NinjsOrganisation,
  NinjsPerson,
  NinjsPictureAssociation,
  NinjsRendition,
  NinjsText,
} from './ninjs-types.js'
import { documentUri, uriBase } from './ninjs-uri.js'
import { assertRenderable, renderableArticle } from './output-check.js'
import { articleSections } from './pages/article.js'
import { type ImageUrlBuilder, imageAsset } from './photo.js'
import { terminalSafeJson } from './safe-json.js'
import { lastModified } from './updates.js'
import { safeHref } from './url.js'

/** The schema a document says it conforms to: the `$id` of the official ninjs 3.1 JSON Schema. */
export const NINJS_SCHEMA_ID = 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#'

/** What the build says when it writes ninjs without the site's URL. */
export const NINJS_NEEDS_SITE_URL =
  'ninjs: no site.config.json, so document URIs use the placeholder https://us-russia-g20-story.example/ and links in the bodies are relative, which a receiver cannot resolve. Add site.config.json with the site\'s "url" (see the README, "Site settings").'

/** Options for {@link renderNinjs}. */
export interface NinjsOptions {
  /**
   * Absolute http(s) URL ending in `/` that document URIs are built on (`<base>documents/<_id>`).
   * Default: the site's `url`, else `https://us-russia-g20-story.example/`, a reserved domain
   * that is nobody's address.
   */
  uriBase?: string
  /**
   * The site's settings (site.config.json): the language of an article without its own, and
   * the URL that makes the links in the body absolute.
   */
  site?: SiteConfig
  /**
   * Where photo images are served from, as for the site. A rendition gets an `href` only when
   * this returns an absolute http(s) URL; no URL is made up otherwise.
   */
  imageUrl?: ImageUrlBuilder
}

/**
 * Renders one article as an IPTC ninjs 3.1 news item: `uri`, `type: "text"`, language, `located`
 * (the dateline), headline and standfirst, the body as the site's HTML with its character and
 * word counts, the people it names, and its photos as `associations`.
 *
 * @throws {UnknownArticleError} when no article has `articleId`.
 * @throws {RenderError} as `renderArticle` does, or for a `uriBase` that is not an http(s) URL.
 */
export function renderNinjs(
  documents: readonly ContentDocument[],
  articleId: string,
  options: NinjsOptions = {},
): NinjsDocument {
  const index = indexContent(documents)
  const article = renderableArticle(index, articleId)
  return articleToNinjs(article, index, options)
}

/**
 * One ninjs file per article, `<article _id>.json`, for the build's `dist/ninjs/`.
 * @throws {RenderError} as {@link renderNinjs} does.
 */
export function ninjsFiles(
  documents: readonly ContentDocument[],
  options: NinjsOptions = {},
): { path: string; content: string }[] {
  const index = indexContent(documents)
  return index.articles.map((article) => {
    assertRenderable(article, index)
    const document = articleToNinjs(article, index, options)
    return { path: `${article._id}.json`, content: serializeNinjs(document) }
  })
}

/** The document as a JSON file: see {@link terminalSafeJson}. */
export function serializeNinjs(document: NinjsDocument): string {
  return terminalSafeJson(document)
}

/** The ninjs item of an article already checked with `assertRenderable`. */
export function articleToNinjs(
  article: Article,
  index: ContentIndex,
  options: NinjsOptions = {},
): NinjsDocument {
  const { imageUrl, site } = options
  const base = uriBase(options.uriBase ?? site?.url)
  const sections = articleSections(article, index, { imageUrl, base: site?.url })
  const counts = countText(bodyTextWithoutCaptions(article, index))
  return withoutUndefined({
    uri: documentUri(base, article._id),
    standard: { name: 'ninjs', version: '3.1', schema: NINJS_SCHEMA_ID },
    type: 'text',
    representationType: 'full',
    firstCreated: dateTimeOrUndefined(article.datePublished),
    versionCreated: versionCreated(article),
    language: articleLanguage(article, site),
    slugline: article.slug.current,
    located: article.dateline,
    headlines: [plain('main', article.headline)],
    descriptions: nonEmpty([
      ...(article.standfirst === undefined ? [] : [plain('summary', article.standfirst)]),
      ...(sections.highlights === '' ? [] : [html('highlights', sections.highlights)]),
    ]),
    bodies: [{ ...html('main', sections.body), ...counts }],
    people: nonEmpty(peopleOf(article, index, base)),
    organisations: nonEmpty(organisationsOf(article, index, base)),
    associations: nonEmpty(photosOf(article, index, base, imageUrl)),
  })
}

/**
 * When the current version was made: the latest correction or update's date, when it has a time.
 * A date-only update leaves it out (ninjs wants a date-time, and none is invented), as does an
 * article never updated.
 */
function versionCreated(article: Article): string | undefined {
  const modified = lastModified(article)
  return modified === undefined ? undefined : dateTimeOrUndefined(modified)
}

/** The value when it is a date-time (it has a time of day), else `undefined`: no time invented. */
function dateTimeOrUndefined(datePublished: string): string | undefined {
  return /[Tt]/.test(datePublished) ? datePublished.toUpperCase() : undefined
}

function plain(role: string, value: string): NinjsText {
  return { role, contentType: 'text/plain', value }
}

function html(role: string, value: string): NinjsText {
  return { role, contentType: 'text/html', value }
}

/** Everyone the article names, in reading order; a quote's speaker is `quoted`. */
function peopleOf(article: Article, index: ContentIndex, base: string): NinjsPerson[] {
  const speakers = new Set(
    quotesIn(article, index).flatMap((quote) => {
      const speaker = speakerOf(quote, index)
      return speaker.kind === 'person' ? [speaker.person._id] : []
    }),
  )
  return peopleIn(article, index).map((person: Person) => ({
    name: person.name,
    rel: speakers.has(person._id) ? 'quoted' : 'mentioned',
    uri: documentUri(base, person._id),
    literal: person._id,
  }))
}

/**
 * Every organization the article names, in reading order: `quoted` when it speaks in a quote,
 * `source` when a quote reached the story through it, else `mentioned`.
 */
function organisationsOf(article: Article, index: ContentIndex, base: string): NinjsOrganisation[] {
  const quotes = quotesIn(article, index)
  const speakers = new Set(quotes.map((quote) => quote.speaker?._ref))
  const channels = new Set(quotes.map((quote) => quote.channel?._ref))
  return organizationsIn(article, index).map((organization) => ({
    name: organization.name,
    rel: speakers.has(organization._id)
      ? 'quoted'
      : channels.has(organization._id)
        ? 'source'
        : 'mentioned',
    uri: documentUri(base, organization._id),
    literal: organization._id,
  }))
}

/** The lead photo, then the photos embedded in the body, each once. */
function photosOf(
  article: Article,
  index: ContentIndex,
  base: string,
  imageUrl: ImageUrlBuilder | undefined,
): NinjsPictureAssociation[] {
  const refs: (readonly [string, NinjsPictureAssociation['rel']])[] = [
    ...(article.photo === undefined ? [] : [[article.photo._ref, 'photo'] as const]),
    ...article.body.flatMap((block) =>
      block._type === 'photoEmbed' ? [[block.photo._ref, 'photoEmbed'] as const] : [],
    ),
  ]
  const seen = new Set<string>()
  return refs.flatMap(([ref, rel]) => {
    const photo = index.photos.get(ref)
    if (photo === undefined || seen.has(ref)) return []
    seen.add(ref)
    return [pictureOf(photo, rel, base, imageUrl)]
  })
}

function pictureOf(
  photo: Photo,
  rel: NinjsPictureAssociation['rel'],
  base: string,
  imageUrl: ImageUrlBuilder | undefined,
): NinjsPictureAssociation {
  const rendition = renditionOf(photo, imageUrl)
  return withoutUndefined({
    name: photo._id,
    rel,
    uri: documentUri(base, photo._id),
    type: 'picture',
    by: photo.credit,
    descriptions: [plain('caption', photo.caption), plain('alt', photo.alt)],
    renditions: rendition === undefined ? undefined : [rendition],
  })
}

/** The uploaded image, when there is one: its size and type, and its URL only when absolute. */
function renditionOf(
  photo: Photo,
  imageUrl: ImageUrlBuilder | undefined,
): NinjsRendition | undefined {
  const asset = imageAsset(photo)
  if (asset === undefined) return undefined
  const url = imageUrl === undefined ? undefined : safeHref(imageUrl(asset, photo))
  const href = url !== undefined && /^https?:\/\//i.test(url) ? url : undefined
  const type = asset.format === 'jpg' ? 'jpeg' : asset.format
  return withoutUndefined({
    name: 'original',
    contentType: `image/${type}`,
    width: asset.width,
    height: asset.height,
    href,
  })
}

function nonEmpty<T>(values: T[]): T[] | undefined {
  return values.length === 0 ? undefined : values
}

/** The object without its `undefined` members, so the JSON has no empty fields. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as T
}
