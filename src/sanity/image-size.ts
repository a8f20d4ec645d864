/** Pixel size and Sanity's format name of an image file. */
export interface ImageInfo {
  width: number
  height: number
  /** Sanity's extension in asset ids: `jpg`, `png` or `webp`. */
  format: 'jpg' | 'png' | 'webp'
}

/**
 * Read the size from the header of a PNG, JPEG or WebP file, or `null` when it is none of them
 * (or cut short). Only the header is read: the pixels are never decoded.
 */
export function imageInfo(bytes: Uint8Array): ImageInfo | null {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (
    data.length >= 24 &&
    data.readUInt32BE(0) === 0x89504e47 &&
    data.toString('ascii', 12, 16) === 'IHDR'
  )
    return { width: data.readUInt32BE(16), height: data.readUInt32BE(20), format: 'png' }
  if (data.length >= 4 && data[0] === 0xff && data[1] === 0xd8) return jpegInfo(data)
  if (
    data.length >= 30 &&
    data.toString('ascii', 0, 4) === 'RIFF' &&
    data.toString('ascii', 8, 12) === 'WEBP'
  )
    return webpInfo(data)
  return null
}

function jpegInfo(data: Buffer): ImageInfo | null {
  let offset = 2
  while (offset + 9 < data.length) {
    if (data[offset] !== 0xff) return null
    const marker = data[offset + 1] as number
    const length = data.readUInt16BE(offset + 2)
    // SOF0–SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker))
      return {
        height: data.readUInt16BE(offset + 5),
        width: data.readUInt16BE(offset + 7),
        format: 'jpg',
      }
    offset += 2 + length
  }
  return null
}

function webpInfo(data: Buffer): ImageInfo | null {
  const chunk = data.toString('ascii', 12, 16)
  if (chunk === 'VP8 ')
    return {
      width: data.readUInt16LE(26) & 0x3fff,
      height: data.readUInt16LE(28) & 0x3fff,
      format: 'webp',
    }
  if (chunk === 'VP8L') {
    const bits = data.readUInt32LE(21)
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1, format: 'webp' }
  }
  if (chunk === 'VP8X')
    return { width: data.readUIntLE(24, 3) + 1, height: data.readUIntLE(27, 3) + 1, format: 'webp' }
  return null
}
