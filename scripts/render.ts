/**
 * `npm run render -- [--id ARTICLE_ID] [--format html|text|markdown|ninjs] [--out DIR] [--content DIR]`
 *
 * Without --id: writes the static site (html) to --out, default dist/site, swapped into place
 * whole. With --id: prints that article to stdout in the format, or writes it under --out.
 * Exit codes: 0 done, 1 content problems, 2 usage or environment.
 */
import { join, resolve } from 'node:path'
import { replaceDir } from '../src/build/swap-dir.js'
import { writeFiles } from '../src/build/write-files.js'
import { parseCommandLine, requireFolder, UsageError } from '../src/command-line.js'
import { ContentError, readDocuments } from '../src/load.js'
import { packageRoot } from '../src/package-root.js'
import { RenderError, UnknownArticleError } from '../src/render/errors.js'
import {
  ARTICLE_FORMATS,
  type ArticleFormat,
  renderArticle,
  renderSite,
} from '../src/render/site.js'
import { format as formatReport } from '../src/report/pretty.js'
import { runScript } from '../src/run-script.js'
import { writeFileAtomic } from '../src/write-atomic.js'

const USAGE = `Usage: npm run render -- [--id ARTICLE_ID] [--format html|text|markdown|ninjs] [--out DIR] [--content DIR]

  (no --id)        write the static site to --out (default dist/site)
  --id ID          render one article: to stdout, or to DIR/articles/<slug>/index.<ext> with --out
                   (ninjs: DIR/ninjs/<id>.json, as the build writes it)
  --format F       html (default), text, markdown or ninjs (IPTC ninjs 3.1 JSON); all but html
                   need --id
  --content DIR    read the content from DIR (default: the package's content/)`

const EXTENSIONS: Record<ArticleFormat, string> = {
  html: 'html',
  text: 'txt',
  markdown: 'md',
  ninjs: 'json',
}

interface Options {
  id?: string
  format: ArticleFormat
  out?: string
  content?: string
}

function options(argv: string[]): Options | 'help' {
  const { values, path } = parseCommandLine({
    script: 'render',
    args: argv,
    choices: { format: ARTICLE_FORMATS },
    options: {
      id: { type: 'string' },
      format: { type: 'string', default: 'html' },
      out: { type: 'string' },
      content: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
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
  // Paths as the user meant them: from the folder they ran the command in.
  return {
    id: values.id,
    format,
    out: values.out === undefined ? undefined : path(values.out),
    content:
      values.content === undefined ? undefined : requireFolder(path(values.content), '--content'),
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
  let documents: Awaited<ReturnType<typeof readDocuments>>
  try {
    documents = await readDocuments(parsed.content)
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
    const path =
      parsed.format === 'ninjs'
        ? join(resolve(parsed.out), 'ninjs', `${parsed.id}.json`)
        : join(resolve(parsed.out), 'articles', folder, `index.${EXTENSIONS[parsed.format]}`)
    await writeFileAtomic(path, rendered)
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

// An escaping error is an environment problem (unreadable folder, full disk): say what.
runScript('render', () => run(process.argv.slice(2)))
