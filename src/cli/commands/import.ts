import { join } from 'node:path'
import type { Diagnostic } from '../../diagnostics.js'
import { displayPath } from '../../display-path.js'
import { type ImportReport, importStory } from '../../importer/import-story.js'
import type { ReviewItem, TextRange, WireStory } from '../../importer/story.js'
import { refusedTarget } from '../../importer/target-folder.js'
import { packageRoot } from '../../package-root.js'
import { isInputRule } from '../../rules.js'
import { printable } from '../../sanity/printable.js'
import { commandOrExit, parseCommandLine, UsageError } from '../command-line.js'

const USAGE = `Usage: us-russia-g20-story import <story.txt> [--out DIR] [--dry-run] [--format pretty|json]

Imports a wire story in plain text (the seed's layout: date line, headline, standfirst, photo
caption, bullet highlights, dateline and paragraphs) as content: the article, its photo, and the
people, organizations and quotes it names, annotated in the text. People and organizations the
target folder already has are reused. The whole content set the import would make is validated
first; only when it is valid are the new files written, all at once. Nothing existing is ever
changed: a document id the folder already has stops the import. A review report follows: what
editors should check.
  --out      the content folder to add to: an empty (or new) folder, or a content folder
             (default: the package's content/)
  --dry-run  print what would be written, and write nothing
  --format   pretty (default) or json (one object: the files, problems and review items; with
             --dry-run, the documents too)
Exit codes: 0 imported (or would be), 1 the story or the resulting content has errors (nothing
written), 2 usage or environment (the story file cannot be read, a refused --out folder).`

const FORMATS = ['pretty', 'json'] as const
type Format = (typeof FORMATS)[number]

interface Command {
  file: string
  out: string
  dryRun: boolean
  format: Format
  cwd: string
}

function parseCommand(args: string[]): Command | 'help' {
  const { values, positionals, cwd, path } = parseCommandLine({
    script: 'import',
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      'dry-run': { type: 'boolean' },
      format: { type: 'string', short: 'f', default: 'pretty' },
      help: { type: 'boolean', short: 'h' },
    },
    choices: { format: FORMATS },
  })
  if (values.help) return 'help'
  const format = values.format as string
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`Unknown format "${format}": use pretty or json.`)
  }
  const [file, ...extra] = positionals
  if (file === undefined) throw new UsageError('name the story to import: import <story.txt>.')
  if (extra.length > 0) {
    throw new UsageError(`import takes one story at a time; got ${positionals.length} paths.`)
  }
  const out = values.out === undefined ? join(packageRoot(), 'content') : path(values.out)
  const refused = refusedTarget(out)
  if (refused !== undefined) {
    throw new UsageError(`--out ${refused}: give an empty folder, or a content folder.`)
  }
  return {
    file: path(file),
    out,
    dryRun: values['dry-run'] === true,
    format: format as Format,
    cwd,
  }
}

/** `import <story.txt>`: see USAGE. */
export async function main(args: string[]): Promise<number> {
  const command = commandOrExit('import', USAGE, () => parseCommand(args))
  if (typeof command === 'number') return command
  const report = await importStory({
    file: command.file,
    contentDir: command.out,
    dryRun: command.dryRun,
    cwd: command.cwd,
  })
  const target = displayPath(command.out, command.cwd)
  if (command.format === 'json') {
    process.stdout.write(`${JSON.stringify(jsonReport(report, target, command.dryRun), null, 2)}\n`)
  } else {
    const { out, err } = prettyReport(report, target)
    if (err.length > 0) process.stderr.write(`${err.map(printable).join('\n')}\n`)
    if (out.length > 0) process.stdout.write(`${out.map(printable).join('\n')}\n`)
  }
  return exitCode(report)
}

/** 0 imported, 1 content errors, 2 an unreadable story or input problems. */
export function exitCode(report: ImportReport): 0 | 1 | 2 {
  if (report.status === 'unreadable' || report.problems.some((p) => isInputRule(p.rule))) return 2
  return report.status === 'invalid' ? 1 : 0
}

/** Where a review item is in the story file: `file:line:column`, or the document it is about. */
function reviewPlace(story: WireStory | undefined, item: ReviewItem, file: string): string {
  const at = item.range === undefined ? undefined : placeOf(story, item.range)
  if (at !== undefined) return `${file}:${at.line}:${at.column}`
  return item.documentId ?? file
}

/** The line and column of the start of `range` in the story's file. */
export function placeOf(
  story: WireStory | undefined,
  range: TextRange,
): { line: number; column: number } | undefined {
  if (story === undefined) return undefined
  const part =
    range.part === 'paragraph'
      ? story.paragraphs[range.index]
      : range.part === 'highlight'
        ? story.highlights[range.index]
        : story[range.part]
  return part === undefined ? undefined : { line: part.line, column: part.column + range.start }
}

function problemLine(p: Diagnostic): string {
  const message = p.message.replace(/[\r\n]+/g, ' ')
  return `${p.file}:${p.line}:${p.column}  ${p.severity.padEnd(7)}  ${message}  [${p.rule}]`
}

/** The pretty report: files and review on stdout, problems on stderr. */
function prettyReport(report: ImportReport, target: string): { out: string[]; err: string[] } {
  const err = report.problems.map(problemLine)
  const out: string[] = []
  if (report.status === 'invalid' || report.status === 'unreadable') {
    err.push(`Nothing was written to ${target}: fix the problems above and import again.`)
    return { out, err }
  }
  const verb = report.status === 'planned' ? 'would create' : 'created'
  for (const write of report.writes) out.push(`${verb}  ${write.file}  (${write.id})`)
  out.push(
    report.status === 'planned'
      ? `Dry run: ${report.writes.length} documents would be added to ${target}; nothing was written.`
      : `${report.writes.length} documents added to ${target}.`,
  )
  out.push('', `Review (${report.review.length} to check before publishing):`)
  for (const item of report.review) {
    out.push(
      `  ${reviewPlace(report.story, item, report.file)}  ${item.message.replace(/[\r\n]+/g, ' ')}  [${item.code}]`,
    )
  }
  if (report.review.length === 0) out.push('  nothing')
  return { out, err }
}

/** The json report: one object, with the documents themselves on a dry run. */
function jsonReport(report: ImportReport, target: string, dryRun: boolean): object {
  return {
    status: report.status,
    file: report.file,
    target,
    dryRun,
    writes: report.writes.map((write) => ({
      id: write.id,
      type: write.type,
      file: write.file,
      ...(dryRun ? { document: write.document } : {}),
    })),
    problems: report.problems,
    review: report.review.map((item) => ({
      ...item,
      ...(item.range === undefined ? {} : placeOf(report.story, item.range)),
    })),
  }
}
