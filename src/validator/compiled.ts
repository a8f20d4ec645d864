import type { Article, Person, Photo, Quote } from '../generated/types.js'
import * as generated from '../generated/validators.js'
import type { DocumentType } from '../schemas.js'

/** One error from a precompiled ajv validator (ajv's ErrorObject). */
export interface SchemaError {
  instancePath: string
  schemaPath: string
  keyword: string
  params: Record<string, unknown>
  message?: string
}

/** A precompiled validator: returns whether `data` is valid, and leaves the errors on `.errors`. */
export type Validator = ((data: unknown) => boolean) & { errors?: SchemaError[] | null }

/** The precompiled schema validator of each document type. */
export const validators: Readonly<Record<DocumentType, Validator>> = {
  article: generated.article as Validator,
  person: generated.person as Validator,
  quote: generated.quote as Validator,
  photo: generated.photo as Validator,
}

/** For each object `_type` and field holding a reference, the document types it may point to. */
export const referenceTargets = generated.referenceTargets as Readonly<
  Record<string, Readonly<Record<string, readonly string[]>>>
>

/** Whether `type` is a document type this package defines. */
export function isDocumentType(type: unknown): type is DocumentType {
  return typeof type === 'string' && Object.hasOwn(validators, type)
}

/** The schema errors of `value` as a document of `type`; empty when it is valid. */
export function schemaErrors(type: DocumentType, value: unknown): SchemaError[] {
  const validate = validators[type]
  // ajv sets `errors` whenever it returns false. A copy: the next call replaces them.
  return validate(value) ? [] : [...(validate.errors as SchemaError[])]
}

/** Type guard: `value` is a schema-valid Article. */
export function isArticle(value: unknown): value is Article {
  return validators.article(value)
}

/** Type guard: `value` is a schema-valid Person. */
export function isPerson(value: unknown): value is Person {
  return validators.person(value)
}

/** Type guard: `value` is a schema-valid Quote. */
export function isQuote(value: unknown): value is Quote {
  return validators.quote(value)
}

/** Type guard: `value` is a schema-valid Photo (the image document). */
export function isPhoto(value: unknown): value is Photo {
  return validators.photo(value)
}
