import type { Diagnostic } from '../diagnostics.js'
import { RULES, type RuleOf } from '../rules.js'

/** The rules publish and pull report: their own, and the ones they share (`sanity/*`). */
export type SanityRule = RuleOf<'publish'> | RuleOf<'pull'> | RuleOf<'sanity'>

/** Where a publish or pull problem is, when it is in a content file. */
export interface SanityPlace {
  /** The content file (as named in reports), or the file at fault (`sanity.lock.json`). */
  file?: string
  /** The document's first line in `file`. */
  line?: number
  documentId?: string | null
}

/**
 * A problem of publish or pull as a Diagnostic, the shape every stage reports in. It is placed
 * at the document's file when there is one; a problem of the dataset or the connection is in no
 * file (`file` is `''`, `line` and `column` 1). The message says what to do.
 */
export function sanityDiagnostic(
  rule: SanityRule,
  message: string,
  place: SanityPlace = {},
): Diagnostic {
  return {
    severity: RULES[rule].severity,
    rule,
    message,
    file: place.file ?? '',
    line: place.line ?? 1,
    column: 1,
    pointer: '',
    documentId: place.documentId ?? null,
  }
}

/** An error that stopped publish or pull before it wrote anything, with its diagnostic. */
export abstract class SanityStageError extends Error {
  /** The problem, as every stage reports one. */
  readonly diagnostics: readonly Diagnostic[]

  constructor(diagnostic: Diagnostic, options?: ErrorOptions) {
    super(diagnostic.message, options)
    this.diagnostics = [diagnostic]
  }
}
