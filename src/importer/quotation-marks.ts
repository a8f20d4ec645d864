/**
 * Double quotation marks, paired as wire copy pairs them: curly marks say which way they face,
 * a straight mark closes an open quote and otherwise opens one. Single marks are left alone: the
 * same glyph is an apostrophe.
 *
 * Wire convention for a quote that runs on into the next paragraph: the first paragraph has no
 * closing mark, and the next one reopens with an opening mark. A quote is unterminated when a
 * paragraph ends inside it and the next paragraph does not reopen it, or when the story ends
 * inside it.
 */
import type { TextLine, WireStory } from './story.js'

/** An opening quotation mark that is never closed: in which part of the story, at what offset. */
export interface OpenMark {
  at: TextLine
  /** UTF-16 offset of the mark in `at.text`. */
  offset: number
}

const OPENING = '“'
const CLOSING = '”'
const STRAIGHT = '"'

/** How a text leaves its quotes: all closed, one open at the end, or one opened and abandoned. */
type Scan = { open?: number; unterminated?: number }

/**
 * The first opening mark of `story` that no closing mark answers, or undefined when every quote
 * closes. Headline, standfirst, caption and highlights stand alone; only body paragraphs continue.
 */
export function unterminatedQuote(story: WireStory): OpenMark | undefined {
  const singles = [story.headline, story.standfirst, story.caption, ...story.highlights]
  for (const part of singles) {
    if (part === undefined) continue
    const scan = scanMarks(part.text, 0, undefined)
    const offset = scan.unterminated ?? scan.open
    if (offset !== undefined) return { at: part, offset }
  }
  let carried: OpenMark | undefined
  for (const paragraph of story.paragraphs) {
    let start = 0
    if (carried !== undefined) {
      const first = paragraph.text[0]
      if (first !== OPENING && first !== STRAIGHT) return carried
      // The reopening mark continues the quote: it is where the quote now stands open.
      carried = { at: paragraph, offset: 0 }
      start = 1
    }
    const scan = scanMarks(paragraph.text, start, carried?.offset)
    if (scan.unterminated !== undefined) return { at: paragraph, offset: scan.unterminated }
    carried = scan.open === undefined ? undefined : { at: paragraph, offset: scan.open }
  }
  return carried
}

/** Pair the marks of `text` from `start`, with a quote open at `open` (an offset) or none. */
function scanMarks(text: string, start: number, open: number | undefined): Scan {
  let current = open
  for (let i = start; i < text.length; i++) {
    const char = text[i]
    if (char === OPENING) {
      // A second opening mark inside a quote: the first one was never closed.
      if (current !== undefined) return { unterminated: current }
      current = i
    } else if (char === CLOSING) {
      current = undefined
    } else if (char === STRAIGHT) {
      current = current === undefined ? i : undefined
    }
  }
  return current === undefined ? {} : { open: current }
}
