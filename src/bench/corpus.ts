import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { loadContent } from '../load.js'

/** What a generated corpus holds. */
export interface Corpus {
  path: string
  articles: number
  supporting: number
  bytes: number
}

/**
 * Write an NDJSON corpus of `articles` copies of content/'s article (each with its own `_id` and
 * slug, so all are valid), followed by content/'s people, quotes and photos they reference.
 * The supporting documents come last, as in an export sorted by id ("article-…" < "person-…"):
 * the hardest order for memory, since every reference waits for its target.
 */
export async function writeCorpus(path: string, articles: number): Promise<Corpus> {
  const documents = await loadContent()
  const template = documents.find((d) => d._type === 'article')
  if (!template) throw new Error('content/ has no article to copy: the bench needs one')
  const supporting = documents.filter((d) => d._type !== 'article')
  // Serialise once; each copy only swaps its id and slug in.
  const line = JSON.stringify({
    ...template,
    _id: '@@ID@@',
    slug: { ...template.slug, current: '@@SLUG@@' },
  })
  const out = createWriteStream(path)
  let bytes = 0
  const write = async (text: string): Promise<void> => {
    bytes += Buffer.byteLength(text)
    if (!out.write(text)) await once(out, 'drain')
  }
  for (let i = 0; i < articles; i++) {
    await write(
      `${line.replace('@@ID@@', `${template._id}-${i}`).replace('@@SLUG@@', `${template.slug.current}-${i}`)}\n`,
    )
  }
  for (const document of supporting) await write(`${JSON.stringify(document)}\n`)
  out.end()
  await once(out, 'close')
  return { path, articles, supporting: supporting.length, bytes }
}
