import type { Decorator } from '../../generated/types.js'
import { pointerSegments } from '../../json/pointer.js'
import { SchemaGraph, schemaUri } from '../../schema-graph.js'
import { DOCUMENT_SCHEMAS, type JsonSchema, readSchemas } from '../../schemas.js'

let graph: SchemaGraph | undefined

/** The schemas of schemas/ as one graph, read once (a few kilobytes; no compiler involved). */
export function schemaGraph(): SchemaGraph {
  graph ??= new SchemaGraph(readSchemas())
  return graph
}

let decorators: ReadonlySet<Decorator> | undefined

/**
 * The decorator names (`strong`, `em`, …), read from the `decorator` enum of
 * portable-text.schema.json so there is no second list to keep in step.
 */
export function decoratorNames(): ReadonlySet<Decorator> {
  // Stryker disable next-line ConditionalExpression: reading the enum again gives the same set.
  if (!decorators) {
    const def = schemaGraph().get(`${schemaUri('portable-text.schema.json')}#/$defs/decorator`)
    decorators = new Set((def.enum ?? []) as Decorator[])
  }
  return decorators
}

const COMMON = schemaUri('common.schema.json')

/**
 * A string definition of common.schema.json as a test of its `pattern`, `minLength` and
 * `maxLength`: `stringRule('slug', 'current')`. Code that must check such a string without the
 * validator (the renderer, which can be given unvalidated documents) shares the definition this
 * way rather than holding a copy of it. Compiled on first use.
 */
export function stringRule(def: string, ...properties: string[]): (value: unknown) => boolean {
  let test: ((value: string) => boolean) | undefined
  return (value) => {
    if (typeof value !== 'string') return false
    test ??= compileStringRule(def, properties)
    return test(value)
  }
}

function compileStringRule(def: string, properties: readonly string[]): (value: string) => boolean {
  let located = resolveSchema({ schema: schemaGraph().get(`${COMMON}#/$defs/${def}`), uri: COMMON })
  for (const name of properties) {
    const next = (located.schema.properties as Record<string, JsonSchema> | undefined)?.[name]
    if (!next) throw new Error(`common.schema.json#/$defs/${def} has no property ${name}`)
    located = resolveSchema({ schema: next, uri: located.uri })
  }
  const { pattern, minLength, maxLength } = located.schema
  const regex = typeof pattern === 'string' ? new RegExp(pattern, 'u') : undefined
  return (value) => {
    // JSON Schema counts lengths in code points.
    const length = [...value].length
    if (typeof minLength === 'number' && length < minLength) return false
    if (typeof maxLength === 'number' && length > maxLength) return false
    return regex === undefined || regex.test(value)
  }
}

/** A schema together with the URI it was found at, for resolving the `$ref`s inside it. */
export interface LocatedSchema {
  schema: JsonSchema
  uri: string
}

/** Follow `$ref`s until a schema that is not a bare reference. */
export function resolveSchema(located: LocatedSchema): LocatedSchema {
  let current = located
  // The bound only guards against a `$ref` cycle, which the schemas do not have (nothing can test it).
  // Stryker disable next-line ConditionalExpression,EqualityOperator,UpdateOperator: see above.
  for (let hops = 0; typeof current.schema.$ref === 'string' && hops < 32; hops++) {
    const uri = schemaGraph().resolveUri(current.schema.$ref, current.uri)
    current = { schema: { ...schemaGraph().get(uri), ...withoutRef(current.schema) }, uri }
  }
  return current
}

// Keywords beside a `$ref` apply too (`maxLength` beside a text definition), and a description
// beside it says what this use is (`name`, not "text that is not blank"), so they win.
function withoutRef(schema: JsonSchema): JsonSchema {
  const { $ref: _ref, ...rest } = schema
  return rest
}

/** The `_type` a schema fixes with `const`, if any. */
export function constType(schema: JsonSchema): string | undefined {
  const type = (schema.properties as Record<string, JsonSchema> | undefined)?._type?.const
  return typeof type === 'string' ? type : undefined
}

/** The `_type`s a discriminated `oneOf` allows, in schema order. */
export function discriminatorTypes(located: LocatedSchema): string[] {
  const branches = (located.schema.oneOf ?? []) as JsonSchema[]
  return branches
    .map((branch) => constType(resolveSchema({ schema: branch, uri: located.uri }).schema))
    .filter((type): type is string => type !== undefined)
}

/**
 * The schema that governs the value at `pointer` in a document of `documentType`, following
 * `$ref`s, `properties`, `items` and discriminated `oneOf`s (picked by the value's `_type`).
 * Used only to word messages, so it gives up (undefined) rather than guess.
 */
export function schemaAt(
  documentType: string,
  document: unknown,
  pointer: string,
): LocatedSchema | undefined {
  if (!Object.hasOwn(DOCUMENT_SCHEMAS, documentType)) return undefined
  const file = DOCUMENT_SCHEMAS[documentType as keyof typeof DOCUMENT_SCHEMAS]
  let located = resolveSchema({ schema: schemaGraph().get(schemaUri(file)), uri: schemaUri(file) })
  let value = document
  for (const segment of pointerSegments(pointer)) {
    located = pickBranch(located, value)
    const next = Array.isArray(value)
      ? (located.schema.items as JsonSchema | undefined)
      : (located.schema.properties as Record<string, JsonSchema> | undefined)?.[segment]
    if (!next || typeof next !== 'object') return undefined
    located = resolveSchema({ schema: next, uri: located.uri })
    value =
      value !== null && typeof value === 'object' && Object.hasOwn(value, segment)
        ? (value as Record<string, unknown>)[segment]
        : undefined
  }
  return located
}

function pickBranch(located: LocatedSchema, value: unknown): LocatedSchema {
  if (
    !Array.isArray(located.schema.oneOf) ||
    value === null ||
    // Stryker disable next-line ConditionalExpression: a string or number has no `_type`, so no branch would match.
    typeof value !== 'object'
  )
    return located
  const type = (value as { _type?: unknown })._type
  for (const branch of located.schema.oneOf as JsonSchema[]) {
    const resolved = resolveSchema({ schema: branch, uri: located.uri })
    if (constType(resolved.schema) === type) return resolved
  }
  return located
}

/** The schema file a URI points into, as a path from the package root. */
export function schemaFileOf(uri: string): string {
  // split gives at least one string, so neither step can miss.
  return `schemas/${(uri.split('#')[0] as string).split('/').pop() as string}`
}
