import type { Article, Block } from '../generated/types.js'

/**
 * The article's highlights as a list, in every format: a block that is not a list item yet
 * becomes a bullet, so the highlights always read as key points.
 */
export function highlightsAsList(article: Article): Block[] {
  return (article.highlights ?? []).map((block) =>
    block.listItem === undefined ? { ...block, listItem: 'bullet', level: 1 } : block,
  )
}
