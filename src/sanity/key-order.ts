import { copyJson } from '../json/copy.js'
import { DOCUMENT_SCHEMAS, type JsonSchema, readSchemas, SCHEMA_DIR } from '../schemas.js'

type Schema = JsonSchema
interface Place {
  schema: Schema
  /** The schema file `schema` belongs to, for resolving `#/…` references. */
  file: string
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Orders the keys of documents as their JSON Schema lists the properties, at every depth
 * (Portable Text blocks, spans and markDefs included). Keys a schema does not list follow,
 * sorted, so the order never depends on the order the input had.
 */
export class KeyOrder {
  private readonly files: Map<string, Schema>

  constructor(schemaDir: string = SCHEMA_DIR) {
    this.files = new Map(readSchemas(schemaDir).map(({ file, schema }) => [file, schema]))
  }

  /** `doc` with its keys in schema order; a copy. Documents of unknown types get sorted keys. */
  apply<T>(doc: T): T {
    const type = isObject(doc) ? doc._type : undefined
    const file =
      typeof type === 'string' && Object.hasOwn(DOCUMENT_SCHEMAS, type)
        ? DOCUMENT_SCHEMAS[type as keyof typeof DOCUMENT_SCHEMAS]
        : undefined
    const schema = file ? this.files.get(file) : undefined
    return this.order(doc, schema && file ? { schema, file } : null) as T
  }

  /** A copy in schema order, made without recursion (see copyJson): any depth is safe. */
  private order(value: unknown, place: Place | null): unknown {
    return copyJson<Place | null>(value, place, {
      items: (array, at) => {
        const here = at ? this.resolve(array, at) : null
        return here && isObject(here.schema.items) ? { ...here, schema: here.schema.items } : null
      },
      keys: (object, at) => {
        const here = at ? this.resolve(object, at) : null
        const properties = here && isObject(here.schema.properties) ? here.schema.properties : {}
        const known = Object.keys(properties).filter((key) => Object.hasOwn(object, key))
        // The listed keys, then all sorted: a Set keeps each key at its first place.
        const keys = new Set([...known, ...Object.keys(object).sort()])
        return [...keys].map((key): [string, Place | null] => {
          const property = Object.hasOwn(properties, key) ? properties[key] : undefined
          return [key, here && isObject(property) ? { schema: property, file: here.file } : null]
        })
      },
    })
  }

  /** Follow `$ref`s, and pick the `oneOf`/`anyOf` branch whose `_type` const matches the value. */
  private resolve(value: unknown, place: Place, depth = 0): Place | null {
    if (depth > 32) return null
    const ref = place.schema.$ref
    if (typeof ref === 'string') {
      const target = this.lookup(ref, place.file)
      return target ? this.resolve(value, target, depth + 1) : null
    }
    const branches = place.schema.oneOf ?? place.schema.anyOf
    if (Array.isArray(branches) && isObject(value)) {
      for (const branch of branches) {
        const resolved = isObject(branch)
          ? this.resolve(value, { schema: branch, file: place.file }, depth + 1)
          : null
        const type = resolved?.schema.properties
        const constant = isObject(type) && isObject(type._type) ? type._type.const : undefined
        if (resolved && (constant === undefined || constant === value._type)) return resolved
      }
      return null
    }
    return place
  }

  private lookup(ref: string, fromFile: string): Place | null {
    const [fileName, pointer = ''] = ref.split('#')
    const file = fileName ? (fileName.split('/').pop() ?? fileName) : fromFile
    let node: unknown = this.files.get(file)
    for (const segment of pointer.split('/').filter(Boolean)) {
      node = isObject(node) ? node[segment.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined
    }
    return isObject(node) ? { schema: node, file } : null
  }
}
