export { build } from './build/build.js'
export type { BuildOptions, BuildResult, BuiltOutput } from './build/pipeline.js'
export { BuildError } from './build/pipeline.js'
export type { Diagnostic, Severity } from './diagnostics.js'
export type {
  Article,
  Block,
  BlockStyle,
  Body,
  BodyBlock,
  ContentDocument,
  Decorator,
  DocumentId,
  Key,
  Link,
  ListItemType,
  MarkDef,
  Person,
  PersonMention,
  PersonReference,
  Photo,
  PhotoEmbed,
  PhotoReference,
  Quotation,
  Quote,
  QuoteReference,
  Slug,
  Span,
  TextBlocks,
} from './generated/types.js'
export { ContentError, loadContent } from './load.js'
export type { RenderRule } from './render/errors.js'
export { RenderError, UnknownArticleError } from './render/errors.js'
export { escapeAttribute, escapeText, serializeJsonForScript } from './render/escape.js'
export type { ImageAsset, ImageUrlBuilder } from './render/photo.js'
export type { ArticleFormat, RenderOptions, SiteFile } from './render/site.js'
export { ARTICLE_FORMATS, renderArticle, renderSite } from './render/site.js'
export { safeHref } from './render/url.js'
export type { Rule, RuleId } from './rules.js'
export { RULES } from './rules.js'
export type { DocumentType } from './schemas.js'
export { DOCUMENT_TYPES } from './schemas.js'
export type { ValidateOptions, ValidationReport } from './validate.js'
export { validate } from './validate.js'
export type { SchemaError, Validator } from './validators.js'
export {
  isArticle,
  isDocumentType,
  isPerson,
  isPhoto,
  isQuote,
  schemaErrors,
} from './validators.js'
