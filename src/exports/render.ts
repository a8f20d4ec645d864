/**
 * `us-russia-g20-story/render`: the content as readers get it. The static site, one article as
 * HTML, plain text, Markdown or IPTC ninjs, its schema.org JSON-LD, the build that writes them
 * all to dist/, and the escaping they use.
 */

export { build } from '../outputs/build.js'
export type { BuildOptions, BuildResult, BuiltOutput } from '../outputs/pipeline.js'
export { BuildError } from '../outputs/pipeline.js'
export { renderArticleJsonLd } from '../render/article-json-ld.js'
export type { RenderRule } from '../render/errors.js'
export { RenderError, UnknownArticleError } from '../render/errors.js'
export { escapeAttribute, escapeText, serializeJsonForScript } from '../render/escape.js'
export { NINJS_SCHEMA_ID, type NinjsOptions, renderNinjs, serializeNinjs } from '../render/ninjs.js'
export type {
  NinjsBody,
  NinjsDocument,
  NinjsPerson,
  NinjsPictureAssociation,
  NinjsRendition,
  NinjsText,
} from '../render/ninjs-types.js'
export type { ImageAsset, ImageUrlBuilder } from '../render/photo.js'
export type { ArticleFormat, RenderOptions, SiteFile } from '../render/site.js'
export { ARTICLE_FORMATS, renderArticle, renderSite } from '../render/site.js'
export { lastModified } from '../render/updates.js'
export { safeHref } from '../render/url.js'
