import { asBuffer } from './bytes.js'

/**
 * An upper bound on the number of object keys in a JSON document, exact for any document
 * `JSON.parse` accepts unless a string value contains `":` (an escaped quote before a colon, or a
 * string opening with a colon), which only raises the count.
 *
 * Every key ends with an unescaped `"` followed by optional whitespace and `:`. Counting each
 * `:` preceded (after whitespace) by `"` counts every key, and overcounts only in those strings.
 * Duplicate keys lower the number of keys in the parsed value, so when this count equals the
 * parsed count there is no duplicate key; when they differ, momoa has the last word.
 *
 * It scans the UTF-8 bytes, not the decoded string: those ASCII bytes never occur inside a
 * multi-byte sequence, and `Buffer#indexOf` finds a byte many times faster than a string search.
 */
export function countKeyColons(bytes: Uint8Array): number {
  const buffer = asBuffer(bytes)
  let count = 0
  for (let i = buffer.indexOf(0x3a); i !== -1; i = buffer.indexOf(0x3a, i + 1)) {
    let j = i - 1
    let c = buffer[j]
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = buffer[--j]
    if (c === 0x22) count++
  }
  return count
}
