/**
 * Typographic quotation marks for the reader's pages: wire copy mixes straight `"` and `'` with
 * curly ones, and a page that shows both looks unedited. Only the HTML pages use this; the text,
 * Markdown and ninjs renderings keep the story's characters, because they must match the source.
 */

import type { Block } from '../generated/types.js'
import { escapeText } from './escape.js'

/** Characters after which a quotation mark opens a quote rather than closes one. */
const OPENS_AFTER = /[\s([{\u2014\u2013\-/\u201C\u2018]/u

/**
 * `text` with straight quotation marks turned typographic: `"` into “ or ”, and `'` into ‘, ’ or
 * the apostrophe ’. Whether a mark opens depends on the character before it, so pass the text
 * that precedes `text` in the same paragraph as `before` (a span's marks depend on the span
 * before it). Curly marks already in the text are kept.
 */
export function typographicQuotes(text: string, before = ''): string {
  let previous = before.slice(-1)
  let result = ''
  for (let index = 0; index < text.length; index++) {
    const character = text[index] as string
    const opens = previous === '' || OPENS_AFTER.test(previous)
    if (character === '"') result += opens ? '\u201C' : '\u201D'
    else if (character === "'") result += opens ? '\u2018' : '\u2019'
    else result += character
    previous = character
  }
  return result
}

/**
 * A copy of `block` whose spans' text is typographic: each span's marks decided with the text of
 * the spans before it in the block (a span may open with the mark that closes the span before).
 * The markDefs are the same objects, so annotations keep their identity.
 */
export function typographicBlock(block: Block): Block {
  let before = ''
  const children = block.children.map((span) => {
    const text = typographicQuotes(span.text, before)
    if (span.text !== '') before = span.text
    return text === span.text ? span : { ...span, text }
  })
  return { ...block, children: children as Block['children'] }
}

/**
 * Text for a reader's page: typographic quotation marks, then HTML-escaped for a text node. Pages
 * show content through this, so no page shows the straight marks the source may use.
 */
export function pageText(text: string): string {
  return escapeText(typographicQuotes(text))
}
