import type { ContentDocument } from '../generated/types.js'
import { indexContent } from './content-index.js'
import { articleJsonLd } from './json-ld.js'
import { renderableArticle } from './output-check.js'
import { articlePage } from './paths.js'
import type { RenderOptions } from './site.js'

/**
 * The schema.org `NewsArticle` of one article, as a plain object: the same structured data its
 * page on the site carries (headline, dates, people named, quotations with their speakers).
 * With `options.site`, every `@id` and link is absolute, made from its `url`; without it they are
 * relative to the article's page, `articles/<slug>/index.html`. To put it in
 * a page of your own, serialise it with `serializeJsonForScript` inside
 * `<script type="application/ld+json">`.
 *
 * @throws {UnknownArticleError} when no article has `articleId` (it lists the ids there are).
 * @throws {RenderError} as `renderArticle` does.
 */
export function renderArticleJsonLd(
  documents: readonly ContentDocument[],
  articleId: string,
  options: RenderOptions = {},
): Record<string, unknown> {
  const index = indexContent(documents)
  const article = renderableArticle(index, articleId)
  return articleJsonLd(article, index, articlePage(article), options)
}
