import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join, sep } from 'node:path'
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
    /** The binary's path, relative to the content folder (`photos/<id>.jpg` by default). */
    readonly file: string,
  ) {
    super(message)
  }
}

/**
 * Find and read each photo's binary, `<id>.{jpg,jpeg,png,webp}` beside its JSON: in whatever
 * folder of `contentDir` it is (`photos/` by default, or a story's own folder), skipping
 * dot-folders as `validate` does. Photos without one are left out.
 *
 * @throws {PhotoBinaryError} when a binary is not an image, or a photo has two binaries.
 */
export async function findPhotoBinaries(
  contentDir: string,
  documents: readonly ContentDocument[],
): Promise<Map<string, PhotoBinary>> {
  const found = new Map<string, PhotoBinary>()
  const photos = documents.filter((doc) => doc._type === 'photo')
  if (photos.length === 0) return found
  const binaries = await imageFiles(contentDir)
  for (const doc of photos) {
    const paths = PHOTO_EXTENSIONS.flatMap((ext) => binaries.get(`${doc._id}.${ext}`) ?? [])
    if (paths.length > 1)
      throw new PhotoBinaryError(
        `Photo "${doc._id}" has ${paths.length} images: ${paths.map((path) => `content/${path}`).join(', ')}. Keep one, beside the photo's JSON.`,
        doc._id,
        paths[0] ?? '',
      )
    const [path] = paths
    if (path === undefined) continue
    const bytes = await readFile(join(contentDir, path))
    const info = imageInfo(bytes)
    if (!info)
      throw new PhotoBinaryError(
        `content/${path} is not a PNG, JPEG or WebP image (or is damaged): replace it.`,
        doc._id,
        path,
      )
    const file = path.slice(path.lastIndexOf('/') + 1)
    const sha1 = createHash('sha1').update(bytes).digest('hex')
    const assetId = `image-${sha1}-${info.width}x${info.height}-${info.format}`
    found.set(doc._id, { documentId: doc._id, file, bytes, sha1, assetId })
  }
  return found
}

/** Every image file under `contentDir` by file name, each with its posix paths from there. */
async function imageFiles(contentDir: string): Promise<Map<string, string[]>> {
  const names = await readdir(contentDir, { recursive: true }).catch(() => [] as string[])
  const extension = new RegExp(`\\.(?:${PHOTO_EXTENSIONS.join('|')})$`)
  const files = new Map<string, string[]>()
  for (const name of names.sort()) {
    const path = name.split(sep).join('/')
    if (!extension.test(path) || path.split('/').some((part) => part.startsWith('.'))) continue
    const file = path.slice(path.lastIndexOf('/') + 1)
    files.set(file, [...(files.get(file) ?? []), path])
  }
  return files
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
