/** A Buffer view of the same bytes: Buffer#indexOf is a memchr, Uint8Array#indexOf a loop. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}
