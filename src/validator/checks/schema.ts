import type { RuleId } from '../../rules.js'
import type { DocumentType } from '../../schemas.js'
import { type SchemaError, validators } from '../compiled.js'
import type { Finding } from './finding.js'
import { describe, type FoldedError, ownPatternWords, type Scope } from './schema-messages.js'

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

/** What a schema check needs to know about the document beside its value. */
export interface SchemaContext {
  /** The identity check already reported an `_id` or `_type` missing or not a string. */
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
  // Stryker disable next-line ArrayDeclaration: ajv sets `errors` whenever a validator returns false.
  const errors = fold(validate.errors ?? [])
  const scope: Scope = { type, document, errors }
  const findings: Finding[] = []
  const said = new Set<string>()
  for (const error of errors) {
    if (isReportedElsewhere(error, errors, context, scope)) continue
    const finding = {
      rule: ruleOf(error.keyword),
      pointer: error.instancePath,
      ...describe(error, scope),
    }
    // A keyword can fail twice at one place (`alt` says `type: string` beside a `$ref` to a
    // schema that says it too): one problem, told once.
    const key = JSON.stringify(finding)
    if (said.has(key)) continue
    said.add(key)
    findings.push(finding)
  }
  return findings
}

/**
 * Fold the errors of `anyOf` branches and `if/then/else` branches into the error that owns them,
 * in ajv's order otherwise (the owners last). Exported for its tests.
 */
export function fold(errors: readonly SchemaError[]): FoldedError[] {
  const owners = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'if')
  const conditionals = owners
    .filter((owner) => owner.keyword === 'if')
    .map((owner) => ({ owner, prefix: branchPrefix(owner) }))
  const folded = new Map<SchemaError, SchemaError[]>(owners.map((o) => [o, []]))
  const branchOf = anyOfBranches(errors)
  const rest: FoldedError[] = []
  for (const error of errors) {
    if (folded.has(error)) continue
    const owner =
      branchOf.get(error) ??
      conditionals.find(
        ({ owner, prefix }) =>
          error.instancePath.startsWith(owner.instancePath) && error.schemaPath.startsWith(prefix),
      )?.owner
    if (owner) (folded.get(owner) as SchemaError[]).push(error)
    else rest.push({ ...error, parts: [] })
  }
  for (const [owner, parts] of folded) rest.push({ ...owner, parts })
  return rest
}

/**
 * The errors of each failed `anyOf`'s branches, by position: ajv lists them right before the
 * `anyOf` error, at or below its instance. A branch that is a `$ref` (a date, `{ $ref: date }`)
 * names the referenced schema in its errors' schemaPath, so the path alone cannot tell.
 */
function anyOfBranches(errors: readonly SchemaError[]): Map<SchemaError, SchemaError> {
  const owner = new Map<SchemaError, SchemaError>()
  errors.forEach((error, i) => {
    if (error.keyword !== 'anyOf') return
    for (let j = i - 1; j >= 0; j--) {
      const part = errors[j] as SchemaError
      // An error of another instance, or another owner (whose own parts lie before it), ends the run.
      if (!part.instancePath.startsWith(error.instancePath)) break
      if (part.keyword === 'anyOf' || part.keyword === 'if') break
      owner.set(part, error)
    }
  })
  return owner
}

/**
 * The schemaPath under which the errors of a failed `if`'s branch (`then` or `else`) lie. An
 * `anyOf`'s branches need none: anyOfBranches finds them all, by position.
 */
function branchPrefix(owner: SchemaError): string {
  return `${owner.schemaPath.slice(0, -'if'.length)}${String(owner.params.failingKeyword)}/`
}

function isReportedElsewhere(
  error: FoldedError,
  errors: readonly FoldedError[],
  context: SchemaContext,
  scope: Scope,
): boolean {
  const { keyword, instancePath, params } = error
  // A missing `_id`/`_type`, or one that is not a string, has its own rule; `__proto__` keys too.
  if (context.identityReported) {
    if (instancePath === '/_id' || instancePath === '/_type') return true
    if (keyword === 'required' && instancePath === '')
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
  const beside = (other: string) =>
    errors.find((e) => e.keyword === other && e.instancePath === instancePath)
  // A value that breaks both its format and its pattern is one problem. A pattern with words of
  // its own (`href`: which schemes) says it better than the format; a pattern that only restates
  // its format (a date) does not.
  if (keyword === 'format') {
    const pattern = beside('pattern')
    return pattern !== undefined && ownPatternWords(pattern, scope) !== undefined
  }
  if (keyword === 'pattern') {
    // An empty string is too short; that it also matches no pattern says nothing more.
    if (beside('minLength')) return true
    // Stryker disable next-line ConditionalExpression: every pattern of the schemas without a format beside it has words of its own.
    return beside('format') !== undefined && ownPatternWords(error, scope) === undefined
  }
  return false
}

function ruleOf(keyword: string): RuleId {
  return Object.hasOwn(SCHEMA_KEYWORD_RULES, keyword)
    ? SCHEMA_KEYWORD_RULES[keyword as keyof typeof SCHEMA_KEYWORD_RULES]
    : // Unreachable while every keyword the schemas use is in the table (a test checks it).
      (`schema/${keyword.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` as RuleId)
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
    // Stryker disable next-line ConditionalExpression: an ajv validator of parsed JSON throws nothing but the RangeError.
    if (!(error instanceof RangeError)) throw error
    return validate(clampStrings(document))
  }
}

/** A copy of a document with long strings cut. It recurses: the walk has rejected documents nested deeper than MAX_DEPTH. */
function clampStrings(value: unknown): unknown {
  if (typeof value === 'string') {
    const half = LONG_STRING / 2
    // Stryker disable next-line EqualityOperator: a string of exactly LONG_STRING is its own two halves.
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
      // Stryker disable next-line BooleanLiteral: a validator neither writes nor deletes.
      writable: true,
      // Stryker disable next-line BooleanLiteral: a validator neither writes nor deletes.
      configurable: true,
    })
  }
  return copy
}
