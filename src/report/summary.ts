import type { ValidationReport } from '../validator/validate.js'

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** `✖ 2 errors, 1 warning in 21 documents`, or `✔ 21 documents valid` (with any warnings). */
export function summaryLine(report: ValidationReport): string {
  const errors = report.problems.filter((p) => p.severity === 'error').length
  const warnings = report.problems.length - errors
  if (errors > 0) {
    const parts = [count(errors, 'error'), ...(warnings > 0 ? [count(warnings, 'warning')] : [])]
    return `✖ ${parts.join(', ')} in ${count(report.documents, 'document')}`
  }
  const valid = `✔ ${count(report.documents, 'document')} valid`
  return warnings > 0 ? `${valid}, ${count(warnings, 'warning')}` : valid
}
