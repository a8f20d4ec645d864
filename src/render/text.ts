/**
 * An article as plain text, in the seed's reading order: the date line, the headline, the
 * standfirst, the photo caption, the highlights as "• " items, then the body, with the dateline
 * ("NEW DELHI: ") before the first paragraph. Paragraphs are separated by a blank line.
 * Control characters are replaced, so printing the text cannot drive the terminal.
 */

import type { Article, ArticleUpdate, Block, BodyBlock, Photo } from '../generated/types.js'
import type { ContentIndex } from './content-index.js'
import { datelineOf } from './dateline.js'
import { calendarDate, longDate } from './dates.js'
import { toPrintableText } from './escape.js'
import { highlightsAsList } from './highlights.js'
import { updateLabel } from './updates.js'

/** The plain text of `article`. */
export function articleToPlainText(article: Article, index: ContentIndex): string {
  const photo = article.photo === undefined ? undefined : index.photos.get(article.photo._ref)
  const dateline = datelineOf(article)
  const parts = [
    longDate(calendarDate(article.datePublished, article._id)),
    article.headline,
    article.standfirst,
    photo === undefined ? undefined : captionText(photo),
    listText(highlightsAsList(article)),
    article.dateline !== undefined && dateline === undefined ? article.dateline : undefined,
    ...bodyParts(article.body, index, dateline),
    ...updateParts(article),
  ]
  const text = parts.filter((part): part is string => part !== undefined && part.trim() !== '')
  return `${toPrintableText(text.join('\n\n'))}\n`
}

/** After the story, each correction or update: "Correction, March 4, 2023: " and its text. */
function updateParts(article: Article): string[] {
  const updates = article.updates ?? []
  if (updates.length === 0) return []
  const notices = updates.map(
    (update, position) => `${updateLabel(update, article, position)}: ${updateText(update)}`,
  )
  return ['Corrections and updates', ...notices]
}

/** The caption, and the credit in parentheses when the photo has one. */
function captionText(photo: Photo): string {
  return photo.credit === undefined ? photo.caption : `${photo.caption} (${photo.credit})`
}

/**
 * Body blocks as text parts, as the plain text prints them; consecutive list items form one part,
 * one item a line. The ninjs export counts the body's words and characters on these parts.
 */
export function bodyParts(
  body: readonly BodyBlock[],
  index: ContentIndex,
  dateline: { block: Block; text: string } | undefined,
): string[] {
  const parts: string[] = []
  let list: Block[] = []
  const flush = () => {
    if (list.length > 0) parts.push(listText(list))
    list = []
  }
  for (const block of body) {
    if (block._type === 'block' && block.listItem !== undefined) {
      list.push(block)
      continue
    }
    flush()
    if (block._type === 'photoEmbed') {
      const photo = index.photos.get(block.photo._ref)
      if (photo !== undefined) parts.push(captionText(photo))
    } else {
      const prefix = dateline?.block === block ? `${dateline.text}: ` : ''
      parts.push(`${prefix}${blockText(block)}`)
    }
  }
  flush()
  return parts
}

/** List items, one a line: "• " for bullets, "1. " for numbers, indented by level. */
function listText(items: readonly Block[]): string {
  // Numbering restarts when a deeper list ends or the list type at a level changes.
  const counters: number[] = []
  const types: (string | undefined)[] = []
  return items
    .map((item) => {
      const level = Math.max(1, item.level ?? 1)
      counters.length = level
      types.length = level
      if (types[level - 1] !== item.listItem) counters[level - 1] = 0
      types[level - 1] = item.listItem
      counters[level - 1] = (counters[level - 1] ?? 0) + 1
      const marker = item.listItem === 'number' ? `${counters[level - 1]}. ` : '• '
      return `${'  '.repeat(level - 1)}${marker}${blockText(item)}`
    })
    .join('\n')
}

/** The text of a block: its spans' text, joined. */
export function blockText(block: Block): string {
  return block.children.map((span) => span.text).join('')
}

/** A correction or update's text as plain text, its paragraphs separated by a blank line. */
export function updateText(update: ArticleUpdate): string {
  return update.text.map(blockText).join('\n\n')
}
