import { childPointer, lastSegment, parentPointer, valueAt } from '../json/pointer.js'
import { code, jsonType, oneOf, preview, truncate } from '../messages.js'
import type { RuleId } from '../rules.js'
import type { DocumentType, JsonSchema } from '../schemas.js'
import { type SchemaError, validators } from '../validators.js'
import type { Finding } from './finding.js'
import { discriminatorTypes, type LocatedSchema, schemaAt, schemaFileOf } from './vocabulary.js'

/** Strings longer than this are cut to their head and tail when a validator overflows the stack. */
const LONG_STRING = 65_536

/** The rule each ajv keyword reports under. Tests check every keyword the schemas use is here. */
export const SCHEMA_KEYWORD_RULES = {
  required: 'schema/required',
  additionalProperties: 'schema/additional-properties',
  type: 'schema/type',
  const: 'schema/const',
  enum: 'schema/enum',
  pattern: 'schema/pattern',
  format: 'schema/format',
  minLength: 'schema/min-length',
  maxLength: 'schema/max-length',
  minItems: 'schema/min-items',
  minimum: 'schema/minimum',
  maximum: 'schema/maximum',
  uniqueItems: 'schema/unique-items',
  dependentRequired: 'schema/dependent-required',
  discriminator: 'schema/discriminator',
  anyOf: 'schema/any-of',
  if: 'schema/conditional',
} as const satisfies Record<string, RuleId>

/**
 * Keywords whose errors never stand alone: ajv reports them beside an error of the keyword they
 * belong to (`if` for then/else/not, the discriminator for oneOf), which carries the message.
 */
export const SCHEMA_KEYWORDS_FOLDED = ['then', 'else', 'not', 'oneOf'] as const

/** Words for the formats the schemas use. */
const FORMAT_WORDS: Record<string, string> = {
  date: 'a date such as `2023-03-03` (YYYY-MM-DD)',
  'date-time': 'a date and time with a time zone, such as `2023-03-03T09:30:00Z`',
  uri: 'an absolute URL',
}

/** What a pattern asks for, by the title of the schema or the name of the field it governs. */
const PATTERN_WORDS: Record<string, string> = {
  DocumentId:
    'must be a document id: letters, digits, `.`, `_` and `-`, at most 128 characters, not starting with `-`',
  Key: 'must be 1 to 64 letters, digits, `_` or `-`',
  current: 'must be lower-case words joined by single hyphens, such as `antony-blinken`',
  href: 'must be an http, https or mailto URL',
  ImageAssetReference: 'must be a Sanity image asset id: `image-<hash>-<width>x<height>-<format>`',
}

/** What a schema check needs to know about the document beside its value. */
export interface SchemaContext {
  /** The identity check already reported a missing `_id` or `_type`. */
  identityReported: boolean
}

/**
 * Validate a document against the precompiled schema of its type and turn ajv's errors into
 * findings whose messages say what to do.
 */
export function schemaFindings(
  type: DocumentType,
  document: unknown,
  context: SchemaContext,
): Finding[] {
  const validate = validators[type]
  if (validateSafely(validate, document)) return []
  const errors = fold(validate.errors ?? [])
  const findings: Finding[] = []
  for (const error of errors) {
    if (isReportedElsewhere(error, errors, context)) continue
    findings.push(describe(error, { type, document, errors }))
  }
  return findings
}

interface Scope {
  type: DocumentType
  document: unknown
  errors: readonly FoldedError[]
}

/** An ajv error, with the errors of the sub-schemas it stands for (anyOf branches, then/else). */
interface FoldedError extends SchemaError {
  parts: SchemaError[]
}

/** Fold the errors of `anyOf` branches and `if/then/else` branches into the error that owns them. */
function fold(errors: readonly SchemaError[]): FoldedError[] {
  const owners = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'if')
  const prefixes = owners.map((owner) => ({ owner, prefix: branchPrefix(owner) }))
  const folded = new Map<SchemaError, SchemaError[]>(owners.map((o) => [o, []]))
  const rest: FoldedError[] = []
  for (const error of errors) {
    if (folded.has(error)) continue
    const owner = prefixes.find(
      ({ owner, prefix }) =>
        error.instancePath.startsWith(owner.instancePath) && error.schemaPath.startsWith(prefix),
    )?.owner
    if (owner) folded.get(owner)?.push(error)
    else rest.push({ ...error, parts: [] })
  }
  for (const [owner, parts] of folded) rest.push({ ...owner, parts })
  return rest
}

function branchPrefix(owner: SchemaError): string {
  if (owner.keyword === 'anyOf') return `${owner.schemaPath}/`
  const failing = String(owner.params.failingKeyword ?? 'then')
  return `${owner.schemaPath.slice(0, -'if'.length)}${failing}/`
}

function isReportedElsewhere(
  error: FoldedError,
  errors: readonly FoldedError[],
  context: SchemaContext,
): boolean {
  const { keyword, instancePath, params } = error
  // A missing `_id`/`_type` has its own rule; `__proto__` keys too.
  if (keyword === 'required' && instancePath === '' && context.identityReported) {
    return params.missingProperty === '_id' || params.missingProperty === '_type'
  }
  if (keyword === 'additionalProperties') return params.additionalProperty === '__proto__'
  // A missing `_type` on a block or annotation is reported once, as missing.
  if (keyword === 'discriminator') {
    return errors.some(
      (e) =>
        e.keyword === 'required' &&
        e.instancePath === instancePath &&
        e.params.missingProperty === params.tag,
    )
  }
  // For `href`, the pattern error says it better than the generic `uri` format.
  if (keyword === 'format') {
    return errors.some((e) => e.keyword === 'pattern' && e.instancePath === instancePath)
  }
  return false
}

function describe(error: FoldedError, scope: Scope): Finding {
  const rule = ruleOf(error.keyword)
  const value = valueAt(scope.document, error.instancePath)
  const field = fieldName(error.instancePath)
  const base = { rule, pointer: error.instancePath }
  switch (error.keyword) {
    case 'required':
      return { ...base, message: required(error, scope) }
    case 'additionalProperties': {
      const name = String(error.params.additionalProperty)
      const pointer = childPointer(error.instancePath, name)
      return {
        ...base,
        pointer,
        anchor: 'key',
        message: additional(name, error.instancePath, scope),
        actual: preview(valueAt(scope.document, pointer)),
      }
    }
    case 'type': {
      const expected = String(error.params.type)
      return {
        ...base,
        message: `${field} must be ${article(expected)}, not ${jsonType(value)}.`,
        expected,
        actual: preview(value),
      }
    }
    case 'const': {
      const expected = String(error.params.allowedValue)
      const hint = lastSegment(error.instancePath) === '_type' ? typeHint(error, scope) : ''
      return {
        ...base,
        message: `${field} must be ${code(expected)} here, not ${preview(value)}.${hint}`,
        expected,
        actual: preview(value),
      }
    }
    case 'enum': {
      const allowed = (error.params.allowedValues ?? []) as unknown[]
      return {
        ...base,
        message: `${field} must be ${oneOf(allowed)}, not ${preview(value)}.${why(error.instancePath, scope)}`,
        expected: allowed.join(', '),
        actual: preview(value),
      }
    }
    case 'pattern':
      return {
        ...base,
        message: `${field} ${patternWords(error, scope)}; it is ${preview(value)}.`,
        expected: truncate(String(error.params.pattern)),
        actual: preview(value),
      }
    case 'format': {
      const format = String(error.params.format)
      return {
        ...base,
        message: `${field} must be ${FORMAT_WORDS[format] ?? `a valid ${format}`}; it is ${preview(value)}.`,
        expected: format,
        actual: preview(value),
      }
    }
    case 'minLength':
      return {
        ...base,
        message:
          error.params.limit === 1
            ? `${field} must not be empty: write the text, or remove the field if it is optional.`
            : `${field} must be at least ${error.params.limit} characters long.`,
        actual: preview(value),
      }
    case 'maxLength': {
      const length = typeof value === 'string' ? [...value].length : 0
      return {
        ...base,
        message: `${field} must be at most ${error.params.limit} characters; it has ${length}. Shorten it.`,
        expected: `at most ${error.params.limit} characters`,
        actual: preview(value),
      }
    }
    case 'minItems':
      return {
        ...base,
        message: `${field} must have at least ${error.params.limit} item${error.params.limit === 1 ? '' : 's'}.${minItemsHint(error)}`,
        actual: preview(value),
      }
    case 'minimum':
    case 'maximum': {
      const bound = error.keyword === 'minimum' ? 'at least' : 'at most'
      return {
        ...base,
        message: `${field} must be ${bound} ${error.params.limit}; it is ${preview(value)}.`,
        expected: `${bound} ${error.params.limit}`,
        actual: preview(value),
      }
    }
    case 'uniqueItems':
      return {
        ...base,
        message: `${field} repeats a value (items ${error.params.j} and ${error.params.i} are the same): remove the repeat.`,
        actual: preview(value),
      }
    case 'dependentRequired': {
      const property = String(error.params.property)
      const missing = String(error.params.missingProperty)
      return {
        ...base,
        pointer: childPointer(error.instancePath, property),
        anchor: 'key',
        message: `${code(property)} needs ${code(missing)} beside it: add ${code(missing)}, or remove ${code(property)}.${why(childPointer(error.instancePath, missing), scope)}`,
      }
    }
    case 'discriminator':
      return discriminator(error, scope)
    case 'anyOf':
      return {
        ...base,
        message: `${field} must be ${alternatives(error)}; it is ${preview(value)}.`,
        actual: preview(value),
      }
    case 'if':
      return { ...base, message: conditional(error, scope) }
    default:
      return {
        ...base,
        message: `${field} ${error.message ?? 'is not valid'}: see ${schemaFile(error.instancePath, scope)}.`,
        actual: preview(value),
      }
  }
}

function ruleOf(keyword: string): RuleId {
  return Object.hasOwn(SCHEMA_KEYWORD_RULES, keyword)
    ? SCHEMA_KEYWORD_RULES[keyword as keyof typeof SCHEMA_KEYWORD_RULES]
    : // Unreachable while every keyword the schemas use is in the table (a test checks it).
      (`schema/${keyword.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` as RuleId)
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

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`
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

function additional(name: string, pointer: string, scope: Scope): string {
  return `Unknown field ${code(name)} on ${ownerName(pointer, scope)}: remove it, or add it to ${schemaFile(pointer, scope)}.`
}

function typeHint(error: SchemaError, scope: Scope): string {
  const at = located(parentPointer(parentPointer(error.instancePath)), scope)
  const items = at?.schema.items as JsonSchema | undefined
  return items ? ` This array holds only ${code(String(error.params.allowedValue))} items.` : ''
}

function patternWords(error: SchemaError, scope: Scope): string {
  const at = located(error.instancePath, scope)
  const title = typeof at?.schema.title === 'string' ? at.schema.title : undefined
  const owner = located(parentPointer(error.instancePath), scope)?.schema.title
  const field = lastSegment(error.instancePath)
  for (const name of [title, typeof owner === 'string' ? owner : undefined, field]) {
    if (name && Object.hasOwn(PATTERN_WORDS, name)) return PATTERN_WORDS[name] as string
  }
  return `must match the pattern ${code(String(error.params.pattern))}`
}

function minItemsHint(error: SchemaError): string {
  return lastSegment(error.instancePath) === 'children'
    ? ' A block needs at least one span; an empty paragraph has one span with empty `text`.'
    : ''
}

function discriminator(error: SchemaError, scope: Scope): Finding {
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
    rule: 'schema/discriminator',
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
    const branch = part.schemaPath.slice(error.schemaPath.length + 1).split('/')[0] ?? ''
    const words =
      part.keyword === 'format'
        ? (FORMAT_WORDS[String(part.params.format)] ?? `a valid ${part.params.format}`)
        : part.keyword === 'type'
          ? article(String(part.params.type))
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
  if (!a || !b) {
    return `The ${owner} does not meet the conditional rule of its schema: see ${schemaFile(error.instancePath, scope)}.`
  }
  const state =
    error.params.failingKeyword === 'then'
      ? `has both ${code(a)} and ${code(b)}`
      : `has neither ${code(a)} nor ${code(b)}`
  return `This ${owner} ${state}: give either ${code(a)} or ${code(b)}, not both.`
}

/**
 * Run a validator. ajv-formats' `uri` regular expression overflows the stack on strings of
 * several megabytes; then the document is validated again with long strings cut to their head
 * and tail (see LONG_STRING). Every length limit in the schemas is far below that, and anchored
 * patterns still see the true start and end, so the verdict stands.
 */
function validateSafely(validate: (data: unknown) => boolean, document: unknown): boolean {
  try {
    return validate(document)
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    return validate(clampStrings(document))
  }
}

/** A copy of a document with long strings cut. It recurses: the walk has rejected documents nested deeper than MAX_DEPTH. */
function clampStrings(value: unknown): unknown {
  if (typeof value === 'string') {
    const half = LONG_STRING / 2
    return value.length > LONG_STRING ? value.slice(0, half) + value.slice(-half) : value
  }
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map(clampStrings)
  const copy: Record<string, unknown> = {}
  for (const key of Object.keys(value)) {
    // defineProperty, because assigning `__proto__` would set the copy's prototype instead.
    Object.defineProperty(copy, key, {
      value: clampStrings((value as Record<string, unknown>)[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  return copy
}
