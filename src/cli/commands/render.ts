/**
 * `us-russia-g20-story render [--id ARTICLE_ID] [--format html|text|markdown|ninjs] [--out DIR] [--content DIR] [--site-config FILE]`
 *
 * Without --id: writes the static site (html) to --out, default dist/site, swapped into place
 * whole. With --id: prints that article to stdout in the format, or writes it under --out.
 * --out must be missing, empty, or an output folder this package wrote (see "Output folders" in
 * the README); anything else is refused before any work, with nothing changed.
 * The content is validated first, as the build validates it: invalid content exits 1 with the
 * validation's diagnostics, and nothing is rendered or written.
 * Exit codes: 0 done, 1 content problems, 2 usage or environment (a refused --out included).
 */
import { join } from 'node:path'
import { displayPath } from '../../display-path.js'
import {
  addToOutputFolder,
  checkOutputFolder,
  type OutputFolderOptions,
  replaceOutputFolder,
} from '../../outputs/output-folder.js'
import { packageRoot } from '../../package-root.js'
import { RenderError, UnknownArticleError } from '../../render/errors.js'
import { NINJS_NEEDS_SITE_URL } from '../../render/ninjs.js'
import {
  ARTICLE_FORMATS,
  type ArticleFormat,
  renderArticle,
  renderSite,
} from '../../render/site.js'
import { format as formatReport } from '../../report/pretty.js'
import { readSiteConfig, readSiteConfigFile } from '../../site-config.js'
import { exitCode, validateContent } from '../../validator/validate.js'
import {
  commandOrExit,
  parseCommandLine,
  requireFile,
  requireFolder,
  UsageError,
} from '../command-line.js'

const USAGE = `Usage: us-russia-g20-story render [--id ARTICLE_ID] [--format html|text|markdown|ninjs] [--out DIR] [--content DIR] [--site-config FILE]

  (no --id)        write the static site to --out (default dist/site)
  --id ID          render one article: to stdout, or to DIR/articles/<slug>/index.<ext> with --out
                   (ninjs: DIR/ninjs/<id>.json, as the build writes it)
  --format F       html (default), text, markdown or ninjs (IPTC ninjs 3.1 JSON); all but html
                   need --id
  --content DIR    read the content from DIR (default: the package's content/)
  --site-config F  the site's settings (url, name, language) from F, in site.config.json's
                   format (default: the package's site.config.json, when there is one)
  --out DIR        must be missing, empty, or an output folder this package wrote and nobody
                   changed (it holds a .output-manifest); never the package folder, content/ or
                   schemas/. Anything else is refused with exit 2, and nothing is changed.`

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
  /** A site settings file named with --site-config. */
  siteConfig?: string | undefined
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
      'site-config': { type: 'string' },
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
    siteConfig:
      values['site-config'] === undefined
        ? undefined
        : requireFile(path(values['site-config']), '--site-config'),
  }
}

/**
 * `render`: the static site, or one article in a format (exit 0; 1 content problems; 2 usage or
 * environment). An error that escapes is an environment problem (unreadable folder, full disk).
 */
export async function main(argv: string[]): Promise<number> {
  const parsed = commandOrExit('render', USAGE, () => options(argv))
  if (typeof parsed === 'number') return parsed
  const contentDir = parsed.content
  // The content being read is as much off limits as the package's own content/.
  const folderOptions: OutputFolderOptions = {
    protect:
      contentDir === undefined
        ? []
        : [{ path: contentDir, name: 'the content folder', inside: true }],
  }
  const out =
    parsed.out !== undefined
      ? parsed.out
      : parsed.id === undefined
        ? join(packageRoot(), 'dist', 'site')
        : undefined
  // A refused --out is known before any work; OutputFolderError exits 2 through the program.
  if (out !== undefined) await checkOutputFolder(out, folderOptions)
  // Validated first, as the build is: invalid content is reported, and nothing is rendered.
  const { report, documents } = await validateContent(
    contentDir === undefined ? [] : displayPath(contentDir),
  )
  if (!report.valid) {
    process.stderr.write(formatReport(report, { color: process.stderr.isTTY }))
    return exitCode(report)
  }
  // The settings named, or the package's: a bad file escapes to the program, which exits 2.
  const site =
    parsed.siteConfig === undefined
      ? readSiteConfig(packageRoot())
      : readSiteConfigFile(parsed.siteConfig)
  if (site === undefined && parsed.format === 'ninjs')
    process.stderr.write(`render: ${NINJS_NEEDS_SITE_URL}\n`)
  try {
    if (out === undefined) {
      // --id without --out: the article goes to stdout.
      process.stdout.write(renderArticle(documents, parsed.id ?? '', parsed.format, { site }))
      return 0
    }
    if (parsed.id === undefined) {
      const stats = await replaceOutputFolder(out, renderSite(documents, { site }), folderOptions)
      process.stderr.write(`render: wrote ${stats.pages} pages (${stats.bytes} bytes) to ${out}\n`)
      return 0
    }
    const rendered = renderArticle(documents, parsed.id, parsed.format, { site })
    const article = documents.find((document) => document._id === parsed.id)
    const folder = article?._type === 'article' ? article.slug.current : parsed.id
    const path =
      parsed.format === 'ninjs'
        ? `ninjs/${parsed.id}.json`
        : `articles/${folder}/index.${EXTENSIONS[parsed.format]}`
    await addToOutputFolder(out, [{ path, content: rendered }], folderOptions)
    process.stderr.write(`render: wrote ${join(out, ...path.split('/'))}\n`)
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
