import { type JsonSchema, SCHEMA_BASE, type SchemaFile } from './schemas.js'

/** A schema reachable by `$ref`, with the name it has in generated code (its `title`). */
export interface NamedSchema {
  uri: string
  name: string
  schema: JsonSchema
}

/**
 * The schema files as one graph: every file and every `$defs` entry addressable by absolute URI,
 * so code generators can follow `$ref`s across files.
 */
export class SchemaGraph {
  readonly #byUri = new Map<string, JsonSchema>()

  constructor(readonly files: SchemaFile[]) {
    for (const { schema } of files) {
      const id = String(schema.$id)
      this.#byUri.set(id, schema)
      for (const [name, def] of Object.entries(defsOf(schema))) {
        this.#byUri.set(`${id}#/$defs/${name}`, def)
      }
    }
  }

  /** The absolute URI a `$ref` found in the file with `$id` `base` points to. */
  resolveUri(ref: string, base: string): string {
    const url = new URL(ref, base)
    return url.hash ? `${url.origin}${url.pathname}${url.hash}` : `${url.origin}${url.pathname}`
  }

  /** The schema at an absolute URI. Throws when a `$ref` points nowhere. */
  get(uri: string): JsonSchema {
    const schema = this.#byUri.get(uri)
    if (!schema) throw new Error(`$ref ${uri} points to no schema in schemas/`)
    return schema
  }

  /** Every titled schema (documents and titled `$defs`), in file order. */
  named(): NamedSchema[] {
    const out: NamedSchema[] = []
    for (const { schema } of this.files) {
      const id = String(schema.$id)
      if (schema.type === 'object' && typeof schema.title === 'string') {
        out.push({ uri: id, name: schema.title, schema })
      }
      for (const [key, def] of Object.entries(defsOf(schema))) {
        if (typeof def.title === 'string')
          out.push({ uri: `${id}#/$defs/${key}`, name: def.title, schema: def })
      }
    }
    return out
  }
}

/** The `$id` of a schema file in `schemas/`. */
export function schemaUri(file: string): string {
  return `${SCHEMA_BASE}${file}`
}

function defsOf(schema: JsonSchema): Record<string, JsonSchema> {
  return (schema.$defs ?? {}) as Record<string, JsonSchema>
}

/** The annotation keyword that names the document types a reference may point to. */
export const REFERENCE_KEYWORD = 'x-reference-to'
