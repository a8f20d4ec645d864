import { REFERENCE_KEYWORD, type SchemaGraph } from '../../src/schema-graph.js'
import type { JsonSchema } from '../../src/schemas.js'
import type { Registry } from './documents.js'
import { humanize, URL_SCHEMES } from './studio-presentation.js'
import { Code, type Printable, quote, regexLiteral } from './studio-print.js'

/** A schema reached through `$ref`s, with the file it lives in and the nearest description. */
export interface Resolved {
  schema: JsonSchema
  base: string
  description: string | undefined
}

/** Where a Studio type is being built: which named types and helpers the file must import. */
export interface BuildContext {
  graph: SchemaGraph
  /** The document-type registry: slug sources and text areas come from its rows. */
  registry: Registry
  /** Named object types (annotations, custom blocks) found so far, by `_type`. */
  objectTypes: Map<string, Resolved>
  /** The one Portable Text text block definition every rich-text array shares. */
  block: Resolved | undefined
  /** Identifiers the file being built uses from its sibling modules. */
  uses: Set<string>
}

/** A Studio type for one value: its definition and the rule calls JSON Schema asks of it. */
interface Member {
  definition: { [key: string]: Printable | undefined } | Code
  rules: string[]
}

/**
 * Follow `$ref`s to the schema they name. Keywords beside a `$ref` apply too (draft 2020-12), so
 * they are merged over the target's: `{ $ref: nonBlankText, maxLength: 300 }` is a non-blank
 * string of at most 300 characters. A description beside a `$ref` wins over the target's.
 */
export function resolve(node: JsonSchema, base: string, graph: SchemaGraph): Resolved {
  let schema = node
  let description = typeof node.description === 'string' ? node.description : undefined
  while (typeof schema.$ref === 'string') {
    const { $ref, ...beside } = schema
    const uri = graph.resolveUri($ref, base)
    base = uri.split('#')[0] as string
    const target = graph.get(uri)
    schema = { ...target, ...beside }
    if (description === undefined && typeof target.description === 'string')
      description = target.description
  }
  return { schema, base, description }
}

/** The `_type` constant an object schema declares (`slug`, `reference`, `link`...), if any. */
export function typeConstant(schema: JsonSchema): string | undefined {
  const properties = schema.properties as Record<string, JsonSchema> | undefined
  const constant = properties?._type?.const
  return typeof constant === 'string' ? constant : undefined
}

/**
 * The Studio fields of an object schema, in property order. Properties starting with `_` are
 * Sanity's own (`_id`, `_type`, `_key`, `_rev`...), which Studio manages and never shows.
 */
export function fieldsOf(object: Resolved, owner: string, context: BuildContext): Printable[] {
  const properties = (object.schema.properties ?? {}) as Record<string, JsonSchema>
  const required = new Set((object.schema.required ?? []) as string[])
  return Object.entries(properties)
    .filter(([name]) => !name.startsWith('_'))
    .map(([name, property]) => {
      const resolved = resolve(property, object.base, context.graph)
      const { definition, rules } = member(resolved, `${owner}.${name}`, context)
      if (definition instanceof Code) throw unmappable(`${owner}.${name}`, 'a text block field')
      const { type, ...rest } = definition
      return {
        name,
        title: humanize(name),
        type,
        description: resolved.description,
        ...rest,
        ...systemManaged(resolved.schema),
        validation: validation(required.has(name) ? ['required()', ...rules] : rules),
      }
    })
}

/**
 * A `readOnly` property (JSON Schema: "managed exclusively by the owning authority") is set by
 * the tooling, such as `contentHash` by publish: Studio shows editors neither it nor an input.
 */
function systemManaged(schema: JsonSchema): { hidden?: boolean; readOnly?: boolean } {
  return schema.readOnly === true ? { hidden: true, readOnly: true } : {}
}

/** `(rule) => rule.a().b()`, or nothing when there is no rule. */
export function validation(rules: string[]): Code | undefined {
  return rules.length === 0 ? undefined : new Code(`(rule) => rule.${rules.join('.')}`)
}

function member(resolved: Resolved, path: string, context: BuildContext): Member {
  const { schema } = resolved
  const constant = typeConstant(schema)
  if (constant !== undefined) return objectMember(constant, resolved, path, context)
  if (Array.isArray(schema.anyOf))
    return dateMember(schema.anyOf as JsonSchema[], resolved.base, context.graph, path)
  switch (schema.type) {
    case 'string':
      return stringMember(schema, path, context)
    case 'array':
      return arrayMember(resolved, path, context)
    case 'integer':
    case 'number':
      return numberMember(schema)
    case 'boolean':
      return { definition: { type: 'boolean' }, rules: [] }
    default:
      throw unmappable(path, `type ${JSON.stringify(schema.type)}`)
  }
}

function objectMember(
  constant: string,
  resolved: Resolved,
  path: string,
  context: BuildContext,
): Member {
  switch (constant) {
    case 'slug':
      return slugMember(resolved, path, context)
    case 'reference':
      return referenceMember(resolved.schema, path)
    case 'image':
      return { definition: { type: 'image' }, rules: [] }
    case 'block':
      context.block = resolved
      context.uses.add('textBlock')
      return { definition: new Code('textBlock'), rules: [] }
    default:
      context.objectTypes.set(constant, resolved)
      return { definition: { type: constant }, rules: [] }
  }
}

function slugMember(resolved: Resolved, path: string, context: BuildContext): Member {
  const properties = resolved.schema.properties as Record<string, JsonSchema>
  const current = resolve(properties.current ?? {}, resolved.base, context.graph)
  const owner = path.split('.')[0] as string
  const rules: string[] = []
  if (typeof current.schema.pattern === 'string') {
    context.uses.add('slugPattern')
    const hint = quote(current.description ?? `match ${current.schema.pattern}`)
    rules.push(`custom(slugPattern(${regexLiteral(current.schema.pattern).source}, ${hint}))`)
  }
  const maxLength = numberOf(current.schema.maxLength)
  // options.maxLength only cuts a generated slug; a typed or pasted one needs the rule.
  if (maxLength !== undefined) {
    context.uses.add('slugMaxLength')
    rules.push(`custom(slugMaxLength(${maxLength}))`)
  }
  const options = { source: context.registry[owner]?.slugSource, maxLength }
  return { definition: { type: 'slug', options }, rules }
}

function referenceMember(schema: JsonSchema, path: string): Member {
  const targets = schema[REFERENCE_KEYWORD]
  if (!Array.isArray(targets)) throw unmappable(path, `a reference without ${REFERENCE_KEYWORD}`)
  const to = targets.map((target) => ({ type: String(target) }))
  return { definition: { type: 'reference', to }, rules: [] }
}

/** JSON Schema's date-or-date-time becomes Studio's date picker: it never invents a time. */
function dateMember(options: JsonSchema[], base: string, graph: SchemaGraph, path: string): Member {
  const formats = options
    .map((option) => resolve(option, base, graph).schema)
    .map((option) => (option.type === 'string' ? option.format : undefined))
  if (formats.includes('date')) return { definition: { type: 'date' }, rules: [] }
  if (formats.includes('date-time')) return { definition: { type: 'datetime' }, rules: [] }
  throw unmappable(path, 'an anyOf that is not a date or date-time string')
}

function stringMember(schema: JsonSchema, path: string, context: BuildContext): Member {
  if (Array.isArray(schema.enum)) {
    const list = schema.enum.map((value) => ({ title: humanize(String(value)), value }))
    return { definition: { type: 'string', options: { list, layout: 'radio' } }, rules: [] }
  }
  const rules = lengthRules(schema)
  if (schema.format === 'uri') return urlMember(schema, path, rules)
  if (schema.format === 'date') return { definition: { type: 'date' }, rules: [] }
  if (schema.format === 'date-time') return { definition: { type: 'datetime' }, rules: [] }
  if (typeof schema.pattern === 'string')
    rules.push(`regex(${regexLiteral(schema.pattern).source})`)
  const [owner, field] = path.split('.')
  const multiline = context.registry[owner as string]?.multiline ?? []
  const type = multiline.includes(field as string) ? 'text' : 'string'
  return { definition: { type }, rules }
}

function urlMember(schema: JsonSchema, path: string, rules: string[]): Member {
  const schemes = URL_SCHEMES[path]
  if (schemes) rules.push(`uri({ scheme: [${schemes.map(quote).join(', ')}] })`)
  if (typeof schema.pattern === 'string')
    rules.push(`regex(${regexLiteral(schema.pattern).source})`)
  return { definition: { type: 'url' }, rules }
}

function numberMember(schema: JsonSchema): Member {
  const rules: string[] = []
  if (schema.type === 'integer') rules.push('integer()')
  if (typeof schema.minimum === 'number') rules.push(`min(${schema.minimum})`)
  if (typeof schema.maximum === 'number') rules.push(`max(${schema.maximum})`)
  return { definition: { type: 'number' }, rules }
}

function arrayMember(resolved: Resolved, path: string, context: BuildContext): Member {
  const { schema, base } = resolved
  const items = resolve((schema.items ?? {}) as JsonSchema, base, context.graph)
  const choices = Array.isArray(items.schema.oneOf)
    ? (items.schema.oneOf as JsonSchema[]).map((choice) =>
        resolve(choice, items.base, context.graph),
      )
    : [items]
  const of = choices.map((choice) => {
    const { definition, rules } = member(choice, `${path}[]`, context)
    if (definition instanceof Code) return definition
    return { ...definition, validation: validation(rules) }
  })
  const rules: string[] = []
  if (typeof schema.minItems === 'number') rules.push(`min(${schema.minItems})`)
  if (typeof schema.maxItems === 'number') rules.push(`max(${schema.maxItems})`)
  if (schema.uniqueItems === true) rules.push('unique()')
  // A list of short strings (other spellings of a name) reads best as tags.
  const tags = choices.every((choice) => choice.schema.type === 'string' && !choice.schema.enum)
  return {
    definition: { type: 'array', of, options: tags ? { layout: 'tags' } : undefined },
    rules,
  }
}

function lengthRules(schema: JsonSchema): string[] {
  const rules: string[] = []
  if (typeof schema.minLength === 'number') rules.push(`min(${schema.minLength})`)
  if (typeof schema.maxLength === 'number') rules.push(`max(${schema.maxLength})`)
  return rules
}

function numberOf(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined
}

function unmappable(path: string, what: string): Error {
  return new Error(
    `Studio schema: ${path} is ${what}, which tools/codegen/studio-fields.ts cannot map to a Sanity type. Add the mapping there, or model the property with a type it knows.`,
  )
}
