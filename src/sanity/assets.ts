import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { SanityClient } from '@sanity/client'
import type { ContentDocument } from '../generated/types.js'
import { imageInfo } from './image-size.js'
import { withRetry } from './retry.js'

/** The extensions a photo binary may have, looked for in this order. */
export const PHOTO_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp'] as const

/** A photo's binary, read and identified. */
export interface PhotoBinary {
  /** The photo document's id. */
  documentId: string
  /** File name beside the JSON, such as `photo-x.jpg`. */
  file: string
  bytes: Buffer
  sha1: string
  /** Sanity's deterministic asset id: `image-<sha1>-<w>x<h>-<ext>`. */
  assetId: string
}

/** A photo binary that is not a PNG, JPEG or WebP, or is damaged. */
export class PhotoBinaryError extends Error {
  override readonly name = 'PhotoBinaryError'

  constructor(
    message: string,
    /** The photo the binary is for. */
    readonly documentId: string,
    /** The binary's file name, in the `photos` folder of the content. */
    readonly file: string,
  ) {
    super(message)
  }
}

/** Find and read `content/photos/<id>.{jpg,jpeg,png,webp}` for each photo; photos without one are left out. */
export async function findPhotoBinaries(
  contentDir: string,
  documents: readonly ContentDocument[],
): Promise<Map<string, PhotoBinary>> {
  const found = new Map<string, PhotoBinary>()
  for (const doc of documents) {
    if (doc._type !== 'photo') continue
    for (const ext of PHOTO_EXTENSIONS) {
      const file = `${doc._id}.${ext}`
      const bytes = await readFile(join(contentDir, 'photos', file)).catch(() => null)
      if (!bytes) continue
      const info = imageInfo(bytes)
      if (!info)
        throw new PhotoBinaryError(
          `content/photos/${file} is not a PNG, JPEG or WebP image (or is damaged): replace it.`,
          doc._id,
          file,
        )
      const sha1 = createHash('sha1').update(bytes).digest('hex')
      const assetId = `image-${sha1}-${info.width}x${info.height}-${info.format}`
      found.set(doc._id, { documentId: doc._id, file, bytes, sha1, assetId })
      break
    }
  }
  return found
}

/**
 * The document with its `image` field pointing at the binary's asset. The id is known before any
 * upload, so planning, dry runs and the import file all see the final document.
 */
export function withImageAsset<T extends ContentDocument>(
  doc: T,
  binary: PhotoBinary | undefined,
): T {
  if (!binary) return doc
  return { ...doc, image: { _type: 'image', asset: { _type: 'reference', _ref: binary.assetId } } }
}

/**
 * Make sure the binary is in the dataset: look its sha1 up first, upload only when it is not
 * there. Returns whether it uploaded.
 */
export async function ensureAsset(client: SanityClient, binary: PhotoBinary): Promise<boolean> {
  const existing = await withRetry(() =>
    client.fetch<string | null>(
      '*[_type == "sanity.imageAsset" && (sha1hash == $sha1 || _id == $id)][0]._id',
      { sha1: binary.sha1, id: binary.assetId },
    ),
  )
  if (existing) return false
  await withRetry(() =>
    client.assets.upload('image', binary.bytes, { filename: binary.file, preserveFilename: true }),
  )
  return true
}
