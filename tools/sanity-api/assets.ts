import { createHash } from 'node:crypto'
import { httpError } from './errors.js'
import type { SanityDocument } from './types.js'

export interface ImageInfo {
  width: number
  height: number
  extension: 'png' | 'jpg' | 'gif' | 'webp'
  mimeType: string
}

function png(bytes: Buffer): ImageInfo | undefined {
  const signature = '89504e470d0a1a0a'
  if (bytes.length < 24 || bytes.subarray(0, 8).toString('hex') !== signature) return undefined
  // The first chunk is IHDR: width and height are its first eight bytes.
  return {
    width: bytes.readUInt32BE(16),
    height: bytes.readUInt32BE(20),
    extension: 'png',
    mimeType: 'image/png',
  }
}

/** Walk JPEG segments to the first start-of-frame marker, which holds the dimensions. */
function jpeg(bytes: Buffer): ImageInfo | undefined {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined
  let offset = 2
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return undefined
    const marker = bytes[offset + 1] as number
    const length = bytes.readUInt16BE(offset + 2)
    // SOF0..SOF15, except DHT (c4), JPG (c8) and DAC (cc), which share the range.
    const isFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)
    if (isFrame) {
      return {
        height: bytes.readUInt16BE(offset + 5),
        width: bytes.readUInt16BE(offset + 7),
        extension: 'jpg',
        mimeType: 'image/jpeg',
      }
    }
    offset += 2 + length
  }
  return undefined
}

function gif(bytes: Buffer): ImageInfo | undefined {
  const head = bytes.subarray(0, 6).toString('latin1')
  if (bytes.length < 10 || (head !== 'GIF87a' && head !== 'GIF89a')) return undefined
  return {
    width: bytes.readUInt16LE(6),
    height: bytes.readUInt16LE(8),
    extension: 'gif',
    mimeType: 'image/gif',
  }
}

function webp(bytes: Buffer): ImageInfo | undefined {
  if (
    bytes.length < 30 ||
    bytes.toString('latin1', 0, 4) !== 'RIFF' ||
    bytes.toString('latin1', 8, 12) !== 'WEBP'
  ) {
    return undefined
  }
  const chunk = bytes.toString('latin1', 12, 16)
  const info = { extension: 'webp', mimeType: 'image/webp' } as const
  if (chunk === 'VP8X')
    return { ...info, width: bytes.readUIntLE(24, 3) + 1, height: bytes.readUIntLE(27, 3) + 1 }
  if (chunk === 'VP8 ')
    return {
      ...info,
      width: bytes.readUInt16LE(26) & 0x3fff,
      height: bytes.readUInt16LE(28) & 0x3fff,
    }
  if (chunk === 'VP8L') {
    const bits = bytes.readUInt32LE(21)
    return { ...info, width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 }
  }
  return undefined
}

/** Dimensions and type read from the file header, as Sanity does on upload. */
export function imageInfo(bytes: Buffer): ImageInfo {
  const info = png(bytes) ?? jpeg(bytes) ?? gif(bytes) ?? webp(bytes)
  if (!info || info.width === 0 || info.height === 0) {
    throw httpError(400, 'Invalid image, could not read metadata')
  }
  return info
}

/**
 * The `sanity.imageAsset` document for `bytes`. Its id is Sanity's deterministic
 * `image-<sha1>-<w>x<h>-<ext>`; its `url` points at this local server, which serves the bytes.
 */
export function imageAsset(
  bytes: Buffer,
  where: { baseUrl: string; projectId: string; dataset: string; filename?: string },
): SanityDocument {
  const info = imageInfo(bytes)
  const sha1 = createHash('sha1').update(bytes).digest('hex')
  const file = `${sha1}-${info.width}x${info.height}.${info.extension}`
  const path = `images/${where.projectId}/${where.dataset}/${file}`
  return {
    _id: `image-${sha1}-${info.width}x${info.height}-${info.extension}`,
    _type: 'sanity.imageAsset',
    assetId: sha1,
    sha1hash: sha1,
    extension: info.extension,
    mimeType: info.mimeType,
    size: bytes.length,
    path,
    url: `${where.baseUrl}/${path}`,
    ...(where.filename ? { originalFilename: where.filename } : {}),
    metadata: {
      _type: 'sanity.imageMetadata',
      dimensions: {
        _type: 'sanity.imageDimensions',
        width: info.width,
        height: info.height,
        aspectRatio: info.width / info.height,
      },
    },
  }
}
