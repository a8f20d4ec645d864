/**
 * The counts ninjs puts on a body: characters and words of the body's text, as the plain-text
 * rendering prints it, without figure captions (ninjs excludes them from both counts).
 */
import type { Article } from '../generated/types.js'
import type { ContentIndex } from './content-index.js'
import { datelineOf } from './dateline.js'
import { bodyParts } from './text.js'

/** Character and word counts of a text. */
export interface TextCounts {
  /** Unicode code points, so an emoji or an accented letter counts once. */
  charCount: number
  wordCount: number
}

/**
 * The body's text as `renderArticle(…, 'text')` prints it (the dateline before the first
 * paragraph, paragraphs separated by a blank line), figure captions left out.
 */
export function bodyTextWithoutCaptions(article: Article, index: ContentIndex): string {
  const dateline = datelineOf(article)
  const blocks = article.body.filter((block) => block._type !== 'photoEmbed')
  const lonely = article.dateline !== undefined && dateline === undefined ? [article.dateline] : []
  return [...lonely, ...bodyParts(blocks, index, dateline)]
    .filter((part) => part.trim() !== '')
    .join('\n\n')
}

/** A word: a run of non-space characters with at least one letter or digit (a lone dash is not). */
const WORD = /[^\s]*[\p{L}\p{N}][^\s]*/gu

/** The counts of `text`. */
export function countText(text: string): TextCounts {
  return { charCount: [...text].length, wordCount: text.match(WORD)?.length ?? 0 }
}
