import { nestsDeeperThan, stringifyJson } from '../json/stringify.js'
import { MAX_DEPTH } from '../validator/checks/walk.js'
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
 *
 * Any depth is safe: nothing recurses as deep as the document. One nested deeper than the
 * validator's MAX_DEPTH (which is never content, so never written) gets one line without
 * indentation, because indented text grows with the square of the depth.
 */
export function formatContentFile(doc: object, order: KeyOrder = schemaOrder()): string {
  const ordered = order.apply(doc)
  return `${stringifyJson(ordered, nestsDeeperThan(ordered, MAX_DEPTH) ? '' : '  ')}\n`
}
