import type { RuleId, Severity } from './rules.js'

/**
 * One problem, located precisely enough to fix it without searching: the one shape every stage
 * reports in (validate, render, publish, pull), and that every error class carries as its
 * `diagnostics`. Modelled on vfile-message: reason, rule, place, severity, expected/actual.
 */
export interface Diagnostic {
  severity: Severity
  /** Stable rule id from `RULES`, such as `reference/dangling` or `render/unknown-type`. */
  rule: RuleId
  /** What is wrong and what to do about it. */
  message: string
  /**
   * The file as given on the command line (or `<stdin>`); `''` when the problem is in no file
   * (documents held in memory, the remote dataset, an option). `line` and `column` are then 1.
   */
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
