import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { readDocuments } from '../../src/content/read-documents.js'
import type { ContentDocument } from '../../src/generated/types.js'

/** What a generated corpus holds. */
export interface Corpus {
  path: string
  articles: number
  supporting: number
  bytes: number
}

/** The corpus as JSON text, one document a line: article copies, then content/'s others. */
interface CorpusLines {
  /** The `i`th copy of content/'s article. */
  article(i: number): string
  supporting: readonly ContentDocument[]
}

async function corpusLines(): Promise<CorpusLines> {
  const documents = await readDocuments()
  const template = documents.find((d) => d._type === 'article')
  if (!template) throw new Error('content/ has no article to copy: the bench needs one')
  // Serialise once; each copy only swaps its id and slug in.
  const line = JSON.stringify({
    ...template,
    _id: '@@ID@@',
    slug: { ...template.slug, current: '@@SLUG@@' },
  })
  return {
    article: (i) =>
      line
        .replace('@@ID@@', `${template._id}-${i}`)
        .replace('@@SLUG@@', `${template.slug.current}-${i}`),
    supporting: documents.filter((d) => d._type !== 'article'),
  }
}

/**
 * Write an NDJSON corpus of `articles` copies of content/'s article (each with its own `_id` and
 * slug, so all are valid), followed by content/'s people, quotes and photos they reference.
 * The supporting documents come last, as in an export sorted by id ("article-…" < "person-…"):
 * the hardest order for memory, since every reference waits for its target.
 */
export async function writeCorpus(path: string, articles: number): Promise<Corpus> {
  const lines = await corpusLines()
  const out = createWriteStream(path)
  let bytes = 0
  const write = async (text: string): Promise<void> => {
    bytes += Buffer.byteLength(text)
    if (!out.write(text)) await once(out, 'drain')
  }
  for (let i = 0; i < articles; i++) await write(`${lines.article(i)}\n`)
  for (const document of lines.supporting) await write(`${JSON.stringify(document)}\n`)
  out.end()
  await once(out, 'close')
  return { path, articles, supporting: lines.supporting.length, bytes }
}

/** How many documents of each `_type` {@link writeDocumentFiles} wrote, by folder. */
export type DocumentFiles = Record<string, { dir: string; count: number }>

/**
 * The same documents as {@link writeCorpus}, one file each, for tools that read a file per
 * document: `<dir>/<_type>/<_id>.json`.
 */
export async function writeDocumentFiles(dir: string, articles: number): Promise<DocumentFiles> {
  const lines = await corpusLines()
  const files: DocumentFiles = {}
  const folder = async (type: string): Promise<string> => {
    const entry = files[type] ?? { dir: join(dir, type), count: 0 }
    if (files[type] === undefined) await mkdir(entry.dir, { recursive: true })
    files[type] = entry
    entry.count++
    return entry.dir
  }
  for (let i = 0; i < articles; i++) {
    await writeFile(join(await folder('article'), `article-${i}.json`), lines.article(i))
  }
  for (const document of lines.supporting) {
    await writeFile(
      join(await folder(document._type), `${document._id}.json`),
      JSON.stringify(document),
    )
  }
  return files
}
