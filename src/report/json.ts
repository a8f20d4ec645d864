import type { ValidationReport } from '../validator/validate.js'

/**
 * Exactly one JSON object: `{"valid", "documents", "problems": [...]}`. Every problem has the
 * same keys in the same order (documentId is null for a document that could not be parsed).
 */
export function format(report: ValidationReport): string {
  const problems = report.problems.map((p) => ({
    severity: p.severity,
    file: p.file,
    line: p.line,
    column: p.column,
    pointer: p.pointer,
    documentId: p.documentId ?? null,
    rule: p.rule,
    message: p.message,
    ...(p.expected !== undefined ? { expected: p.expected } : {}),
    ...(p.actual !== undefined ? { actual: p.actual } : {}),
  }))
  return `${JSON.stringify({ valid: report.valid, documents: report.documents, problems }, null, 2)}\n`
}
