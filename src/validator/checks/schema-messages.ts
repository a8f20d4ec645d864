import { childPointer, lastSegment, parentPointer, valueAt } from '../../json/pointer.js'
import { code, jsonType, oneOf, preview, truncate, withArticle } from '../../messages.js'
import type { DocumentType, JsonSchema } from '../../schemas.js'
import type { SchemaError } from '../compiled.js'
import type { Finding } from './finding.js'
import { discriminatorTypes, type LocatedSchema, schemaAt, schemaFileOf } from './vocabulary.js'

/** What describing an error needs: the document, its type, and the other errors. */
export interface Scope {
  type: DocumentType
  document: unknown
  errors: readonly FoldedError[]
}

/** An ajv error, with the errors of the sub-schemas it stands for (anyOf branches, then/else). */
export interface FoldedError extends SchemaError {
  parts: SchemaError[]
}

/** A finding's words, and where it points when that is not the error's own instance path. */
export type Described = Omit<Finding, 'rule' | 'pointer'> & { pointer?: string }

type Describer = (error: FoldedError, scope: Scope) => Described

/** Words for the formats the schemas use. */
const FORMAT_WORDS: Record<string, string> = {
  date: 'a date such as `2023-03-03` (YYYY-MM-DD)',
  'date-time': 'a date and time with a time zone, such as `2023-03-03T09:30:00Z`',
  uri: 'an absolute URL',
}

/** What a pattern asks for, by the title of the schema or the name of the field it governs. */
const PATTERN_WORDS: Record<string, string> = {
  DocumentId:
    'must be a Sanity document id: segments of letters, digits, `_` and `-` joined by single dots, no segment empty or starting with `-` (Sanity refuses `..` and a leading dot, and turns a trailing dot into a new random id); use hyphens instead of dots',
  Key: 'must be 1 to 64 letters, digits, `_` or `-`',
  LanguageTag:
    'must be a BCP 47 language tag: a 2- or 3-letter language code, then optional script, region and variant subtags joined by hyphens, such as `en`, `en-GB` or `sr-Latn-RS` (hyphens, not underscores; the code, not the name of the language)',
  current: 'must be lower-case words joined by single hyphens, such as `antony-blinken`',
  href: 'must be an http, https or mailto URL',
  ImageAssetReference: 'must be a Sanity image asset id: `image-<hash>-<width>x<height>-<format>`',
  NonBlankText:
    'must have some text, not only whitespace such as spaces, tabs, line breaks or no-break spaces (write the text, or remove the field if it is optional)',
  _sanityAsset:
    'must be `image@` and the URL of the file, such as `image@file://./images/photo.jpg`, as `sanity dataset import` reads it',
  contentHash:
    'must be the 64 lower-case hex digits of a sha-256, as publish writes it: remove the field, publish sets it',
}

/** Words for a finding, by the ajv keyword that failed. Keywords not listed get `other`. */
const DESCRIBERS: Partial<Record<string, Describer>> = {
  required: (error, scope) => ({ message: required(error, scope) }),
  additionalProperties: additionalProperty,
  type: (error, scope) => {
    const expected = String(error.params.type)
    const value = invalidValue(error, scope)
    return {
      message: `${fieldName(error.instancePath)} must be ${withArticle(expected)}, not ${jsonType(value)}.`,
      expected,
      actual: preview(value),
    }
  },
  const: (error, scope) => {
    const expected = String(error.params.allowedValue)
    const value = invalidValue(error, scope)
    const hint = lastSegment(error.instancePath) === '_type' ? typeHint(error, scope) : ''
    return {
      message: `${fieldName(error.instancePath)} must be ${code(expected)} here, not ${preview(value)}.${hint}`,
      expected,
      actual: preview(value),
    }
  },
  enum: (error, scope) => {
    const allowed = (error.params.allowedValues ?? []) as unknown[]
    const value = invalidValue(error, scope)
    return {
      message: `${fieldName(error.instancePath)} must be ${oneOf(allowed)}, not ${preview(value)}.${why(error.instancePath, scope)}`,
      expected: allowed.join(', '),
      actual: preview(value),
    }
  },
  pattern: (error, scope) => ({
    message: `${fieldName(error.instancePath)} ${patternWords(error, scope)}; it is ${preview(invalidValue(error, scope))}.`,
    // The pattern comes from our schemas, not the content: shown whole, as a cut regex says nothing.
    expected: String(error.params.pattern),
    actual: preview(invalidValue(error, scope)),
  }),
  format: (error, scope) => {
    const format = String(error.params.format)
    return {
      message: `${fieldName(error.instancePath)} must be ${formatWords(format)}; it is ${preview(invalidValue(error, scope))}.`,
      expected: format,
      actual: preview(invalidValue(error, scope)),
    }
  },
  minLength: (error, scope) => ({
    message:
      error.params.limit === 1
        ? `${fieldName(error.instancePath)} must not be empty: write the text, or remove the field if it is optional.`
        : `${fieldName(error.instancePath)} must be at least ${error.params.limit} characters long.`,
    expected: `at least ${plural(Number(error.params.limit), 'character')}`,
    actual: preview(invalidValue(error, scope)),
  }),
  maxLength: (error, scope) => {
    const value = invalidValue(error, scope)
    const length = typeof value === 'string' ? [...value].length : 0
    return {
      message: `${fieldName(error.instancePath)} must be at most ${error.params.limit} characters; it has ${length}. Shorten it.`,
      expected: `at most ${error.params.limit} characters`,
      actual: preview(value),
    }
  },
  minItems: (error, scope) => ({
    message: `${fieldName(error.instancePath)} must have at least ${plural(Number(error.params.limit), 'item')}.${minItemsHint(error)}`,
    expected: `at least ${plural(Number(error.params.limit), 'item')}`,
    actual: preview(invalidValue(error, scope)),
  }),
  minimum: (error, scope) => bound(error, scope, 'at least'),
  maximum: (error, scope) => bound(error, scope, 'at most'),
  uniqueItems: (error, scope) => ({
    message: `${fieldName(error.instancePath)} repeats a value (items ${error.params.j} and ${error.params.i} are the same): remove the repeat.`,
    actual: preview(invalidValue(error, scope)),
  }),
  dependentRequired: dependentRequired,
  discriminator: discriminator,
  anyOf: (error, scope) => ({
    message: `${fieldName(error.instancePath)} must be ${alternatives(error)}; it is ${preview(invalidValue(error, scope))}.`,
    actual: preview(invalidValue(error, scope)),
  }),
  if: (error, scope) => ({ message: conditional(error, scope) }),
}

/** Any other keyword: ajv's own words, and where the rule is written. */
const other: Describer = (error, scope) => ({
  message: `${fieldName(error.instancePath)} ${error.message ?? 'is not valid'}: see ${schemaFile(error.instancePath, scope)}.`,
  actual: preview(invalidValue(error, scope)),
})

/** Turn one (folded) ajv error into a finding whose message says what to do. */
export function describe(error: FoldedError, scope: Scope): Described {
  return (DESCRIBERS[error.keyword] ?? other)(error, scope)
}

function invalidValue(error: SchemaError, scope: Scope): unknown {
  return valueAt(scope.document, error.instancePath)
}

function formatWords(format: string): string {
  return FORMAT_WORDS[format] ?? `a valid ${format}`
}

function bound(error: SchemaError, scope: Scope, words: 'at least' | 'at most'): Described {
  return {
    message: `${fieldName(error.instancePath)} must be ${words} ${error.params.limit}; it is ${preview(invalidValue(error, scope))}.`,
    expected: `${words} ${error.params.limit}`,
    actual: preview(invalidValue(error, scope)),
  }
}

function additionalProperty(error: SchemaError, scope: Scope): Described {
  const name = String(error.params.additionalProperty)
  const pointer = childPointer(error.instancePath, name)
  return {
    pointer,
    anchor: 'key',
    message: `Unknown field ${code(name)} on ${ownerName(error.instancePath, scope)}: remove it, or add it to ${schemaFile(error.instancePath, scope)}.`,
    actual: preview(valueAt(scope.document, pointer)),
  }
}

function dependentRequired(error: SchemaError, scope: Scope): Described {
  const property = String(error.params.property)
  const missing = String(error.params.missingProperty)
  return {
    pointer: childPointer(error.instancePath, property),
    anchor: 'key',
    message: `${code(property)} needs ${code(missing)} beside it: add ${code(missing)}, or remove ${code(property)}.${why(childPointer(error.instancePath, missing), scope)}`,
  }
}

/** `headline`, `item 2 of marks`, or `The document` for the root. */
function fieldName(pointer: string): string {
  if (pointer === '') return 'The document'
  const last = lastSegment(pointer)
  if (/^\d+$/.test(last)) {
    const parent = lastSegment(parentPointer(pointer))
    return `Item ${last} of ${code(parent)}`
  }
  return code(last)
}

/** `1 item`, `2 items`. */
function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

/** The object at `pointer`, named for people: its `_type`, the document type, or its field. */
function ownerName(pointer: string, scope: Scope): string {
  if (pointer === '') return scope.type
  const type = (valueAt(scope.document, pointer) as { _type?: unknown } | undefined)?._type
  if (typeof type === 'string') return truncate(type)
  return code(lastSegment(pointer))
}

function located(pointer: string, scope: Scope): LocatedSchema | undefined {
  try {
    return schemaAt(scope.type, scope.document, pointer)
    // Stryker disable next-line BlockStatement: an empty catch returns undefined too.
  } catch {
    return undefined
  }
}

function schemaFile(pointer: string, scope: Scope): string {
  const at = located(pointer, scope)
  return at ? schemaFileOf(at.uri) : 'schemas/'
}

/** The schema's own description of a field, as the reason behind a rule. */
function why(pointer: string, scope: Scope): string {
  const description = located(pointer, scope)?.schema.description
  return typeof description === 'string' ? ` (${description.replace(/\.$/, '')}.)` : ''
}

function required(error: SchemaError, scope: Scope): string {
  const name = String(error.params.missingProperty)
  return `Missing required field ${code(name)} on ${ownerName(error.instancePath, scope)}: add it.${why(childPointer(error.instancePath, name), scope)}`
}

function typeHint(error: SchemaError, scope: Scope): string {
  const at = located(parentPointer(parentPointer(error.instancePath)), scope)
  const items = at?.schema.items as JsonSchema | undefined
  return items ? ` This array holds only ${code(String(error.params.allowedValue))} items.` : ''
}

function patternWords(error: SchemaError, scope: Scope): string {
  const own = ownPatternWords(error, scope)
  if (own !== undefined) return own
  // A pattern beside a `format` restates the format (dates): say what the format asks for.
  const format = located(error.instancePath, scope)?.schema.format
  if (typeof format === 'string' && Object.hasOwn(FORMAT_WORDS, format))
    return `must be ${formatWords(format)}`
  return `must match the pattern ${code(String(error.params.pattern))}`
}

/** The words PATTERN_WORDS has for a pattern error, by schema title, owner's title or field. */
export function ownPatternWords(error: SchemaError, scope: Scope): string | undefined {
  const title = located(error.instancePath, scope)?.schema.title
  const owner = located(parentPointer(error.instancePath), scope)?.schema.title
  for (const name of [title, owner, lastSegment(error.instancePath)]) {
    if (typeof name === 'string' && Object.hasOwn(PATTERN_WORDS, name))
      return PATTERN_WORDS[name] as string
  }
  return undefined
}

function minItemsHint(error: SchemaError): string {
  return lastSegment(error.instancePath) === 'children'
    ? ' A block needs at least one span; an empty paragraph has one span with empty `text`.'
    : ''
}

function discriminator(error: SchemaError, scope: Scope): Described {
  const pointer = childPointer(error.instancePath, String(error.params.tag))
  const value = error.params.tagValue
  const at = located(error.instancePath, scope)
  const allowed = at ? discriminatorTypes(at) : []
  const container = lastSegment(parentPointer(error.instancePath))
  const what = container === 'markDefs' ? 'annotation' : 'block'
  const file = at ? schemaFileOf(at.uri) : 'schemas/'
  const message =
    typeof value === 'string'
      ? `Unknown ${what} type ${code(value)}: use ${oneOf(allowed)}, or add the type to ${file}.`
      : `The ${what} \`_type\` must be a string: use ${oneOf(allowed)}.`
  return {
    pointer,
    message,
    expected: allowed.join(', '),
    actual: preview(value),
  }
}

/** `a date such as … or a date and time …`, from the folded errors of each anyOf branch. */
function alternatives(error: FoldedError): string {
  const branches = new Map<string, string>()
  for (const part of error.parts) {
    // split gives at least one string.
    const branch = part.schemaPath.slice(error.schemaPath.length + 1).split('/')[0] as string
    const words =
      part.keyword === 'format'
        ? formatWords(String(part.params.format))
        : part.keyword === 'type'
          ? withArticle(String(part.params.type))
          : undefined
    if (words && (!branches.has(branch) || part.keyword === 'format')) branches.set(branch, words)
  }
  const words = [...new Set(branches.values())]
  return words.length > 0 ? words.join(', or ') : 'one of the forms its schema allows'
}

/** For the quote's "speaker or attribution" rule: `if: {required: [a]}, then: {not: {required: [b]}}, else: {required: [b]}`. */
function conditional(error: FoldedError, scope: Scope): string {
  const at = located(error.instancePath, scope)?.schema
  const a = ((at?.if as JsonSchema | undefined)?.required as string[] | undefined)?.[0]
  const b = ((at?.else as JsonSchema | undefined)?.required as string[] | undefined)?.[0]
  const owner = ownerName(error.instancePath, scope)
  // Stryker disable next-line LogicalOperator: the one conditional of the schemas (image, quote) has both.
  if (!a || !b) {
    return `The ${owner} does not meet the conditional rule of its schema: see ${schemaFile(error.instancePath, scope)}.`
  }
  return error.params.failingKeyword === 'then'
    ? `This ${owner} has both ${code(a)} and ${code(b)}: give either ${code(a)} or ${code(b)}, not both.`
    : `This ${owner} has neither ${code(a)} nor ${code(b)}: give one of them.`
}
