import { sentence } from '../../messages.js'
import { printable } from '../../sanity/printable.js'
import {
  type Change,
  PullError,
  type PullProblem,
  type PullReport,
  pull,
  type RefusedFile,
} from '../../sanity/pull.js'
import { commandOrExit, parseCommandLine, requirePackageFolder } from '../command-line.js'

const USAGE = `Usage: us-russia-g20-story pull [--drafts] [--force] [--prune] [--root <folder>]

Fetches the dataset's articles, people, quotes and photos (published versions, or drafts with
--drafts), and builds the content/ they would make. Only when that whole set is valid are the
files written, in the repo's format, all at once; otherwise nothing is written, and each problem
is named with the change in the CMS that causes it. Records the pulled revisions in
sanity.lock.json so the next publish builds on them.
  --drafts  pull drafts where there is one
  --force   overwrite files with uncommitted changes, or holding another document
  --prune   remove files of documents deleted in the CMS
  --root    the package folder to pull into (default: this package)
Environment: SANITY_PROJECT_ID, SANITY_DATASET, SANITY_API_TOKEN (for private datasets and
drafts), SANITY_API_VERSION (optional), SANITY_API_HOST (optional).
Exit codes: 0 done, 1 the result would be invalid (nothing written) or files were refused,
2 usage or environment (a damaged sanity.lock.json included; nothing written).`

function parseCommand(args: string[]) {
  const { values, path } = parseCommandLine({
    script: 'sanity:pull',
    args,
    options: {
      drafts: { type: 'boolean' },
      force: { type: 'boolean' },
      prune: { type: 'boolean' },
      root: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  return {
    ...values,
    root: values.root === undefined ? undefined : requirePackageFolder(path(values.root)),
  }
}

const CAUSE: Record<Change, (id: string, file: string) => string> = {
  created: (id, file) => `caused by the CMS's new document ${id} (${file})`,
  updated: (id, file) => `caused by the CMS's change to ${id} (${file})`,
  removed: (id, file) => `caused by the deletion of ${id} in the CMS (--prune removes ${file})`,
}

const REFUSED: Record<RefusedFile['reason'], string> = {
  uncommitted: 'has uncommitted changes; commit or discard them, or pull with --force.',
  'other-document': 'holds another document; rename or move it, or pull with --force.',
}

/** A problem, where it is, and what causes it. */
function problemLines(p: PullProblem): string[] {
  const where = p.file ? `  at ${p.file}:${p.line}:${p.column}` : '  in the CMS'
  const causes = p.causes.map((c) => `  ${CAUSE[c.change](c.id, c.file)}`)
  const cause =
    causes.length > 0 || p.rule.startsWith('pull/')
      ? causes
      : ['  already in content/: fix it there (or restore it from git), and pull again.']
  const head = `${p.documentId ?? p.file}#${p.pointer}  ${p.severity.padEnd(7)}  ${p.message}  [${p.rule}]`
  return [head, where, ...cause]
}

function lines(report: PullReport): { out: string[]; err: string[] } {
  const out: string[] = []
  const err: string[] = []
  for (const note of report.notes) err.push(`note: ${note}`)
  for (const p of report.problems) err.push(...problemLines(p))
  if (report.status === 'invalid')
    err.push(
      `Nothing was written: the pull would leave content/ invalid (${report.invalid.join(', ') || 'see above'}). ` +
        'Fix the documents named above in the CMS, or in content/, and pull again.',
    )
  for (const f of report.refused) err.push(`refused: ${f.file} ${REFUSED[f.reason]}`)
  for (const f of report.created) out.push(`created  ${f.file}`)
  for (const f of report.updated) out.push(`updated  ${f.file}`)
  for (const f of report.deleted)
    out.push(
      f.removed
        ? `removed  ${f.file}`
        : `deleted in the CMS: ${f.file} (pull with --prune to remove it)`,
    )
  out.push(
    `${report.created.length} created, ${report.updated.length} updated, ${report.unchanged} unchanged, ` +
      `${report.deleted.length} deleted in the CMS, ${report.invalid.length} invalid, ${report.refused.length} refused.`,
  )
  // Ids and file names come from the dataset: every line is filtered.
  return { out: out.map(printable), err: err.map(printable) }
}

/** `pull`: fetches the dataset and writes the content/ it makes, whole or not at all. */
export async function main(args: string[]): Promise<number> {
  const command = commandOrExit('pull', USAGE, () => {
    const parsed = parseCommand(args)
    return parsed.help ? 'help' : parsed
  })
  if (typeof command === 'number') return command
  const report = await pull({
    ...(command.root ? { root: command.root } : {}),
    drafts: command.drafts,
    force: command.force,
    prune: command.prune,
    log: (line) => console.error(line),
  })
  const { out, err } = lines(report)
  if (err.length > 0) console.error(err.join('\n'))
  console.log(out.join('\n'))
  return report.status === 'ok' ? 0 : 1
}

/** A pull that failed wrote nothing: the message says so. */
export function explain(message: string, error: unknown): string {
  return error instanceof PullError ? `${sentence(message)} Nothing was written.` : message
}
