import { KeyOrder } from './key-order.js'

let defaultOrder: KeyOrder | undefined

/** The key order of this package's schemas, read once. */
function schemaOrder(): KeyOrder {
  defaultOrder ??= new KeyOrder()
  return defaultOrder
}

/**
 * A document as the repo stores it: keys in the schema's property order at every depth,
 * 2-space JSON, one trailing newline. Two equal documents always give the same text.
 */
export function formatContentFile(doc: object, order: KeyOrder = schemaOrder()): string {
  return `${JSON.stringify(order.apply(doc), null, 2)}\n`
}
