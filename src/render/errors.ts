/**
 * Errors the renderer throws. Each carries its problem as a {@link Diagnostic}, the shape every
 * stage reports in: the rule, the document, the JSON pointer, and a message that says what to
 * fix, so that a command can print it as is (no stack trace) and an editor can find the problem.
 */
import type { Diagnostic } from '../diagnostics.js'
import { RULES, type RuleOf } from '../rules.js'

/** Stable ids of the problems the renderer refuses to render past: the `render/*` rules of `RULES`. */
export type RenderRule = RuleOf<'render'>

/** What the renderer found wrong, before it is a Diagnostic. */
export interface RenderProblem {
  rule: RenderRule
  /** What is wrong and what to do about it, as validation messages say it. */
  message: string
  /** The `_id` of the document at fault, or `null` when the problem is not in one document. */
  documentId: string | null
  /** JSON Pointer (RFC 6901) into that document; `""` is the whole document. */
  pointer: string
  /** The offending `_type`, style, list type or mark, when the problem is an unknown one. */
  type?: string
}

/**
 * The renderer's problem as a Diagnostic. The documents are held in memory, so there is no file:
 * `file` is `''`, and `line` and `column` are 1. The offending type, if any, is `actual`.
 */
export function renderDiagnostic(problem: RenderProblem): Diagnostic {
  const diagnostic: Diagnostic = {
    severity: RULES[problem.rule].severity,
    rule: problem.rule,
    message: problem.message,
    file: '',
    line: 1,
    column: 1,
    pointer: problem.pointer,
    documentId: problem.documentId,
  }
  if (problem.type !== undefined) diagnostic.actual = problem.type
  return diagnostic
}

/** Content or options the renderer cannot turn into a faithful, safe page. */
export class RenderError extends Error {
  override name = 'RenderError'
  /** The problem, as every stage reports one. */
  readonly diagnostics: readonly Diagnostic[]
  readonly rule: RenderRule
  readonly documentId: string | null
  readonly pointer: string
  readonly type: string | undefined

  /** The message names the document and pointer, then the problem's own message. */
  constructor(problem: RenderProblem) {
    super(`${where(problem)}${problem.message}`)
    this.diagnostics = [renderDiagnostic(problem)]
    this.rule = problem.rule
    this.documentId = problem.documentId
    this.pointer = problem.pointer
    this.type = problem.type
  }
}

function where({ documentId, pointer }: RenderProblem): string {
  if (documentId === null) return pointer === '' ? '' : `At ${pointer}: `
  return pointer === '' ? `Document "${documentId}": ` : `Document "${documentId}" at ${pointer}: `
}

/** `renderArticle` was asked for an article id that is not in the documents. */
export class UnknownArticleError extends RenderError {
  override name = 'UnknownArticleError'
  /** The ids of the articles there are, to choose from. */
  readonly articleIds: readonly string[]

  constructor(articleId: string, articleIds: readonly string[]) {
    const fix =
      articleIds.length === 0
        ? 'add the article first (there are no articles)'
        : `use one of the article ids: ${articleIds.join(', ')}`
    super({
      rule: 'render/unknown-article',
      message: `No article has the id "${articleId}": ${fix}.`,
      documentId: null,
      pointer: '',
    })
    this.articleIds = articleIds
  }
}
