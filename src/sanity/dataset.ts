import type { ContentDocument } from '../generated/types.js'
import type { OutputFile } from '../output-file.js'
import { findPhotoBinaries, withImageAsset } from './assets.js'
import { contentHash, HASH_FIELD } from './canonical.js'
import { KeyOrder } from './key-order.js'

/** The import file's name inside `dist/sanity/`. */
export const DATASET_FILE = 'dataset.ndjson'

/**
 * `dataset.ndjson` for `sanity dataset import`: one document per line with its `contentHash`
 * (the hash publish would store, so a later publish sees the imported documents as its own).
 * A photo with a binary gets `image._sanityAsset: "image@file://./images/<file>"`, and the file
 * is copied to `images/` beside the NDJSON, where the importer looks for it.
 */
export async function renderDataset(
  documents: readonly ContentDocument[],
  contentDir: string,
): Promise<OutputFile[]> {
  const binaries = await findPhotoBinaries(contentDir, documents)
  const order = new KeyOrder()
  const files: OutputFile[] = []
  const lines = documents.map((doc) => {
    const binary = binaries.get(doc._id)
    const hash = contentHash(withImageAsset(doc, binary) as unknown as Record<string, unknown>)
    const line: Record<string, unknown> = { ...order.apply(doc), [HASH_FIELD]: hash }
    if (binary) {
      line.image = { _type: 'image', _sanityAsset: `image@file://./images/${binary.file}` }
      files.push({ path: `images/${binary.file}`, content: new Uint8Array(binary.bytes) })
    }
    return JSON.stringify(line)
  })
  files.unshift({ path: DATASET_FILE, content: lines.length > 0 ? `${lines.join('\n')}\n` : '' })
  return files
}
