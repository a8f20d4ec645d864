import { parseCommandLine, requirePackageFolder } from '../src/command-line.js'
import { printable } from '../src/publish/printable.js'
import { PullError, type PullReport, pull } from '../src/publish/pull.js'
import { runScript, sentence } from '../src/run-script.js'

const USAGE = `Usage: npm run sanity:pull -- [--drafts] [--force] [--prune] [--root <folder>]

Fetches the dataset's articles, people, quotes and photos (published versions, or drafts with
--drafts), validates them and writes content/ files in the repo's format. Records the pulled
revisions in sanity.lock.json so the next publish builds on them.
  --drafts  pull drafts where there is one
  --force   overwrite files with uncommitted changes
  --prune   remove files of documents deleted in the CMS
  --root    the package folder to pull into (default: this package)
Environment: SANITY_PROJECT_ID, SANITY_DATASET, SANITY_API_TOKEN (for private datasets and
drafts), SANITY_API_VERSION (optional), SANITY_API_HOST (optional).
Exit codes: 0 done, 1 invalid remote documents or refused files, 2 usage or environment.`

function parseCommand() {
  const { values, path } = parseCommandLine({
    script: 'sanity:pull',
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

function lines(report: PullReport): { out: string[]; err: string[] } {
  const out: string[] = []
  const err: string[] = []
  for (const note of report.notes) err.push(`note: ${note}`)
  for (const p of report.problems)
    err.push(
      printable(`${p.documentId}#${p.pointer}  ${p.severity.padEnd(7)}  ${p.message}  [${p.rule}]`),
    )
  for (const id of report.invalid)
    err.push(`not written: ${printable(id)} is invalid in the CMS; fix it there and pull again.`)
  for (const f of report.refused)
    err.push(
      `refused: ${f.file} has uncommitted changes; commit or discard them, or pull with --force.`,
    )
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
  // Files and ids of written documents passed validation, so only problems carry remote text.
  return { out, err }
}

async function main(): Promise<number> {
  let command: ReturnType<typeof parseCommand>
  try {
    command = parseCommand()
  } catch (error) {
    console.error(`sanity:pull: ${(error as Error).message}\n\n${USAGE}`)
    return 2
  }
  if (command.help) {
    console.log(USAGE)
    return 0
  }
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

runScript('sanity:pull', main, (message, error) =>
  error instanceof PullError ? `${sentence(message)} Nothing was written.` : message,
)
