import type { Diagnostic } from '../diagnostics.js'
import { displayPath } from '../display-path.js'
import { format } from '../report/pretty.js'
import type { BuildResult, BuiltOutput } from './pipeline.js'

/** `1234` → `1.2 kB`; decimal units, as file managers show them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`
  let value = bytes
  let unit = 'B'
  for (const next of ['kB', 'MB', 'GB']) {
    if (value < 1000) break
    value /= 1000
    unit = next
  }
  return `${value.toFixed(1)} ${unit}`
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** `dist/site: 6 pages, 9 files, 48.2 kB` (pages only where there are any), relative to `from`. */
export function formatOutput(output: BuiltOutput, from: string = process.cwd()): string {
  const pages = output.pages > 0 ? [plural(output.pages, 'page')] : []
  const counts = [...pages, plural(output.files, 'file')]
  return `${displayPath(output.dir, from)}: ${counts.join(', ')}, ${formatBytes(output.bytes)}`
}

/**
 * What a build wrote: `Built dist/site: 4 pages, 4 files, 60.1 kB; dist/sanity: 1 file, 27.3 kB
 * from 29 documents in 95 ms.`, then each of the build's notices on a line of its own.
 */
export function builtLine(
  result: BuildResult & { ok: true },
  from: string = process.cwd(),
): string {
  const outputs = result.outputs.map((output) => formatOutput(output, from)).join('; ')
  const built = `Built ${outputs} from ${plural(result.documents, 'document')} in ${result.ms} ms.`
  return [built, ...result.notices].join('\n')
}

/** The validation report of a build's problems (one line each, then a summary), as `npm run validate` prints it. */
export function problemsReport(problems: Diagnostic[], documents: number, color = false): string {
  const valid = !problems.some((p) => p.severity === 'error')
  return format({ valid, documents, problems }, { color })
}
