/** The result of decoding bytes as UTF-8: the text, or where the first invalid byte is. */
export type Decoded = { ok: true; text: string; bom: boolean } | { ok: false; offset: number }

const BOM = '\uFEFF'

/**
 * Decode bytes as UTF-8 and fail on the first invalid sequence instead of replacing it with
 * U+FFFD: a silent replacement would change the words of a quote.
 */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    // `ignoreBOM: true` keeps a byte order mark in the text, so callers decide what it means.
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
    return text.startsWith(BOM)
      ? { ok: true, text: text.slice(1), bom: true }
      : { ok: true, text, bom: false }
  } catch {
    // Only on the error path: find the offending byte.
    return { ok: false, offset: firstInvalidUtf8(bytes) }
  }
}

/** The byte offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  // Stryker disable next-line EqualityOperator: at bytes.length, sequenceLength is 0 and i is returned, as below.
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i)
    if (length === 0) return i
    i += length
  }
  return bytes.length
}

/** The length of the well-formed UTF-8 sequence at `i` (RFC 3629, table 3-7), or 0. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i] as number
  if (b0 < 0x80) return 1
  const continuation = (at: number, low = 0x80, high = 0xbf): boolean => {
    const b = bytes[at]
    // Stryker disable next-line ConditionalExpression: undefined >= low is false anyway; the test is for the type checker.
    return b !== undefined && b >= low && b <= high
  }
  if (b0 >= 0xc2 && b0 <= 0xdf) return continuation(i + 1) ? 2 : 0
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const low = b0 === 0xe0 ? 0xa0 : 0x80
    const high = b0 === 0xed ? 0x9f : 0xbf
    return continuation(i + 1, low, high) && continuation(i + 2) ? 3 : 0
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const low = b0 === 0xf0 ? 0x90 : 0x80
    const high = b0 === 0xf4 ? 0x8f : 0xbf
    return continuation(i + 1, low, high) && continuation(i + 2) && continuation(i + 3) ? 4 : 0
  }
  return 0
}
