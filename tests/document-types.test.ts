/**
 * The document-type registry (src/document-types.ts) is the one place a document type is listed:
 * adding a type is its schema, one row and `npm run types`. These tests hold each row to its
 * schema, check that the generated files carry every registered type, and generate the whole
 * package for a made-up extra type to show that nothing else needs a hand edit.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type ContentDocument, DOCUMENT_TYPES } from 'us-russia-g20-story'
import { renderSite } from 'us-russia-g20-story/render'
import { describe, expect, it } from 'vitest'
import { DOCUMENT_TYPE_REGISTRY, type DocumentTypeSpec } from '../src/document-types.js'
import { packageRoot } from '../src/package-root.js'
import { TYPE_FOLDERS } from '../src/sanity/pull-plan.js'
import { SchemaGraph, schemaUri } from '../src/schema-graph.js'
import { type JsonSchema, readSchemas, SCHEMA_DIR } from '../src/schemas.js'
import { generateAll } from '../tools/codegen/generate.js'
import { storyDocuments } from './fixtures/render/story.js'

const root = packageRoot()
const graph = new SchemaGraph(readSchemas())
const rows = Object.entries(DOCUMENT_TYPE_REGISTRY) as [string, DocumentTypeSpec][]

function schemaOf(row: DocumentTypeSpec): JsonSchema {
  return graph.get(schemaUri(row.schema))
}

function propertiesOf(row: DocumentTypeSpec): Record<string, JsonSchema> {
  return schemaOf(row).properties as Record<string, JsonSchema>
}

describe('every registry row', () => {
  it.each(rows)('%s names a schema of that _type, with a title like its label', (type, row) => {
    expect(existsSync(join(SCHEMA_DIR, row.schema)), row.schema).toBe(true)
    expect(propertiesOf(row)._type?.const).toBe(type)
    expect(schemaOf(row).title).toBe(row.label)
  })

  it.each(rows)('%s names only fields its schema has', (_type, row) => {
    const fields = Object.keys(propertiesOf(row))
    const named = [
      ...row.requiredText,
      ...(row.multiline ?? []),
      ...(row.slugSource === undefined ? [] : [row.slugSource]),
      ...Object.values(row.preview.select).map((path) => path.split('.')[0] as string),
    ]
    expect(named.filter((field) => !fields.includes(field))).toEqual([])
  })

  it.each(rows)('%s has a page exactly when it has a slug', (_type, row) => {
    const hasSlug = 'slug' in propertiesOf(row)
    expect(row.page !== undefined).toBe(hasSlug)
    expect(row.slugSource !== undefined).toBe(hasSlug)
  })

  it('has its own content folder and page folder', () => {
    const folders = rows.map(([, row]) => row.folder)
    const pages = rows.flatMap(([, row]) => (row.page === undefined ? [] : [row.page]))
    expect(new Set(folders).size).toBe(folders.length)
    expect(new Set(pages).size).toBe(pages.length)
    expect([...TYPE_FOLDERS]).toEqual(rows.map(([type, row]) => [type, row.folder]))
  })

  it('covers every schema that describes a document (one with _id and a _type constant)', () => {
    const documents = readSchemas()
      .filter(({ schema }) => {
        const properties = (schema.properties ?? {}) as Record<string, JsonSchema>
        return '_id' in properties && typeof properties._type?.const === 'string'
      })
      .map(({ file }) => file)
    expect(documents.sort()).toEqual(rows.map(([, row]) => row.schema).sort())
    expect(DOCUMENT_TYPES).toEqual(rows.map(([type]) => type))
  })
})

describe('the generated files', () => {
  const read = (path: string) => readFileSync(join(root, path), 'utf8')

  it.each(rows)('carry %s', (type, row) => {
    const name = String(schemaOf(row).title)
    expect(read('src/generated/validators.ts')).toContain(`export const ${type} = `)
    expect(read('src/generated/documents.ts')).toContain(
      `  ${type}: compiled.${type} as Validator,`,
    )
    expect(read('src/generated/documents.ts')).toContain(`  ${row.folder}: ${name}[]`)
    expect(read('src/generated/guards.ts')).toContain(`export function is${name}(`)
    expect(read('src/generated/types.ts')).toMatch(
      new RegExp(`export type ContentDocument = .*\\b${name}\\b`),
    )
    expect(read(`studio/${type}.ts`)).toContain(`name: '${type}'`)
    expect(read('studio/index.ts')).toContain(`import { ${type} } from './${type}.js'`)
  })
})

describe('adding a document type', () => {
  it('is a schema, one registry row and `npm run types`', async () => {
    const schemas = mkdtempSync(join(tmpdir(), 'registry-schemas-'))
    cpSync(SCHEMA_DIR, schemas, { recursive: true })
    const note = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: schemaUri('note.schema.json'),
      title: 'Note',
      description: 'A note.',
      type: 'object',
      properties: {
        _id: { $ref: 'common.schema.json#/$defs/documentId' },
        _type: { const: 'note' },
        text: { $ref: 'common.schema.json#/$defs/nonBlankText' },
        about: { $ref: 'common.schema.json#/$defs/personReference' },
      },
      required: ['_id', '_type', 'text'],
      additionalProperties: false,
    }
    writeFileSync(join(schemas, 'note.schema.json'), JSON.stringify(note))
    const registry = {
      ...DOCUMENT_TYPE_REGISTRY,
      note: {
        schema: 'note.schema.json',
        folder: 'notes',
        label: 'Note',
        preview: { select: { title: 'text' } },
        multiline: ['text'],
        requiredText: ['text'],
      },
    }
    const files = new Map((await generateAll(schemas, registry)).map((f) => [f.path, f.content]))
    expect(files.get('src/generated/validators.ts')).toContain('export const note = ')
    expect(files.get('src/generated/guards.ts')).toContain(
      'export function isNote(value: unknown): value is Note {',
    )
    expect(files.get('src/generated/documents.ts')).toContain('  notes: Note[]')
    expect(files.get('src/generated/types.ts')).toMatch(/export type ContentDocument = .* \| Note/)
    const studio = files.get('studio/note.ts') ?? ''
    expect(studio).toContain("name: 'note'")
    expect(studio).toContain("type: 'text'")
    expect(studio).toContain("to: [{ type: 'person' }]")
    expect(files.get('studio/index.ts')).toContain("import { note } from './note.js'")
  })
})

describe('the renderer', () => {
  it('renders around a document of a type no page renders, as if it were not there', () => {
    const story = storyDocuments()
    const withNote = [...story, { _id: 'note-1', _type: 'note', text: 'x' } as never]
    const paths = (documents: ContentDocument[]) => renderSite(documents).map((file) => file.path)
    expect(paths(withNote)).toEqual(paths(story))
  })
})

describe('studio/', () => {
  it('holds one module per registered type, besides the shared ones', () => {
    const modules = readdirSync(join(root, 'studio')).map((name) => name.replace(/\.ts$/, ''))
    const shared = ['index', 'portable-text', 'rules']
    expect(modules.filter((name) => !shared.includes(name)).sort()).toEqual(
      rows.map(([type]) => type).sort(),
    )
  })
})
