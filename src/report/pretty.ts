import type { ValidationReport } from '../validator/validate.js'
import { summaryLine } from './summary.js'

/** Options of the human-readable report. */
export interface PrettyOptions {
  /** Colour the severities (only for a terminal that accepts it). */
  color?: boolean
}

const RED = '\u001b[31m'
const YELLOW = '\u001b[33m'
const DIM = '\u001b[2m'
const RESET = '\u001b[0m'

/** `file:line:col  severity  message  [rule]` per problem, then a summary line. */
export function format(report: ValidationReport, options: PrettyOptions = {}): string {
  const paint = (code: string, text: string): string =>
    options.color ? `${code}${text}${RESET}` : text
  const lines = report.problems.map((p) => {
    const severity = paint(p.severity === 'error' ? RED : YELLOW, p.severity.padEnd(7))
    return `${p.file}:${p.line}:${p.column}  ${severity}  ${singleLine(p.message)}  ${paint(DIM, `[${p.rule}]`)}`
  })
  lines.push(summaryLine(report))
  return `${lines.join('\n')}\n`
}

// A message never spans lines, so one problem is one line for grep and editors.
function singleLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ')
}
