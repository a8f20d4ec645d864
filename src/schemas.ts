import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { displayPath } from './display-path.js'
import { DOCUMENT_TYPE_REGISTRY, DOCUMENT_TYPES, type DocumentType } from './document-types.js'
import { syntaxProblem } from './json/locate.js'
import { messages } from './messages.js'
import { packageRoot } from './package-root.js'

/** Where the JSON Schemas live. */
export const SCHEMA_DIR = join(packageRoot(), 'schemas')

/** The base URI every schema `$id` starts with. */
export const SCHEMA_BASE = 'https://us-russia-g20-story.example/schemas/'

/** The schema file of each document type, from the registry (src/document-types.ts). */
export const DOCUMENT_SCHEMAS = Object.fromEntries(
  DOCUMENT_TYPES.map((type) => [type, DOCUMENT_TYPE_REGISTRY[type].schema]),
) as Readonly<Record<DocumentType, string>>

export type { DocumentType } from './document-types.js'
export { DOCUMENT_TYPES } from './document-types.js'

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
