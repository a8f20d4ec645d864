import nlp from 'compromise'
import { slugOf } from '../slug.js'
import type { StoryPart, TextRange, WireStory } from '../story.js'

/** One part of a story's text, in reading order (`order` counts across parts). */
export interface PartText {
  part: StoryPart
  index: number
  text: string
  order: number
}

/** The story's parts the finder reads, in the order a reader meets them. */
export function partsOf(story: WireStory): PartText[] {
  const parts: Omit<PartText, 'order'>[] = [
    { part: 'headline', index: 0, text: story.headline.text },
  ]
  if (story.standfirst) parts.push({ part: 'standfirst', index: 0, text: story.standfirst.text })
  if (story.caption) parts.push({ part: 'caption', index: 0, text: story.caption.text })
  story.highlights.forEach((h, index) => {
    parts.push({ part: 'highlight', index, text: h.text })
  })
  story.paragraphs.forEach((p, index) => {
    parts.push({ part: 'paragraph', index, text: p.text })
  })
  return parts.map((p, order) => ({ ...p, order }))
}

/** A range of a part's text. */
export function rangeIn(part: PartText, start: number, end: number): TextRange {
  return { part: part.part, index: part.index, start, end }
}

/** Where a range lies in reading order, for "earlier than" comparisons across parts. */
export function position(part: PartText, offset: number): number {
  return part.order * 1_000_000 + offset
}

/** A sentence of a part: its offsets. */
export interface Sentence {
  start: number
  end: number
}

/**
 * The sentences of a text, by compromise's sentence splitter (which knows abbreviations such
 * as "U.N."), as offsets into the text.
 */
export function sentencesOf(text: string): Sentence[] {
  const found = nlp(text).sentences().json({ offset: true }) as {
    offset: { start: number; length: number }
  }[]
  const sentences = found.map((s) => ({
    start: s.offset.start,
    end: s.offset.start + s.offset.length,
  }))
  if (sentences.length === 0) return [{ start: 0, end: text.length }]
  // Offsets skip leading quotation marks and spaces: close the gaps, so every character has a sentence.
  const first = sentences[0] as Sentence
  first.start = 0
  for (let i = 1; i < sentences.length; i++)
    (sentences[i] as Sentence).start = (sentences[i - 1] as Sentence).end
  ;(sentences[sentences.length - 1] as Sentence).end = text.length
  return sentences
}

const firstNames = new Map<string, boolean>()

/** Whether compromise's lexicon knows a word as a first name ("Sergei", "Ingrid"). */
export function isFirstName(word: string): boolean {
  let known = firstNames.get(word)
  if (known === undefined) {
    known = nlp(word).has('#FirstName')
    firstNames.set(word, known)
  }
  return known
}

/**
 * A name as the slug of an id: as the assembler's slugs, with dots and apostrophes dropped
 * first, so that "U.N." gives `un` and "Shippers' Association" `shippers-association`.
 */
export function nameSlug(text: string): string {
  return slugOf(text.replace(/[.'’]/g, ''))
}

/** Regular-expression text that matches `text` literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
