/**
 * `npm run render -- [--id ARTICLE_ID] [--format html|text|markdown] [--out DIR] [--content DIR]`
 *
 * Without --id: writes the static site (html) to --out, default dist/site, swapped into place
 * whole. With --id: prints that article to stdout in the format, or writes it under --out.
 * Exit codes: 0 done, 1 content problems, 2 usage or environment.
 */
import { randomBytes } from 'node:crypto'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { replaceDir } from '../src/build/swap-dir.js'
import { writeFiles } from '../src/build/write-files.js'
import { ContentError, loadContent } from '../src/load.js'
import { packageRoot } from '../src/package-root.js'
import { RenderError, UnknownArticleError } from '../src/render/errors.js'
import {
  ARTICLE_FORMATS,
  type ArticleFormat,
  renderArticle,
  renderSite,
} from '../src/render/site.js'
import { format as formatReport } from '../src/report/pretty.js'

const USAGE = `Usage: npm run render -- [--id ARTICLE_ID] [--format html|text|markdown] [--out DIR] [--content DIR]

  (no --id)        write the static site to --out (default dist/site)
  --id ID          render one article: to stdout, or to DIR/articles/<slug>/index.<ext> with --out
  --format F       html (default), text or markdown; text and markdown need --id
  --content DIR    read the content from DIR (default: the package's content/)`

const EXTENSIONS: Record<ArticleFormat, string> = { html: 'html', text: 'txt', markdown: 'md' }

class UsageError extends Error {}

interface Options {
  id?: string
  format: ArticleFormat
  out?: string
  content?: string
}

function options(argv: string[]): Options | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      id: { type: 'string' },
      format: { type: 'string', default: 'html' },
      out: { type: 'string' },
      content: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  })
  if (values.help) return 'help'
  const format = values.format as ArticleFormat
  if (!ARTICLE_FORMATS.includes(format)) {
    throw new UsageError(
      `Unknown --format "${values.format}". Use one of: ${ARTICLE_FORMATS.join(', ')}.`,
    )
  }
  if (values.id === undefined && format !== 'html') {
    throw new UsageError(`--format ${format} renders one article: add --id ARTICLE_ID.`)
  }
  return { id: values.id, format, out: values.out, content: values.content }
}

/** Writes one file atomically: to a temporary name beside it, then renamed into place. */
async function writeAtomically(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const temporary = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`
  try {
    await writeFile(temporary, content)
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
}

async function run(argv: string[]): Promise<number> {
  let parsed: Options | 'help'
  try {
    parsed = options(argv)
  } catch (error) {
    process.stderr.write(`render: ${(error as Error).message}\n\n${USAGE}\n`)
    return 2
  }
  if (parsed === 'help') {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  let documents: Awaited<ReturnType<typeof loadContent>>
  try {
    documents = await loadContent(
      parsed.content === undefined ? undefined : resolve(parsed.content),
    )
  } catch (error) {
    if (!(error instanceof ContentError)) throw error
    const report = { valid: false, documents: 0, problems: [...error.diagnostics] }
    process.stderr.write(formatReport(report, { color: process.stderr.isTTY }))
    return 1
  }
  try {
    if (parsed.id === undefined) {
      const out = resolve(parsed.out ?? join(packageRoot(), 'dist', 'site'))
      const stats = await replaceDir(out, (dir) => writeFiles(dir, renderSite(documents)))
      process.stderr.write(`render: wrote ${stats.pages} pages (${stats.bytes} bytes) to ${out}\n`)
      return 0
    }
    const rendered = renderArticle(documents, parsed.id, parsed.format)
    if (parsed.out === undefined) {
      process.stdout.write(rendered)
      return 0
    }
    const article = documents.find((document) => document._id === parsed.id)
    const folder = article?._type === 'article' ? article.slug.current : parsed.id
    const path = join(resolve(parsed.out), 'articles', folder, `index.${EXTENSIONS[parsed.format]}`)
    await writeAtomically(path, rendered)
    process.stderr.write(`render: wrote ${path}\n`)
    return 0
  } catch (error) {
    if (error instanceof UnknownArticleError) {
      process.stderr.write(`render: ${error.message}\n`)
      return 2
    }
    if (error instanceof RenderError) {
      process.stderr.write(`render: ${error.rule}: ${error.message}\n`)
      return 1
    }
    throw error
  }
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    // An environment problem (unreadable folder, full disk): say what, without a stack trace.
    process.stderr.write(`render: ${(error as Error)?.message ?? String(error)}\n`)
    process.exitCode = 2
  },
)
