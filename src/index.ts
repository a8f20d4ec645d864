/**
 * `us-russia-g20-story`: the story's content as typed data. Load it (validated, references
 * resolved), validate documents, query them with GROQ, and the model's types and type guards.
 * Rendering is in `us-russia-g20-story/render`, Sanity publishing and pulling in
 * `us-russia-g20-story/sanity`, the Studio schema in `us-russia-g20-story/studio`.
 */
export type { Content, ContentReference, ReferencedDocument } from './content/load-content.js'
export { DanglingReferenceError, loadContent } from './content/load-content.js'
export { ContentError } from './content/read-documents.js'
export type { Diagnostic } from './diagnostics.js'
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
  LanguageTag,
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
  SiteConfig,
  Slug,
  Span,
  TextBlocks,
} from './generated/types.js'
export {
  describeMissingParameter,
  describeQueryError,
  MissingParameterError,
  queryContent,
} from './query.js'
export type { Rule, RuleId, Severity } from './rules.js'
export { RULES } from './rules.js'
export type { DocumentType } from './schemas.js'
export { DOCUMENT_TYPES } from './schemas.js'
export {
  parseSiteConfig,
  readSiteConfig,
  SITE_CONFIG_FILE,
  SiteConfigError,
} from './site-config.js'
export type { SchemaError, Validator } from './validator/compiled.js'
export { isDocumentType, schemaErrors } from './validator/compiled.js'
export type {
  ContentInput,
  DocumentLocation,
  FileInMemory,
  ValidatedContent,
  ValidateOptions,
  ValidationReport,
} from './validator/validate.js'
export { validate, validateContent } from './validator/validate.js'
