/**
 * Errors the renderer throws. Each names the document, the JSON pointer and what to do, so that a
 * command can print it as is (no stack trace) and an editor can find the problem.
 */

/** Stable ids of the problems the renderer refuses to render past. */
export type RenderRule =
  | 'render/unknown-type'
  | 'render/dangling-reference'
  | 'render/invalid-slug'
  | 'render/invalid-id'
  | 'render/missing-field'
  | 'render/duplicate-id'
  | 'render/duplicate-slug'
  | 'render/invalid-date'
  | 'render/invalid-option'
  | 'render/unknown-article'

/** What a {@link RenderError} is about. */
export interface RenderErrorDetails {
  rule: RenderRule
  /** The `_id` of the document at fault, or `null` when the problem is not in one document. */
  documentId: string | null
  /** JSON Pointer (RFC 6901) into that document; `""` is the whole document. */
  pointer: string
  /** The offending `_type`, style, list type or mark, when the problem is an unknown one. */
  type?: string
}

/** Content or options the renderer cannot turn into a faithful, safe page. */
export class RenderError extends Error {
  override name = 'RenderError'
  readonly rule: RenderRule
  readonly documentId: string | null
  readonly pointer: string
  readonly type: string | undefined

  constructor(message: string, details: RenderErrorDetails) {
    super(message)
    this.rule = details.rule
    this.documentId = details.documentId
    this.pointer = details.pointer
    this.type = details.type
  }
}

/** `renderArticle` was asked for an article id that is not in the documents. */
export class UnknownArticleError extends RenderError {
  override name = 'UnknownArticleError'
  /** The ids of the articles there are, to choose from. */
  readonly articleIds: readonly string[]

  constructor(articleId: string, articleIds: readonly string[]) {
    const choices = articleIds.length === 0 ? 'there are none' : articleIds.join(', ')
    super(`No article has the id "${articleId}". Article ids: ${choices}.`, {
      rule: 'render/unknown-article',
      documentId: null,
      pointer: '',
    })
    this.articleIds = articleIds
  }
}
