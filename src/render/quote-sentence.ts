/**
 * The sentence of the story a quote stands in. A partial quote ("farce") or a paraphrase ("he had
 * told Lavrov to engage in diplomacy") makes no sense alone: it is part of the writer's sentence,
 * so the who-said-what lists show that sentence with the quote's words marked. The sentence is
 * found where the quote is first placed: the block whose spans carry its quotation annotation.
 */
import type { Block, Quote } from '../generated/types.js'
import { type ContentIndex, textBlocksOf } from './content-index.js'
import { articleLanguage } from './language.js'
import { typographicQuotes } from './typography.js'

/** A sentence cut in three around a quote's words, with typographic quotation marks. */
export interface QuoteInSentence {
  before: string
  words: string
  after: string
}

/**
 * The sentence that carries `quote`'s words where it is first placed, or `undefined` when it
 * stands in no article. A quote whose words run over several sentences gets all of them.
 */
export function quoteInSentence(quote: Quote, index: ContentIndex): QuoteInSentence | undefined {
  const place = index.placements.get(quote._id)?.[0]
  if (place === undefined) return undefined
  const found = textBlocksOf(place.article).find(({ pointer }) => pointer === place.pointer)
  if (found === undefined) return undefined
  const { text, start, end } = quotedRange(found.block, quote._id)
  if (start >= end) return undefined
  const sentences = [...sentenceSegmenter(articleLanguage(place.article, undefined)).segment(text)]
  const first = sentences.findLast((sentence) => sentence.index <= start)
  const last = sentences.findLast((sentence) => sentence.index < end)
  const from = first?.index ?? 0
  const to = last === undefined ? text.length : last.index + last.segment.length
  // Typography over the whole paragraph, as a mark's shape depends on the character before it;
  // it maps each character to one, so the offsets still hold.
  const typeset = typographicQuotes(text)
  return {
    before: typeset.slice(from, start).trimStart(),
    words: typeset.slice(start, end),
    after: typeset.slice(end, to).trimEnd(),
  }
}

/** The block's text, and where the spans annotated as `quoteId` begin and end in it. */
function quotedRange(block: Block, quoteId: string): { text: string; start: number; end: number } {
  const keys = new Set(
    block.markDefs.flatMap((def) =>
      def?._type === 'quotation' && def.quote._ref === quoteId ? [def._key] : [],
    ),
  )
  let text = ''
  let start = Number.POSITIVE_INFINITY
  let end = 0
  for (const span of block.children) {
    const words = span.text ?? ''
    if ((span.marks ?? []).some((mark) => keys.has(mark))) {
      start = Math.min(start, text.length)
      end = text.length + words.length
    }
    text += words
  }
  return { text, start, end }
}

const segmenters = new Map<string, Intl.Segmenter>()

/**
 * One sentence segmenter per language (Unicode's sentence boundaries, as ICU implements them). An
 * article without a language of its own is segmented in the renderer's: the boundaries of
 * languages written with full stops barely differ.
 */
function sentenceSegmenter(language: string): Intl.Segmenter {
  const found = segmenters.get(language)
  if (found !== undefined) return found
  const segmenter = new Intl.Segmenter(language, { granularity: 'sentence' })
  segmenters.set(language, segmenter)
  return segmenter
}
