import { sentence } from '../../messages.js'
import { format } from '../../report/pretty.js'
import { formatPlanTable } from '../../sanity/plan-table.js'
import { printable } from '../../sanity/printable.js'
import { PublishError, type PublishReport, publish } from '../../sanity/publish.js'
import { commandOrExit, parseCommandLine, requirePackageFolder } from '../command-line.js'

const USAGE = `Usage: us-russia-g20-story publish [--dry-run] [--drafts] [--force] [--root <folder>]

Validates content/, plans against the dataset (create, update, unchanged, conflict), prints the
plan, then writes it in small transactions. Documents an editor changed in the CMS are conflicts
and are not written: pull them first, or overwrite them with --force.
  --dry-run  print the plan and stop (needs no token for a public dataset)
  --drafts   write drafts.<id> documents instead of published ones
  --force    overwrite editors' changes
  --root     the package folder to publish (default: this package)
Environment: SANITY_PROJECT_ID, SANITY_DATASET, SANITY_API_TOKEN (to write; not needed for a host
on this machine), SANITY_API_VERSION (optional), SANITY_API_HOST (optional; https://, or http://
only for this machine).
Exit codes: 0 done (or planned), 1 invalid content, conflicts or failed transactions, 2 usage or
environment.`

function parseCommand(args: string[]) {
  const { values, path } = parseCommandLine({
    script: 'sanity:publish',
    args,
    options: {
      'dry-run': { type: 'boolean' },
      drafts: { type: 'boolean' },
      force: { type: 'boolean' },
      root: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  return {
    ...values,
    root: values.root === undefined ? undefined : requirePackageFolder(path(values.root)),
  }
}

function outcome(report: PublishReport): string[] {
  const lines: string[] = []
  // One line a problem, as validate prints one: place, severity, document, message, rule.
  for (const p of report.problems)
    lines.push(
      `${p.file}:${p.line}:${p.column}  ${p.severity.padEnd(7)}  ${printable(p.documentId ?? '')}: ${printable(p.message)}  [${p.rule}]`,
    )
  if (
    report.written.length === 0 &&
    report.failures.length === 0 &&
    report.conflicts.length === 0
  ) {
    lines.push('Nothing to write: the dataset already holds this content.')
    return lines
  }
  lines.push(
    `Wrote ${report.written.length} document(s) in ${report.transactions} transaction(s)` +
      `${report.uploaded.length > 0 ? `, uploaded ${report.uploaded.length} image(s)` : ''}` +
      `${report.recovered.length > 0 ? `; ${report.recovered.length} confirmed after a lost acknowledgement` : ''}.`,
  )
  return lines
}

/** `publish`: plans against the dataset and writes the plan (exit 0, 1 or 2). */
export async function main(args: string[]): Promise<number> {
  const command = commandOrExit('publish', USAGE, () => {
    const parsed = parseCommand(args)
    return parsed.help ? 'help' : parsed
  })
  if (typeof command === 'number') return command
  const report = await publish({
    ...(command.root ? { root: command.root } : {}),
    dryRun: command['dry-run'],
    drafts: command.drafts,
    force: command.force,
    log: (line) => console.error(line),
  })
  if (report.status === 'invalid') {
    process.stdout.write(format(report.validation))
    console.error('Nothing was published: fix the problems above.')
    return 1
  }
  process.stdout.write(formatPlanTable(report.plan))
  if (report.status === 'planned') {
    console.log('Dry run: nothing was written.')
    return 0
  }
  const lines = outcome(report)
  if (report.status === 'published') console.log(lines.join('\n'))
  else console.error(lines.join('\n'))
  return report.status === 'published' ? 0 : 1
}

/** A publish that failed before its first transaction wrote nothing: the message says so. */
export function explain(message: string, error: unknown): string {
  return error instanceof PublishError ? `${sentence(message)} Nothing was written.` : message
}
