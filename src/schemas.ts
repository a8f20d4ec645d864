import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { displayPath } from './display-path.js'
import { syntaxProblem } from './json/locate.js'
import { messages } from './messages.js'
import { packageRoot } from './package-root.js'

/** Where the JSON Schemas live. */
export const SCHEMA_DIR = join(packageRoot(), 'schemas')

/** The base URI every schema `$id` starts with. */
export const SCHEMA_BASE = 'https://us-russia-g20-story.example/schemas/'

/** The document types and the schema file of each. Sanity reserves `image`, so the image type is `photo`. */
export const DOCUMENT_SCHEMAS = {
  article: 'article.schema.json',
  person: 'person.schema.json',
  quote: 'quote.schema.json',
  photo: 'image.schema.json',
} as const

/** A document `_type` this package defines. */
export type DocumentType = keyof typeof DOCUMENT_SCHEMAS

/** The document types, in a stable order. */
export const DOCUMENT_TYPES = Object.keys(DOCUMENT_SCHEMAS) as DocumentType[]

/** A JSON Schema as plain data. */
export type JsonSchema = { [keyword: string]: unknown }

/** One schema file: its name in `schemas/` and its parsed content. */
export interface SchemaFile {
  file: string
  schema: JsonSchema
}

/**
 * A schema file that is not valid JSON: the user's to fix, not a bug. The message starts with
 * `file:line:column`, as editors and terminals link it.
 */
export class SchemaFileError extends Error {
  override readonly name = 'SchemaFileError'

  constructor(
    /** The schema file's path. */
    readonly file: string,
    readonly line: number,
    readonly column: number,
    reason: string,
  ) {
    const where = displayPath(file)
    super(
      `${where}:${line}:${column}: ${messages.syntax(reason)} Then run \`npm run types\` to regenerate what comes from the schemas.`,
    )
  }
}

/**
 * Read every `*.schema.json` in the schema directory, sorted by file name.
 * Used by code generation and tests; validation itself runs precompiled code.
 *
 * @throws SchemaFileError when a file is not valid JSON, with its line and column.
 */
export function readSchemas(dir: string = SCHEMA_DIR): SchemaFile[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.schema.json'))
    .sort()
    .map((file) => ({ file, schema: parseSchema(join(dir, file)) }))
}

function parseSchema(path: string): JsonSchema {
  const text = readFileSync(path, 'utf8')
  try {
    return JSON.parse(text) as JsonSchema
  } catch (error) {
    const { position, reason } = syntaxProblem(text, error)
    throw new SchemaFileError(path, position.line, position.column, reason)
  }
}
