import { Rule, Schema } from '@sanity/schema'
import { builtinTypes } from '@sanity/schema/_internal'
import type { SchemaTypeDefinition } from '@sanity/types'
import { describe, expect, it } from 'vitest'
import { SchemaGraph } from '../src/schema-graph.js'
import { DOCUMENT_SCHEMAS, type JsonSchema, readSchemas, type SchemaFile } from '../src/schemas.js'
import { schemaTypes } from '../studio/index.js'
import { listLevel, slugMaxLength, slugPattern } from '../studio/rules.js'

/*
 * The two models must stay in step: every JSON Schema property is a Studio field of the matching
 * type, with the same description, required-ness, enum values and reference targets, and the same
 * rule values: lengths, patterns, item counts, number bounds, a slug's length and pattern, a list
 * level's bounds; a `readOnly` property is a hidden, read-only field. The Portable Text block has
 * the same styles, lists, decorators and annotations. The walk reads the JSON Schemas and Sanity's
 * own compiled schema, and shares no code with the generator, so a generator bug cannot hide
 * itself. Where a rule is a custom validator, the check runs it on a value just outside the
 * JSON Schema's bound and one just inside.
 */

/** The parts of a compiled Sanity schema type this check reads. */
interface StudioType {
  name: string
  title?: string
  description?: unknown
  jsonType: string
  type?: StudioType
  fields?: { name: string; type: StudioType }[]
  of?: StudioType[]
  to?: StudioType[]
  options?: { list?: unknown[] }
  validation?: unknown
  hidden?: unknown
  readOnly?: unknown
  decorators?: { value: string }[]
  annotations?: StudioType[]
}

interface Where {
  schema: JsonSchema
  base: string
  description?: string
}

const SYSTEM_FIELD = /^_/

function compileStudio(types: SchemaTypeDefinition[]): (name: string) => StudioType | undefined {
  const parent = Schema.compile({ name: 'studio', types: builtinTypes })
  const compiled = Schema.compile({ name: 'default', types, parent })
  return (name) => compiled.get(name) as unknown as StudioType | undefined
}

/** Every difference between the JSON Schemas and the Studio schema, one line each. */
function parityProblems(files: SchemaFile[], types: SchemaTypeDefinition[]): string[] {
  const graph = new SchemaGraph(files)
  const studio = compileStudio(types)
  const problems: string[] = []
  // Keywords beside a `$ref` apply as well as the target's (2020-12), so they are merged in.
  const resolve = (node: JsonSchema, base: string): Where => {
    let where: Where = { schema: node, base, description: str(node.description) }
    while (typeof where.schema.$ref === 'string') {
      const { $ref, ...beside } = where.schema
      const uri = graph.resolveUri($ref, where.base)
      const target = graph.get(uri)
      where = {
        schema: { ...target, ...beside },
        base: uri.split('#')[0] as string,
        description: where.description ?? str(target.description),
      }
    }
    return where
  }

  const checkObject = (json: Where, type: StudioType, path: string) => {
    const properties = (json.schema.properties ?? {}) as Record<string, JsonSchema>
    const required = new Set((json.schema.required ?? []) as string[])
    const fields = new Map((type.fields ?? []).map((field) => [field.name, field.type]))
    for (const [name, property] of Object.entries(properties)) {
      if (SYSTEM_FIELD.test(name)) continue
      const where = resolve(property, json.base)
      const field = fields.get(name)
      if (!field) {
        problems.push(
          `${path}.${name}: JSON Schema has a ${kindOf(where.schema)} property, Studio has no such field`,
        )
        continue
      }
      if (field.description !== where.description)
        problems.push(`${path}.${name}: description differs from the JSON Schema's`)
      checkRequired(field, required.has(name), `${path}.${name}`)
      checkReadOnly(where.schema, field, `${path}.${name}`)
      checkValue(where, field, `${path}.${name}`)
    }
    for (const name of fields.keys()) {
      if (!(name in properties))
        problems.push(`${path}.${name}: Studio field has no JSON Schema property`)
    }
  }

  // Set by the tooling, never by an editor: hidden, and read-only should it be shown.
  const checkReadOnly = (schema: JsonSchema, field: StudioType, path: string) => {
    const managed = field.hidden === true && field.readOnly === true
    if (schema.readOnly === true && !managed)
      problems.push(`${path}: readOnly in JSON Schema, not a hidden read-only field in Studio`)
    if (schema.readOnly !== true && (field.hidden === true || field.readOnly === true))
      problems.push(`${path}: hidden or read-only in Studio, not readOnly in JSON Schema`)
  }

  const checkRequired = (field: StudioType, required: boolean, path: string) => {
    const isRequired = rulesOf(field).some((rule) => rule._required === 'required')
    if (required && !isRequired)
      problems.push(`${path}: required in JSON Schema, not required() in Studio`)
    if (!required && isRequired)
      problems.push(`${path}: required() in Studio, optional in JSON Schema`)
  }

  const checkValue = (json: Where, type: StudioType, path: string) => {
    const names = typeChain(type)
    const expected = expectedTypes(json.schema)
    if (!expected.some((name) => names.includes(name))) {
      problems.push(
        `${path}: JSON Schema ${kindOf(json.schema)} needs Studio ${expected.join('|')}, got ${names[0]}`,
      )
      return
    }
    const constant = typeConst(json.schema)
    if (constant === 'reference') checkReference(json.schema, type, path)
    else if (constant === 'slug') checkSlug(json, type, path)
    else if (constant !== undefined && constant !== 'image') checkObject(json, type, path)
    else if (json.schema.type === 'string') checkString(json.schema, type, path)
    else if (json.schema.type === 'array') checkArray(json, type, path)
    else if (json.schema.type === 'integer' || json.schema.type === 'number')
      checkNumber(json.schema, type, path)
  }

  const checkFlags = (
    schema: JsonSchema,
    type: StudioType,
    path: string,
    pairs: readonly (readonly [keyword: string, flag: string])[],
  ) => {
    const flags = ruleFlags(type)
    for (const [keyword, flag] of pairs) {
      const value = schema[keyword]
      if (
        typeof value === 'number' &&
        !flags.some((rule) => rule.flag === flag && rule.constraint === value)
      )
        problems.push(`${path}: ${keyword} ${value} in JSON Schema, no ${flag}(${value}) in Studio`)
    }
  }

  const checkNumber = (schema: JsonSchema, type: StudioType, path: string) => {
    checkFlags(schema, type, path, [
      ['minimum', 'min'],
      ['maximum', 'max'],
    ])
    if (schema.type === 'integer' && !ruleFlags(type).some((rule) => rule.flag === 'integer'))
      problems.push(`${path}: integer in JSON Schema, no integer() in Studio`)
  }

  const checkReference = (schema: JsonSchema, type: StudioType, path: string) => {
    const want = ((schema['x-reference-to'] ?? []) as string[]).join(', ')
    const got = (type.to ?? []).map((target) => target.name).join(', ')
    if (want !== got)
      problems.push(`${path}: references [${want}] in JSON Schema, to [${got}] in Studio`)
  }

  const checkSlug = (json: Where, type: StudioType, path: string) => {
    const current = resolve(
      (json.schema.properties as Record<string, JsonSchema>).current ?? {},
      json.base,
    )
    const rejects = (current: string) =>
      customValidators(type).some((check) => check({ _type: 'slug', current }) !== true)
    const pattern = current.schema.pattern
    const bad = 'Not A Slug!'
    if (typeof pattern === 'string' && !new RegExp(pattern, 'u').test(bad) && !rejects(bad))
      problems.push(
        `${path}: Studio accepts slug "${bad}", JSON Schema pattern ${pattern} does not`,
      )
    const max = current.schema.maxLength
    if (typeof max === 'number') {
      if (!rejects('a'.repeat(max + 1)))
        problems.push(
          `${path}: Studio accepts a slug of ${max + 1} characters, JSON Schema maxLength is ${max}`,
        )
      if (rejects('a'.repeat(max)))
        problems.push(
          `${path}: Studio rejects a slug of ${max} characters, JSON Schema maxLength is ${max}`,
        )
    }
  }

  const checkString = (schema: JsonSchema, type: StudioType, path: string) => {
    if (Array.isArray(schema.enum)) {
      const list = (type.options?.list ?? []).map((item) =>
        typeof item === 'object' && item !== null ? (item as { value: unknown }).value : item,
      )
      if (list.join(', ') !== schema.enum.join(', '))
        problems.push(
          `${path}: enum [${schema.enum.join(', ')}] in JSON Schema, options.list [${list.join(', ')}] in Studio`,
        )
    }
    checkFlags(schema, type, path, [
      ['minLength', 'min'],
      ['maxLength', 'max'],
    ])
    const flags = ruleFlags(type)
    if (typeof schema.pattern === 'string') {
      const source = new RegExp(schema.pattern, 'u').source
      const has = flags.some(
        (rule) =>
          rule.flag === 'regex' &&
          (rule.constraint as { pattern: RegExp }).pattern.source === source,
      )
      if (!has)
        problems.push(`${path}: pattern ${schema.pattern} in JSON Schema, no regex() in Studio`)
    }
  }

  const checkArray = (json: Where, type: StudioType, path: string) => {
    const items = resolve((json.schema.items ?? {}) as JsonSchema, json.base)
    const choices = Array.isArray(items.schema.oneOf)
      ? (items.schema.oneOf as JsonSchema[]).map((choice) => resolve(choice, items.base))
      : [items]
    const members = type.of ?? []
    for (const choice of choices) {
      const constant = typeConst(choice.schema)
      const member = members.find((candidate) =>
        constant === undefined
          ? candidate.jsonType === choice.schema.type
          : candidate.name === constant,
      )
      const label = `${path}[${constant ?? choice.schema.type}]`
      if (!member) problems.push(`${label}: JSON Schema array item has no Studio array member`)
      else if (constant === 'block') checkBlock(choice, member, label)
      else checkValue(choice, member, label)
    }
    if (members.length !== choices.length)
      problems.push(
        `${path}: ${choices.length} item types in JSON Schema, ${members.length} in Studio`,
      )
    checkFlags(json.schema, type, path, [
      ['minItems', 'min'],
      ['maxItems', 'max'],
    ])
    const unique = ruleFlags(type).some((rule) => rule.flag === 'unique')
    if (json.schema.uniqueItems === true && !unique)
      problems.push(`${path}: uniqueItems in JSON Schema, no unique() in Studio`)
  }

  const checkBlock = (json: Where, block: StudioType, path: string) => {
    const properties = json.schema.properties as Record<string, JsonSchema>
    const blockFields = new Map((block.fields ?? []).map((field) => [field.name, field.type]))
    const listOf = (name: string) =>
      (blockFields.get(name)?.options?.list ?? []).map((item) => (item as { value: string }).value)
    const enumOf = (node: JsonSchema | undefined) =>
      (resolve(node ?? {}, json.base).schema.enum ?? []) as string[]
    const span = blockFields.get('children')?.of?.find((member) => member.name === 'span')
    const markDefs = resolve((properties.markDefs?.items ?? {}) as JsonSchema, json.base)
    const annotations = ((markDefs.schema.oneOf ?? []) as JsonSchema[]).map((choice) =>
      resolve(choice, markDefs.base),
    )
    const compare = (what: string, want: string[], got: string[]) => {
      if (want.join(', ') !== got.join(', '))
        problems.push(
          `${path}.${what}: [${want.join(', ')}] in JSON Schema, [${got.join(', ')}] in Studio`,
        )
    }
    compare('styles', enumOf(properties.style), listOf('style'))
    compare('lists', enumOf(properties.listItem), listOf('listItem'))
    compare(
      'decorators',
      decoratorEnum(graph),
      (span?.decorators ?? []).map((item) => item.value),
    )
    compare(
      'annotations',
      annotations.map((item) => typeConst(item.schema) ?? '?'),
      (span?.annotations ?? []).map((item) => item.name),
    )
    for (const annotation of annotations) {
      const name = typeConst(annotation.schema) as string
      const studioAnnotation = span?.annotations?.find((item) => item.name === name)
      if (studioAnnotation) checkObject(annotation, studioAnnotation, `${path}.${name}`)
    }
    checkLevel(resolve(properties.level ?? {}, json.base).schema, block, path)
  }

  // Sanity's block has its own `level` field; the bounds must be a rule on the block.
  const checkLevel = (level: JsonSchema, block: StudioType, path: string) => {
    const rejects = (value: number) =>
      customValidators(block).some((check) => check({ _type: 'block', level: value }) !== true)
    for (const [keyword, outside, inside] of [
      ['minimum', -1, 0],
      ['maximum', 1, 0],
    ] as const) {
      const bound = level[keyword]
      if (typeof bound !== 'number') continue
      if (!rejects(bound + outside))
        problems.push(
          `${path}.level: Studio accepts ${bound + outside}, JSON Schema ${keyword} is ${bound}`,
        )
      if (rejects(bound + inside))
        problems.push(`${path}.level: Studio rejects ${bound}, JSON Schema ${keyword} is ${bound}`)
    }
  }

  for (const [name, file] of Object.entries(DOCUMENT_SCHEMAS)) {
    const json = graph.get(`https://us-russia-g20-story.example/schemas/${file}`)
    const document = studio(name)
    if (!document || !typeChain(document).includes('document')) {
      problems.push(`${name}: no Studio document type`)
      continue
    }
    if (document.title !== json.title)
      problems.push(
        `${name}: title "${String(json.title)}" in JSON Schema, "${document.title}" in Studio`,
      )
    checkObject({ schema: json, base: String(json.$id) }, document, name)
    checkConditional(json, document, name, problems)
  }
  return problems
}

/**
 * A JSON Schema conditional must be a document rule: with a `then` (an image's asset xor
 * `_sanityAsset`), one that rejects both and neither; without one (a quote's speaker or
 * attribution), one that rejects neither and accepts both.
 */
function checkConditional(
  json: JsonSchema,
  document: StudioType,
  name: string,
  problems: string[],
): void {
  const first = (json.if as JsonSchema | undefined)?.required as string[] | undefined
  const second = (json.else as JsonSchema | undefined)?.required as string[] | undefined
  if (!first?.[0] || !second?.[0]) return
  const both = { [first[0]]: 'x', [second[0]]: 'y' }
  const validators = customValidators(document)
  const rejects = (value: object) => validators.some((check) => check(value) !== true)
  const one = { [first[0]]: 'x' }
  if (json.then === undefined) {
    if (!rejects({}) || rejects(both) || rejects(one))
      problems.push(
        `${name}: JSON Schema needs at least one of ${first[0]} and ${second[0]}, Studio does not`,
      )
  } else if (!rejects(both) || !rejects({}) || rejects(one))
    problems.push(
      `${name}: JSON Schema needs exactly one of ${first[0]} and ${second[0]}, Studio does not`,
    )
}

function rulesOf(type: StudioType): InstanceType<typeof Rule>[] {
  const validation = type.validation
  const built = typeof validation === 'function' ? validation(new Rule()) : validation
  return (Array.isArray(built) ? built : [built]).filter((rule) => rule instanceof Rule)
}

function ruleFlags(type: StudioType): { flag: string; constraint?: unknown }[] {
  return rulesOf(type).flatMap((rule) => rule._rules as { flag: string; constraint?: unknown }[])
}

function customValidators(type: StudioType): ((value: unknown) => unknown)[] {
  return ruleFlags(type)
    .filter((rule) => rule.flag === 'custom')
    .map((rule) => rule.constraint as (value: unknown) => unknown)
}

function typeChain(type: StudioType | undefined): string[] {
  return type ? [type.name, ...typeChain(type.type)] : []
}

function typeConst(schema: JsonSchema): string | undefined {
  const constant = (schema.properties as Record<string, JsonSchema> | undefined)?._type?.const
  return typeof constant === 'string' ? constant : undefined
}

function expectedTypes(schema: JsonSchema): string[] {
  const constant = typeConst(schema)
  if (constant !== undefined) return [constant]
  if (Array.isArray(schema.anyOf)) return ['date', 'datetime', 'string']
  if (schema.type === 'string') {
    if (schema.format === 'date') return ['date']
    if (schema.format === 'date-time') return ['datetime']
    if (schema.format === 'uri') return ['url']
    return ['string', 'text']
  }
  if (schema.type === 'integer' || schema.type === 'number') return ['number']
  return [String(schema.type)]
}

function kindOf(schema: JsonSchema): string {
  return typeConst(schema) ?? (Array.isArray(schema.anyOf) ? 'anyOf' : String(schema.type))
}

function decoratorEnum(graph: SchemaGraph): string[] {
  const uri =
    'https://us-russia-g20-story.example/schemas/portable-text.schema.json#/$defs/decorator'
  return (graph.get(uri).enum ?? []) as string[]
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

/** A copy of the schema files with one change applied to one file. */
function mutated(file: string, change: (schema: JsonSchema) => void): SchemaFile[] {
  return readSchemas().map((entry) => {
    const schema = structuredClone(entry.schema)
    if (entry.file === file) change(schema)
    return { file: entry.file, schema }
  })
}

function defs(schema: JsonSchema): Record<string, JsonSchema> {
  return schema.$defs as Record<string, JsonSchema>
}

function props(schema: JsonSchema): Record<string, JsonSchema> {
  return schema.properties as Record<string, JsonSchema>
}

describe('Studio schema parity with the JSON Schemas', () => {
  it('has a matching Studio field for every JSON Schema property, rule and Portable Text part', () => {
    expect(parityProblems(readSchemas(), schemaTypes)).toEqual([])
  })

  it('reports a property the Studio schema lacks', () => {
    const files = mutated('article.schema.json', (schema) => {
      props(schema).kicker = { description: 'A line above the headline.', type: 'string' }
    })
    expect(parityProblems(files, schemaTypes)).toEqual([
      'article.kicker: JSON Schema has a string property, Studio has no such field',
    ])
  })

  it('reports a Studio field the JSON Schema lacks', () => {
    const files = mutated('person.schema.json', (schema) => {
      delete props(schema).role
    })
    expect(parityProblems(files, schemaTypes)).toEqual([
      'person.role: Studio field has no JSON Schema property',
    ])
  })

  it('reports a required property that is not required() in Studio, and the reverse', () => {
    const files = mutated('article.schema.json', (schema) => {
      schema.required = [
        ...(schema.required as string[]).filter((name) => name !== 'headline'),
        'dateline',
      ]
    })
    expect(parityProblems(files, schemaTypes)).toEqual([
      'article.headline: required() in Studio, optional in JSON Schema',
      'article.dateline: required in JSON Schema, not required() in Studio',
    ])
  })

  it('reports a type mismatch', () => {
    const files = mutated('person.schema.json', (schema) => {
      props(schema).role = { description: props(schema).role?.description, type: 'boolean' }
    })
    expect(parityProblems(files, schemaTypes)).toEqual([
      'person.role: JSON Schema boolean needs Studio boolean, got string',
    ])
  })

  it('reports enum values that differ from options.list', () => {
    const files = mutated('quote.schema.json', (schema) => {
      props(schema).kind = {
        ...props(schema).kind,
        enum: ['direct', 'partial', 'paraphrase', 'summary'],
      }
    })
    expect(parityProblems(files, schemaTypes)).toEqual([
      'quote.kind: enum [direct, partial, paraphrase, summary] in JSON Schema, options.list [direct, partial, paraphrase] in Studio',
    ])
  })

  it('reports reference targets that differ from x-reference-to', () => {
    const files = mutated('common.schema.json', (schema) => {
      defs(schema).photoReference = {
        ...defs(schema).photoReference,
        'x-reference-to': ['photo', 'video'],
      }
    })
    expect(parityProblems(files, schemaTypes)).toEqual([
      'article.photo: references [photo, video] in JSON Schema, to [photo] in Studio',
      'article.body[photoEmbed].photo: references [photo, video] in JSON Schema, to [photo] in Studio',
    ])
  })

  it('reports a length rule and a pattern Studio does not enforce', () => {
    const files = mutated('image.schema.json', (schema) => {
      props(schema).credit = { ...props(schema).credit, maxLength: 120, pattern: '^[^<>]*$' }
    })
    expect(parityProblems(files, schemaTypes)).toEqual([
      'photo.credit: maxLength 120 in JSON Schema, no max(120) in Studio',
      'photo.credit: pattern ^[^<>]*$ in JSON Schema, no regex() in Studio',
    ])
  })

  it('reports Portable Text styles, decorators and annotations that differ', () => {
    const files = mutated('portable-text.schema.json', (schema) => {
      defs(schema).style = {
        ...defs(schema).style,
        enum: ['normal', 'h2', 'h3', 'h4', 'blockquote'],
      }
      defs(schema).decorator = { ...defs(schema).decorator, enum: ['strong'] }
      defs(schema).markDef = { ...defs(schema).markDef, oneOf: [{ $ref: '#/$defs/link' }] }
    })
    const styles =
      'styles: [normal, h2, h3, h4, blockquote] in JSON Schema, [normal, h2, h3, blockquote] in Studio'
    const decorators = 'decorators: [strong] in JSON Schema, [strong, em] in Studio'
    const annotations =
      'annotations: [link] in JSON Schema, [link, personMention, organizationMention, quotation] in Studio'
    const expected = [
      'article.highlights[block]',
      'article.body[block]',
      'article.updates[articleUpdate].text[block]',
    ].flatMap((path) => [`${path}.${styles}`, `${path}.${decorators}`, `${path}.${annotations}`])
    expect(parityProblems(files, schemaTypes)).toEqual(expected)
  })

  it('walks into annotation fields in every rich-text field', () => {
    const files = mutated('portable-text.schema.json', (schema) => {
      const link = defs(schema).link as JsonSchema
      props(link).href = { ...props(link).href, maxLength: 1000 }
    })
    expect(parityProblems(files, schemaTypes)).toEqual([
      'article.highlights[block].link.href: maxLength 1000 in JSON Schema, no max(1000) in Studio',
      'article.body[block].link.href: maxLength 1000 in JSON Schema, no max(1000) in Studio',
      'article.updates[articleUpdate].text[block].link.href: maxLength 1000 in JSON Schema, no max(1000) in Studio',
    ])
  })

  it('reports a Studio schema whose slug accepts what the JSON Schema pattern rejects', () => {
    const types = schemaTypes.map((type) =>
      type.name === 'person' && 'fields' in type
        ? {
            ...type,
            fields: type.fields?.map((field) =>
              field.name === 'slug'
                ? { ...field, validation: (rule: InstanceType<typeof Rule>) => rule.required() }
                : field,
            ),
          }
        : type,
    ) as SchemaTypeDefinition[]
    expect(parityProblems(readSchemas(), types)).toEqual([
      'person.slug: Studio accepts slug "Not A Slug!", JSON Schema pattern ^[a-z0-9]+(?:-[a-z0-9]+)*$ does not',
      'person.slug: Studio accepts a slug of 97 characters, JSON Schema maxLength is 96',
    ])
  })

  it('reports a document without the contentHash field or the speaker-or-attribution rule', () => {
    const types = withType('quote', (type) => ({
      ...type,
      validation: undefined,
      fields: type.fields?.filter((field) => field.name !== 'contentHash'),
    }))
    expect(parityProblems(readSchemas(), types)).toEqual([
      'quote.contentHash: JSON Schema has a string property, Studio has no such field',
      'quote: JSON Schema needs at least one of speaker and attribution, Studio does not',
    ])
  })

  it('reports a readOnly property that editors can see, and a hidden field that is not readOnly', () => {
    const types = withField('person', 'contentHash', (field) => ({ ...field, hidden: false }))
    const files = mutated('person.schema.json', (schema) => {
      props(schema).role = { ...props(schema).role, readOnly: true }
    })
    expect(parityProblems(readSchemas(), types)).toEqual([
      'person.contentHash: readOnly in JSON Schema, not a hidden read-only field in Studio',
    ])
    expect(parityProblems(files, schemaTypes)).toEqual([
      'person.role: readOnly in JSON Schema, not a hidden read-only field in Studio',
    ])
  })

  it('reports a slug whose length Studio does not limit (options.maxLength validates nothing)', () => {
    const types = withField('article', 'slug', (field) => ({
      ...field,
      validation: (rule: InstanceType<typeof Rule>) =>
        rule.required().custom(slugPattern(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, 'Lower-case words.')),
    }))
    expect(parityProblems(readSchemas(), types)).toEqual([
      'article.slug: Studio accepts a slug of 97 characters, JSON Schema maxLength is 96',
    ])
  })

  it('reports a slug length limit that differs from the JSON Schema', () => {
    const types = withField('person', 'slug', (field) => ({
      ...field,
      validation: (rule: InstanceType<typeof Rule>) =>
        rule
          .required()
          .custom(slugPattern(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, 'Lower-case words.'))
          .custom(slugMaxLength(50)),
    }))
    expect(parityProblems(readSchemas(), types)).toEqual([
      'person.slug: Studio rejects a slug of 96 characters, JSON Schema maxLength is 96',
    ])
  })

  it('reports list level bounds the Studio block does not enforce, or enforces differently', () => {
    const blockWith = (validation: unknown) =>
      schemaTypes.map((type) =>
        type.name === 'article' && 'fields' in type
          ? {
              ...type,
              fields: type.fields?.map((field) =>
                'of' in field && Array.isArray(field.of)
                  ? {
                      ...field,
                      of: field.of.map((member: { type: string }) =>
                        member.type === 'block' ? { ...member, validation } : member,
                      ),
                    }
                  : field,
              ),
            }
          : type,
      ) as SchemaTypeDefinition[]
    const paths = ['article.highlights[block]', 'article.body[block]']
    expect(parityProblems(readSchemas(), blockWith(undefined))).toEqual(
      paths.flatMap((path) => [
        `${path}.level: Studio accepts 0, JSON Schema minimum is 1`,
        `${path}.level: Studio accepts 11, JSON Schema maximum is 10`,
      ]),
    )
    const tooStrict = (rule: InstanceType<typeof Rule>) => rule.custom(listLevel(1, 9))
    expect(parityProblems(readSchemas(), blockWith(tooStrict))).toEqual(
      paths.map((path) => `${path}.level: Studio rejects 10, JSON Schema maximum is 10`),
    )
  })

  it('reports item counts and uniqueness Studio does not enforce', () => {
    const files = mutated('person.schema.json', (schema) => {
      props(schema).alternateNames = { ...props(schema).alternateNames, minItems: 2, maxItems: 5 }
    })
    const types = withField('person', 'alternateNames', (field) => ({
      ...field,
      validation: undefined,
    }))
    expect(parityProblems(files, schemaTypes)).toEqual([
      'person.alternateNames: minItems 2 in JSON Schema, no min(2) in Studio',
      'person.alternateNames: maxItems 5 in JSON Schema, no max(5) in Studio',
    ])
    expect(parityProblems(readSchemas(), types)).toEqual([
      'person.alternateNames: uniqueItems in JSON Schema, no unique() in Studio',
    ])
  })

  it('reports the non-blank rule of a text field when Studio lacks it', () => {
    const types = withField('person', 'name', (field) => ({
      ...field,
      validation: (rule: InstanceType<typeof Rule>) => rule.required().min(1),
    }))
    expect(parityProblems(readSchemas(), types)).toEqual([
      'person.name: pattern \\S in JSON Schema, no regex() in Studio',
    ])
  })
})

type DocumentType = SchemaTypeDefinition & { fields?: { name: string }[] }

/** The Studio types with one document type changed. */
function withType(name: string, change: (type: DocumentType) => object): SchemaTypeDefinition[] {
  return schemaTypes.map((type) =>
    type.name === name && 'fields' in type ? change(type as DocumentType) : type,
  ) as SchemaTypeDefinition[]
}

/** The Studio types with one field of one document type changed. */
function withField(
  name: string,
  field: string,
  change: (field: { name: string }) => object,
): SchemaTypeDefinition[] {
  return withType(name, (type) => ({
    ...type,
    fields: type.fields?.map((candidate) =>
      candidate.name === field ? change(candidate) : candidate,
    ),
  }))
}
