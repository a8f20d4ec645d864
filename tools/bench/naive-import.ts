/**
 * The publish bench's baseline: what a user without our publish would do, in the spirit of
 * `sanity dataset import`. Read every file, then `createOrReplace` every document with the real
 * @sanity/client, packed into transactions of at most 256 KB, one after another. No plan: it
 * neither reads the dataset nor skips what is already there, so a second run re-sends it all.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { SanityClient } from '@sanity/client'
import { MAX_TRANSACTION_BYTES } from '../../src/sanity/transactions.js'

/** A document as read from a content file. */
type Doc = { _id: string; _type: string } & Record<string, unknown>

/** What the naive import sent. */
export interface NaiveImportReport {
  documents: number
  transactions: number
}

/** Every `.json` file under `dir`, parsed, in path order (as a shell glob would list them). */
export async function readContentFiles(dir: string): Promise<Doc[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
  const docs: Doc[] = []
  for (const file of files) docs.push(JSON.parse(await readFile(file, 'utf8')) as Doc)
  return docs
}

/**
 * Documents in transactions whose `{"mutations":[…]}` body stays within `maxBytes` (a document
 * larger than that goes alone), in the order given.
 */
export function naiveTransactions(docs: readonly Doc[], maxBytes = MAX_TRANSACTION_BYTES): Doc[][] {
  const envelope = Buffer.byteLength('{"mutations":[]}')
  const batches: Doc[][] = []
  let current: Doc[] = []
  let bytes = envelope
  for (const doc of docs) {
    // `{"createOrReplace":…}` plus the comma before it.
    const size = Buffer.byteLength(JSON.stringify(doc)) + '{"createOrReplace":},'.length
    if (current.length > 0 && bytes + size > maxBytes) {
      batches.push(current)
      current = []
      bytes = envelope
    }
    current.push(doc)
    bytes += size
  }
  if (current.length > 0) batches.push(current)
  return batches
}

/**
 * Import `dir` naively: the documents other documents reference (people, quotes, photos) first,
 * which a strict server needs and which spares the baseline the second pass of reference patches
 * `sanity dataset import` makes; then sequential `createOrReplace` transactions.
 */
export async function naiveImport(client: SanityClient, dir: string): Promise<NaiveImportReport> {
  const docs = await readContentFiles(dir)
  const ordered = [
    ...docs.filter((doc) => doc._type !== 'article'),
    ...docs.filter((doc) => doc._type === 'article'),
  ]
  const batches = naiveTransactions(ordered)
  for (const batch of batches) {
    const transaction = client.transaction()
    for (const doc of batch) transaction.createOrReplace(doc)
    await transaction.commit()
  }
  return { documents: docs.length, transactions: batches.length }
}
