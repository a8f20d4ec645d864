export type { Content, ContentReference, ReferencedDocument } from './content/load-content.js'
export { DanglingReferenceError, loadContent } from './content/load-content.js'
export { ContentError } from './content/read-documents.js'
export type { Diagnostic, Severity } from './diagnostics.js'
// The document-type registry, and every generated type guard (one per registered type).
export type { DocumentTypeSpec, PreviewSpec } from './document-types.js'
export { DOCUMENT_TYPE_REGISTRY } from './document-types.js'
export * from './generated/guards.js'
// Every model type (Organization, SpeakerReference…), however many types the registry holds.
export type * from './generated/types.js'
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
  NonBlankText,
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
export { build } from './outputs/build.js'
export type { BuildOptions, BuildResult, BuiltOutput } from './outputs/pipeline.js'
export { BuildError } from './outputs/pipeline.js'
export {
  describeMissingParameter,
  describeQueryError,
  MissingParameterError,
  queryContent,
} from './query.js'
export { renderArticleJsonLd } from './render/article-json-ld.js'
export type { RenderRule } from './render/errors.js'
export { RenderError, UnknownArticleError } from './render/errors.js'
export { escapeAttribute, escapeText, serializeJsonForScript } from './render/escape.js'
export { NINJS_SCHEMA_ID, type NinjsOptions, renderNinjs, serializeNinjs } from './render/ninjs.js'
export type {
  NinjsBody,
  NinjsDocument,
  NinjsOrganisation,
  NinjsPerson,
  NinjsPictureAssociation,
  NinjsRendition,
  NinjsText,
} from './render/ninjs-types.js'
export type { ImageAsset, ImageUrlBuilder } from './render/photo.js'
export type { ArticleFormat, RenderOptions, SiteFile } from './render/site.js'
export { ARTICLE_FORMATS, renderArticle, renderSite } from './render/site.js'
export { safeHref } from './render/url.js'
export type { Rule, RuleId } from './rules.js'
export { RULES } from './rules.js'
export type { SanityConfig } from './sanity/config.js'
export { readSanityConfig, SanityConfigError } from './sanity/config.js'
export type { PlanAction, PlannedDocument } from './sanity/plan.js'
export type { PublishFailure, PublishOptions, PublishReport } from './sanity/publish.js'
export { PublishError, publish } from './sanity/publish.js'
export type {
  PulledFile,
  PullOptions,
  PullProblem,
  PullReport,
  RefusedFile,
} from './sanity/pull.js'
export { PullError, pull } from './sanity/pull.js'
export type { DocumentType } from './schemas.js'
export { DOCUMENT_TYPES } from './schemas.js'
export type { SchemaError, Validator } from './validator/compiled.js'
export { isDocumentType, schemaErrors } from './validator/compiled.js'
export type { ValidateOptions, ValidationReport } from './validator/validate.js'
export { validate } from './validator/validate.js'
