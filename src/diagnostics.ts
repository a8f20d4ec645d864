/** How bad a problem is: errors fail validation (exit 1); warnings are reported and pass. */
export type Severity = 'error' | 'warning'

/**
 * One problem found in the content, located precisely enough to fix it without searching.
 * Modelled on vfile-message: reason, rule, place, severity, expected/actual.
 */
export interface Diagnostic {
  severity: Severity
  /** Stable rule id, such as `reference/dangling` or `quote/not-verbatim`. */
  rule: string
  /** What is wrong and what to do about it. */
  message: string
  /** The file as given on the command line (or `<stdin>`). */
  file: string
  /** 1-based line in `file`. */
  line: number
  /** 1-based column in `file`. */
  column: number
  /** JSON Pointer (RFC 6901) into the document; `""` is the whole document. */
  pointer: string
  /** The document's `_id`, or `null` when the document could not be parsed or has none. */
  documentId: string | null
  /** What the rule wanted, when that is short enough to show. */
  expected?: string
  /** What it found, shortened when long. */
  actual?: string
}
