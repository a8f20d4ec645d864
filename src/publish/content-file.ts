import { stringifyJson } from '../json/stringify.js'
import { KeyOrder } from './key-order.js'

let defaultOrder: KeyOrder | undefined

/** The key order of this package's schemas, read once. */
function schemaOrder(): KeyOrder {
  defaultOrder ??= new KeyOrder()
  return defaultOrder
}

/**
 * A document as the repo stores it: keys in the schema's property order at every depth,
 * 2-space JSON, one trailing newline. Two equal documents always give the same text. Any depth
 * is safe (nothing recurses as deep as the document), so a remote document nested too deep can
 * still be formatted, and then rejected by the validator with its id.
 */
export function formatContentFile(doc: object, order: KeyOrder = schemaOrder()): string {
  return `${stringifyJson(order.apply(doc), '  ')}\n`
}
