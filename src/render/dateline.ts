/** The dateline ("NEW DELHI"): printed before the first paragraph of the body. */
import type { Article, Block, BodyBlock } from '../generated/types.js'

/**
 * The body block the dateline goes in front of: the first plain paragraph. When the article has
 * a dateline but no such paragraph, the dateline gets a paragraph of its own (see bodyHtml).
 */
export function datelineOf(article: Article): { block: Block; text: string } | undefined {
  if (article.dateline === undefined) return undefined
  const block = leadParagraph(article.body)
  return block === undefined ? undefined : { block, text: article.dateline }
}

/** The first plain paragraph of a body (not a heading, quote block or list item): the lead. */
export function leadParagraph(body: readonly BodyBlock[]): Block | undefined {
  return body.find(
    (candidate): candidate is Block =>
      candidate._type === 'block' &&
      (candidate.style ?? 'normal') === 'normal' &&
      candidate.listItem === undefined,
  )
}
