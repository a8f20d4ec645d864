export type { Diagnostic, Severity } from './diagnostics.js'
export type * from './generated/types.js'
export type { DocumentType } from './schemas.js'
export { DOCUMENT_TYPES } from './schemas.js'
export type { SchemaError, Validator } from './validators.js'
export {
  isArticle,
  isDocumentType,
  isPerson,
  isPhoto,
  isQuote,
  schemaErrors,
} from './validators.js'
