/**
 * The public entry points: the whole static site, or one article in one format.
 */
import type { ContentDocument } from '../generated/types.js'
import type { SiteConfig } from '../site-config.js'
import { indexContent, speakerOf } from './content-index.js'
import { distributionFiles } from './distribution.js'
import { RenderError } from './errors.js'
import { articleToMarkdown } from './markdown.js'
import { articleToNinjs, serializeNinjs } from './ninjs.js'
import { assertRenderable, renderableArticle } from './output-check.js'
import { articlePageHtml } from './pages/article.js'
import { homePagesHtml } from './pages/home.js'
import { organizationsIndexHtml, peopleIndexHtml } from './pages/name-indexes.js'
import { organizationPageHtml } from './pages/organization.js'
import { personPageHtml } from './pages/person.js'
import { articleQuotesPageHtml, quotesIndexHtml } from './pages/quotes.js'
import {
  articlePage,
  articleQuotesPage,
  ORGANIZATIONS_INDEX_PAGE,
  organizationPage,
  PEOPLE_INDEX_PAGE,
  personPage,
  QUOTES_PAGE,
} from './paths.js'
import type { ImageUrlBuilder } from './photo.js'
import { articleToPlainText } from './text.js'

/** One file of the static site. */
export interface SiteFile {
  /** Posix path relative to the site root, such as `articles/<slug>/index.html`. */
  path: string
  content: string | Uint8Array
}

/** Options for {@link renderSite} and {@link renderArticle}. */
export interface RenderOptions {
  /**
   * Where photo images are served from. Defaults to `images/<hash>-<w>x<h>.<format>` inside the
   * site, so that no request leaves the page. Return an http(s) URL (for example from
   * `@sanity/image-url`) to serve them from a CDN instead; the pages' Content-Security-Policy then
   * allows that origin for images.
   */
  imageUrl?: ImageUrlBuilder
  /**
   * The site's settings (site.config.json, see `readSiteConfig`): its absolute URL makes the
   * canonical links and every IRI of the JSON-LD absolute, its language is the pages' default.
   * Without them links are relative and pages are in the renderer's language, English.
   */
  site?: SiteConfig
  /**
   * The moment the Google News sitemap's two-day window ends at (see `newsArticles`). Default: the
   * time of the call. Only used with `site`.
   */
  now?: Date
}

/** The output formats of {@link renderArticle}. */
export type ArticleFormat = 'html' | 'text' | 'markdown' | 'ninjs'

/** The formats {@link renderArticle} accepts. */
export const ARTICLE_FORMATS: readonly ArticleFormat[] = ['html', 'text', 'markdown', 'ninjs']

/**
 * Renders the static site: `index.html` (the newest articles; older ones on `page/2/index.html`
 * and on, twenty a page), `articles/<slug>/index.html`, `people/index.html` and
 * `people/<slug>/index.html`, `organizations/index.html` and `organizations/<slug>/index.html`,
 * `quotes/<article slug>/index.html` (who said what in that article) and `quotes/index.html` (the
 * index of those). Links between pages are relative; with `options.site`, canonical links and
 * JSON-LD are absolute, and the site also gets `feed.atom`, `feed.json`, `sitemap.xml`,
 * `news-sitemap.xml` and `robots.txt` (see `distributionFiles`). Files come sorted by path.
 *
 * @throws {RenderError} when the documents cannot be rendered faithfully (an unknown type, a
 * dangling reference, a bad slug): the error names the document and the JSON pointer.
 */
export function renderSite(
  documents: readonly ContentDocument[],
  options: RenderOptions = {},
): SiteFile[] {
  const index = indexContent(documents)
  for (const article of index.articles) assertRenderable(article, index)
  for (const quote of index.quotes.values()) speakerOf(quote, index)
  const files: SiteFile[] = [
    ...homePagesHtml(index, options.site),
    { path: PEOPLE_INDEX_PAGE, content: peopleIndexHtml(index, options.site) },
    { path: ORGANIZATIONS_INDEX_PAGE, content: organizationsIndexHtml(index, options.site) },
    { path: QUOTES_PAGE, content: quotesIndexHtml(index, options.site) },
    ...index.articles.flatMap((article) => [
      { path: articlePage(article), content: articlePageHtml(article, index, options) },
      {
        path: articleQuotesPage(article),
        content: articleQuotesPageHtml(article, index, options.site),
      },
    ]),
    ...[...index.people.values()].map((person) => ({
      path: personPage(person),
      content: personPageHtml(person, index, options.site),
    })),
    ...[...index.organizations.values()].map((organization) => ({
      path: organizationPage(organization),
      content: organizationPageHtml(organization, index, options.site),
    })),
  ]
  if (options.site !== undefined) {
    const pages = files.map(({ path }) => path).sort(byPath)
    const { site, imageUrl, now = new Date() } = options
    files.push(...distributionFiles(index, pages, { site, now, imageUrl }))
  }
  return files.sort((a, b) => byPath(a.path, b.path))
}

function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Renders one article: its HTML page (as in the site), its plain text (the seed's reading order),
 * its Markdown, or its IPTC ninjs 3.1 JSON (see `renderNinjs`).
 *
 * @throws {UnknownArticleError} when no article has `articleId` (it lists the ids there are).
 * @throws {RenderError} as {@link renderSite} does.
 */
export function renderArticle(
  documents: readonly ContentDocument[],
  articleId: string,
  format: ArticleFormat,
  options: RenderOptions = {},
): string {
  const index = indexContent(documents)
  const article = renderableArticle(index, articleId)
  if (format === 'html') return articlePageHtml(article, index, options)
  if (format === 'text') return articleToPlainText(article, index)
  if (format === 'markdown') return articleToMarkdown(article, index, options)
  if (format === 'ninjs') return serializeNinjs(articleToNinjs(article, index, options))
  throw new RenderError({
    rule: 'render/invalid-option',
    message: `Unknown format ${JSON.stringify(format)}: use one of ${ARTICLE_FORMATS.join(', ')}.`,
    documentId: null,
    pointer: '',
    type: String(format),
  })
}
