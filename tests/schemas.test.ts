import { DOCUMENT_TYPES, isPerson } from 'us-russia-g20-story'
import { describe, expect, it } from 'vitest'
import { SchemaGraph, schemaUri } from '../src/schema-graph.js'
import { DOCUMENT_SCHEMAS, type JsonSchema, readSchemas } from '../src/schemas.js'

const files = readSchemas()
const graph = new SchemaGraph(files)

/** Every subschema with the JSON path that leads to it, so failures say where. */
function* walk(node: unknown, path: string): Generator<[JsonSchema, string]> {
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) yield* walk(item, `${path}/${i}`)
    return
  }
  if (node === null || typeof node !== 'object') return
  yield [node as JsonSchema, path]
  for (const [key, value] of Object.entries(node)) {
    if (key !== 'const' && key !== 'enum') yield* walk(value, `${path}/${key}`)
  }
}

/** Follow `$ref`, and the branches of `oneOf`/`anyOf`, to the object schemas a node can be. */
function objectsOf(node: JsonSchema, base: string): JsonSchema[] {
  if (typeof node.$ref === 'string') {
    const uri = graph.resolveUri(node.$ref, base)
    return objectsOf(graph.get(uri), uri.split('#')[0] as string)
  }
  const branches = (node.oneOf ?? node.anyOf) as JsonSchema[] | undefined
  if (branches) return branches.flatMap((branch) => objectsOf(branch, base))
  return node.type === 'object' ? [node] : []
}

function typeConst(object: JsonSchema): unknown {
  return (object.properties as Record<string, JsonSchema> | undefined)?._type?.const
}

describe('schema files', () => {
  it.each(files.map((f) => [f.file, f.schema] as const))(
    '%s is draft 2020-12 with $id and title',
    (file, schema) => {
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
      expect(schema.$id).toBe(schemaUri(file))
      expect(typeof schema.title).toBe('string')
    },
  )

  it('describe every property (descriptions become TSDoc and Studio field help)', () => {
    const missing: string[] = []
    for (const { file, schema } of files) {
      for (const [node, path] of walk(schema, file)) {
        for (const [name, property] of Object.entries(
          (node.properties ?? {}) as Record<string, JsonSchema>,
        )) {
          const hasOwn = typeof property.description === 'string'
          // A `$ref` to a described definition is described there (system fields).
          const target =
            typeof property.$ref === 'string'
              ? graph.get(graph.resolveUri(property.$ref, schemaUri(file)))
              : {}
          if (!hasOwn && typeof target.description !== 'string')
            missing.push(`${path}/properties/${name}`)
        }
      }
    }
    expect(missing).toEqual([])
  })
})

describe('document schemas', () => {
  it.each(DOCUMENT_TYPES)('%s is closed and allows Sanity system fields', (type) => {
    const schema = graph.get(schemaUri(DOCUMENT_SCHEMAS[type]))
    expect(schema.additionalProperties).toBe(false)
    expect(typeConst(schema)).toBe(type)
    const properties = Object.keys(schema.properties as object)
    expect(properties).toEqual(
      expect.arrayContaining(['_id', '_type', '_rev', '_createdAt', '_updatedAt']),
    )
    expect(schema.required).toEqual(expect.arrayContaining(['_id', '_type']))
  })
})

describe('type names', () => {
  // Sanity's own types, and the shape that shows a schema means Sanity's own and not a type of ours.
  const sanityOwn: Record<string, string> = {
    block: 'children',
    span: 'text',
    reference: '_ref',
    slug: 'current',
    image: 'asset',
  }
  const reserved = ['image', 'file', 'block', 'span', 'reference', 'slug']

  it('never use a name Sanity reserves, except for Sanity’s own type', () => {
    const wrong: string[] = []
    for (const { file, schema } of files) {
      for (const [node, path] of walk(schema, file)) {
        const name = typeConst(node)
        if (typeof name !== 'string') continue
        const isReserved = reserved.includes(name) || name.startsWith('sanity.')
        const ownField = sanityOwn[name]
        const meansSanitys =
          ownField !== undefined && Object.hasOwn(node.properties as object, ownField)
        if (isReserved && !meansSanitys) wrong.push(`${path}: _type "${name}"`)
      }
    }
    expect(wrong).toEqual([])
  })

  it('document types are not reserved names', () => {
    for (const type of DOCUMENT_TYPES) {
      expect(reserved.includes(type) || type.startsWith('sanity.')).toBe(false)
    }
  })
})

describe('Portable Text', () => {
  const pt = schemaUri('portable-text.schema.json')

  it('custom block types have no `children`, so renderers never treat them as text blocks', () => {
    const members = objectsOf(graph.get(`${pt}#/$defs/bodyBlock`), pt)
    const custom = members.filter((member) => typeConst(member) !== 'block')
    expect(custom.length).toBeGreaterThan(0)
    for (const member of custom) {
      expect(Object.keys(member.properties as object)).not.toContain('children')
      expect(member.additionalProperties).toBe(false)
    }
  })

  it('every object that can stand in an array requires a `_key`', () => {
    const keyless: string[] = []
    for (const { file, schema } of files) {
      for (const [node, path] of walk(schema, file)) {
        if (node.type !== 'array' || typeof node.items !== 'object') continue
        for (const object of objectsOf(node.items as JsonSchema, schemaUri(file))) {
          if (!(object.required as string[] | undefined)?.includes('_key'))
            keyless.push(`${path}/items (${String(typeConst(object))})`)
        }
      }
    }
    expect(keyless).toEqual([])
  })

  it('closes the sets of styles, decorators, list types and annotations', () => {
    expect(graph.get(`${pt}#/$defs/style`).enum).toEqual(['normal', 'h2', 'h3', 'blockquote'])
    expect(graph.get(`${pt}#/$defs/decorator`).enum).toEqual(['strong', 'em'])
    expect(graph.get(`${pt}#/$defs/listItem`).enum).toEqual(['bullet', 'number'])
    const annotations = objectsOf(graph.get(`${pt}#/$defs/markDef`), pt).map(typeConst)
    expect(annotations).toEqual(['link', 'personMention', 'organizationMention', 'quotation'])
  })
})

describe('document ids', () => {
  const person = (id: string) => ({
    _id: id,
    _type: 'person',
    name: 'N',
    slug: { _type: 'slug', current: 'n' },
  })

  it.each([
    'person-antony-blinken',
    'a',
    'drafts.person-x',
    'x_1.2',
    'a'.repeat(128),
    `${'a.'.repeat(63)}ab`,
  ])('accepts %s', (id) => {
    expect(isPerson(person(id))).toBe(true)
  })

  // Sanity refuses an empty path segment and one starting with `-`, and `create` turns a trailing
  // dot into a prefix for a random id (sanity.io/docs/ids, sanity.io/docs/http-mutations).
  it.each([
    '-leading-dash',
    'has space',
    'slash/id',
    'ümlaut',
    '',
    'a'.repeat(129),
    'person-x.',
    'person..x',
    '.person-x',
    'person.-x',
    '.',
  ])('rejects "%s"', (id) => {
    expect(isPerson(person(id))).toBe(false)
  })
})
