import type { Diagnostic } from '../diagnostics.js'
import type { RuleOf } from '../rules.js'

/** Where a problem of a story is: its file, and the 1-based line and column in it. */
export interface StoryPlace {
  file: string
  line: number
  column: number
}

/** The problems that stop a story's import, each at its place in the story. */
export class StoryError extends Error {
  override readonly name = 'StoryError'
  readonly diagnostics: Diagnostic[]

  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`).join('\n'))
    this.diagnostics = diagnostics
  }
}

/** A problem of the story at `place`, under an `import/*` rule (all errors: exit 1). */
export function storyProblem(
  rule: RuleOf<'import'>,
  place: StoryPlace,
  message: string,
): Diagnostic {
  return {
    severity: 'error',
    rule,
    message,
    file: place.file,
    line: place.line,
    column: place.column,
    pointer: '',
    documentId: null,
  }
}
