import type { ValidationReport } from '../validator/validate.js'
import { summaryLine } from './summary.js'

/**
 * GitHub Actions workflow commands, one per problem:
 * `::error file=…,line=…,col=…,title=<rule>::<message>`, then the summary line.
 */
export function format(report: ValidationReport): string {
  const lines = report.problems.map((p) => {
    const properties = [
      `file=${escapeProperty(p.file)}`,
      `line=${p.line}`,
      `col=${p.column}`,
      `title=${escapeProperty(p.rule)}`,
    ].join(',')
    const where = p.pointer === '' ? '' : ` (at ${p.pointer})`
    return `::${p.severity} ${properties}::${escapeData(`${p.message}${where}`)}`
  })
  lines.push(summaryLine(report))
  return `${lines.join('\n')}\n`
}

/** Escaping of a command's message, as the Actions toolkit does it. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Escaping of a command's property value: the message escapes, plus `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
