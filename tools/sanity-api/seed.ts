import { readFile } from 'node:fs/promises'
import type { SanityDocument } from './types.js'

/** A seed line that is not a document; names the place and the fix. */
export class SeedError extends Error {}

/**
 * Documents from an NDJSON file, one per line (the format of `sanity dataset export`'s
 * data.ndjson). Blank lines are skipped; every other line must be an object with `_id` and `_type`.
 *
 * @throws SeedError naming file, line and column for a line that is not such a document.
 */
export async function readSeed(path: string): Promise<SanityDocument[]> {
  const text = await readFile(path, 'utf8')
  const documents: SanityDocument[] = []
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue
    const place = `${path}:${index + 1}`
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (error) {
      const at = /position (\d+)/.exec((error as Error).message)?.[1]
      const column = at === undefined ? 1 : Number(at) + 1
      throw new SeedError(
        `${place}:${column} is not JSON: ${(error as Error).message}. Each line must be one JSON document.`,
      )
    }
    const doc = value as Partial<SanityDocument> | null
    if (
      typeof doc !== 'object' ||
      doc === null ||
      Array.isArray(doc) ||
      typeof doc._id !== 'string' ||
      typeof doc._type !== 'string'
    ) {
      throw new SeedError(
        `${place}:1 is not a document: each line needs an object with string "_id" and "_type".`,
      )
    }
    documents.push(doc as SanityDocument)
  }
  return documents
}
